using System.Collections.Immutable;
using TwinLang.Lowering;
using TwinLang.Lowering.Symbolic;
using TwinLang.Text;

namespace TwinLang.Symbolic;

/// <summary>Blocks, variables and a reference evaluator of IR expressions for the symbolic-algebra tests.</summary>
internal sealed class IrTestModel
{
    private static readonly IrOrigin Origin = new(string.Empty, 1, string.Empty, new SourceText(string.Empty), new TextSpan(0, 0));

    private readonly Dictionary<IrBlock, double[]> _values = [];

    public IrBlock Scalar(string name, double value)
    {
        var block = new IrBlock([new IrNameSegment(name, 0)], [], IrStorage.State, false, string.Empty, string.Empty, Origin);
        _values[block] = [value];
        return block;
    }

    public IrBlock Array(string name, params double[] values)
    {
        var block = new IrBlock([new IrNameSegment(name, 1)], [values.Length], IrStorage.State, false, string.Empty, string.Empty, Origin);
        _values[block] = values;
        return block;
    }

    public static IrVariable Ref(IrBlock block, params IrExpression[] indices) => IrAlgebra.Variable(block, [.. indices]);

    public static IrVariable Ref(IrBlock block, int index) => Ref(block, new IrConstant(index));

    public Dictionary<IrLoop, int> Loops { get; } = [];

    /// <summary>The value of an element (the evaluator's variable source); settable for finite differences.</summary>
    public ref double Element(IrVariable variable) => ref _values[variable.Block][Flat(variable)];

    public double Evaluate(IrExpression expression) => expression switch
    {
        IrConstant c => c.Value,
        IrBoolean b => b.Value ? 1 : 0,
        IrIndex i => Loops[i.Loop],
        IrVariable v => Element(v),
        IrUnary { Operator: IrUnaryOperator.Negate } u => -Evaluate(u.Operand),
        IrUnary u => Evaluate(u.Operand) == 0 ? 1 : 0,
        IrBinary b => Binary(b),
        IrConditional c => Evaluate(c.Condition) != 0 ? Evaluate(c.WhenTrue) : Evaluate(c.WhenFalse),
        IrCall call => IrFunctions.Apply(call.Function, [.. call.Arguments.Items.Select(Evaluate)]),
        IrReduction r => Reduce(r),
        IrTableLookup t => IrFunctions.Interpolate(t.Table, Evaluate(t.Argument)),
        _ => throw new InvalidOperationException(expression.GetType().Name),
    };

    private int Flat(IrVariable variable)
    {
        var flat = 0;
        for (var k = 0; k < variable.Block.Sizes.Length; k++)
        {
            flat = (flat * variable.Block.Sizes[k]) + (int)Math.Round(Evaluate(variable.Indices.Items[k])) - 1;
        }

        return flat;
    }

    private double Binary(IrBinary b)
    {
        var l = Evaluate(b.Left);
        var r = Evaluate(b.Right);
        return b.Operator switch
        {
            IrBinaryOperator.Add => l + r,
            IrBinaryOperator.Subtract => l - r,
            IrBinaryOperator.Multiply => l * r,
            IrBinaryOperator.Divide => l / r,
            IrBinaryOperator.Power => Math.Pow(l, r),
            IrBinaryOperator.Less => l < r ? 1 : 0,
            IrBinaryOperator.LessOrEqual => l <= r ? 1 : 0,
            IrBinaryOperator.Greater => l > r ? 1 : 0,
            IrBinaryOperator.GreaterOrEqual => l >= r ? 1 : 0,
            IrBinaryOperator.Equal => l == r ? 1 : 0,
            IrBinaryOperator.NotEqual => l != r ? 1 : 0,
            IrBinaryOperator.And => l != 0 && r != 0 ? 1 : 0,
            _ => l != 0 || r != 0 ? 1 : 0,
        };
    }

    private double Reduce(IrReduction r)
    {
        var values = new List<double>();
        var saved = Loops.TryGetValue(r.Loop, out var old);
        for (var i = r.Loop.Start; i <= r.Loop.End; i++)
        {
            Loops[r.Loop] = i;
            values.Add(Evaluate(r.Body));
        }

        if (saved)
        {
            Loops[r.Loop] = old;
        }
        else
        {
            Loops.Remove(r.Loop);
        }

        return r.Kind switch
        {
            IrReductionKind.Sum => values.Sum(),
            IrReductionKind.Mean => values.Average(),
            IrReductionKind.Min => values.Aggregate(double.PositiveInfinity, Math.Min),
            IrReductionKind.Max => values.Aggregate(double.NegativeInfinity, Math.Max),
            _ => values.Aggregate(1.0, (a, b) => a * b),
        };
    }

    /// <summary>Central difference of <paramref name="expression"/> by <paramref name="variable"/> at the current values.</summary>
    public double CentralDifference(IrExpression expression, IrVariable variable)
    {
        ref var x = ref Element(variable);
        var original = x;
        var h = 1e-6 * Math.Max(1, Math.Abs(original));
        x = original + h;
        var plus = Evaluate(expression);
        x = original - h;
        var minus = Evaluate(expression);
        x = original;
        return (plus - minus) / (2 * h);
    }

    public static ImmutableArray<double> Doubles(params double[] values) => [.. values];
}
