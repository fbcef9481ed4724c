using TwinLang.Lowering;
using TwinLang.Lowering.Symbolic;
using Xunit;
using static TwinLang.Symbolic.IrTestModel;

namespace TwinLang.Symbolic;

public sealed class IrDifferentiatorTests
{
    private const int Points = 25;

    private static IrExpression B(IrExpression l, IrBinaryOperator op, IrExpression r) => new IrBinary(l, op, r);

    private static IrExpression F(IrFunction f, params IrExpression[] args) => new IrCall(f, new IrExpressionList([.. args]));

    private static IrExpression C(double value) => new IrConstant(value);

    public static TheoryData<IrFunction> Functions() => [.. Enum.GetValues<IrFunction>()];

    public static TheoryData<IrBinaryOperator> ArithmeticOperators() =>
        [IrBinaryOperator.Add, IrBinaryOperator.Subtract, IrBinaryOperator.Multiply, IrBinaryOperator.Divide, IrBinaryOperator.Power];

    [Theory]
    [MemberData(nameof(Functions))]
    public void Differentiate_EveryFunction_MatchesCentralDifferences(IrFunction function)
    {
        var random = new Random(17 + (int)function);
        for (var point = 0; point < Points; point++)
        {
            var model = new IrTestModel();
            // Arguments inside every function's domain and away from kinks: (0.05, 0.95) in magnitude, random sign where allowed.
            var positive = function is IrFunction.Log or IrFunction.Log10 or IrFunction.Sqrt;
            var x = model.Scalar("x", Sample(random, positive));
            var y = model.Scalar("y", Sample(random, positive));
            var vx = Ref(x);
            var vy = Ref(y);
            var inner = B(C(0.9), IrBinaryOperator.Multiply, vx); // chain rule through a scale
            var expression = function is IrFunction.Atan2 or IrFunction.Min or IrFunction.Max
                ? F(function, inner, B(vy, IrBinaryOperator.Multiply, vx))
                : F(function, inner);
            AssertDerivatives(model, expression, vx, vy);
        }
    }

    [Theory]
    [MemberData(nameof(ArithmeticOperators))]
    public void Differentiate_EveryArithmeticOperator_MatchesCentralDifferences(IrBinaryOperator op)
    {
        var random = new Random(41 + (int)op);
        for (var point = 0; point < Points; point++)
        {
            var model = new IrTestModel();
            var vx = Ref(model.Scalar("x", Sample(random, positive: true) + 0.5));
            var vy = Ref(model.Scalar("y", Sample(random, positive: false)));
            // Variable base and exponent, and a negated, scaled right operand.
            var expression = B(B(vx, op, vy), IrBinaryOperator.Add, B(vy, op, new IrUnary(IrUnaryOperator.Negate, B(C(3), IrBinaryOperator.Multiply, vx))));
            if (op == IrBinaryOperator.Power)
            {
                expression = B(B(vx, op, vy), IrBinaryOperator.Add, B(B(vy, op, C(3)), IrBinaryOperator.Add, B(C(2), op, vx)));
            }

            AssertDerivatives(model, expression, vx, vy);
        }
    }

    [Fact]
    public void Differentiate_Conditional_TakesTheActiveBranch()
    {
        var random = new Random(5);
        for (var point = 0; point < Points; point++)
        {
            var model = new IrTestModel();
            var vx = Ref(model.Scalar("x", Sample(random, positive: false)));
            var vy = Ref(model.Scalar("y", Sample(random, positive: false)));
            var expression = new IrConditional(B(vx, IrBinaryOperator.Greater, vy), B(vx, IrBinaryOperator.Multiply, vy), F(IrFunction.Sin, vx));
            AssertDerivatives(model, expression, vx, vy);
        }
    }

    [Theory]
    [InlineData(false, false)]
    [InlineData(false, true)]
    [InlineData(true, false)]
    public void Differentiate_TableLookup_IsTheSlopeOfTheSegment(bool hold, bool extrapolate)
    {
        var table = new IrTable("ocv", Doubles(0, 0.2, 0.5, 1), Doubles(3, 3.5, 3.7, 4.2), hold, extrapolate);
        var random = new Random(9);
        for (var point = 0; point < Points; point++)
        {
            var model = new IrTestModel();
            var vx = Ref(model.Scalar("x", (random.NextDouble() * 1.6) - 0.3));
            var expression = new IrTableLookup(table, B(vx, IrBinaryOperator.Multiply, vx));
            AssertDerivatives(model, expression, vx);
        }
    }

    [Theory]
    [InlineData(IrReductionKind.Sum)]
    [InlineData(IrReductionKind.Mean)]
    [InlineData(IrReductionKind.Product)]
    [InlineData(IrReductionKind.Min)]
    [InlineData(IrReductionKind.Max)]
    public void Differentiate_ReductionByElement_MatchesCentralDifferences(IrReductionKind kind)
    {
        var random = new Random(23 + (int)kind);
        for (var point = 0; point < 5; point++)
        {
            var model = new IrTestModel();
            var values = Enumerable.Range(0, 6).Select(_ => Sample(random, positive: true)).ToArray();
            var x = model.Array("x", values);
            var s = model.Scalar("s", Sample(random, positive: false));
            var loop = new IrLoop("i", 2, 5);
            var i = new IrIndex(loop);
            // sum(s * sin(x[i]) * x[i + 1] + i for i in 2..5): each x[k] appears twice (as x[i] and x[i + 1]).
            var body = B(B(B(Ref(s), IrBinaryOperator.Multiply, F(IrFunction.Sin, Ref(x, i))), IrBinaryOperator.Multiply, Ref(x, B(i, IrBinaryOperator.Add, C(1)))), IrBinaryOperator.Add, i);
            var expression = new IrReduction(kind, loop, body);
            for (var k = 1; k <= 6; k++)
            {
                AssertDerivatives(model, expression, Ref(x, k));
            }

            AssertDerivatives(model, expression, Ref(s));

            // With respect to x[j] for a loop index j of an enclosing assignment.
            var outer = new IrLoop("j", 1, 6);
            for (var j = 1; j <= 6; j++)
            {
                model.Loops[outer] = j;
                AssertDerivatives(model, expression, Ref(x, new IrIndex(outer)));
            }
        }
    }

    [Fact]
    public void Differentiate_ReductionWithUnsolvableIndex_SumsOverMatchingElements()
    {
        var model = new IrTestModel();
        var x = model.Array("x", 0.3, 0.7, 0.2, 0.9);
        var loop = new IrLoop("i", 1, 2);
        var i = new IrIndex(loop);
        // x[2 * i]: the index is not a shift of i.
        var expression = new IrReduction(IrReductionKind.Sum, loop, B(Ref(x, B(C(2), IrBinaryOperator.Multiply, i)), IrBinaryOperator.Power, C(3)));
        for (var k = 1; k <= 4; k++)
        {
            AssertDerivatives(model, expression, Ref(x, k));
        }
    }

    [Fact]
    public void Differentiate_OtherVariable_IsZero()
    {
        var model = new IrTestModel();
        var vx = Ref(model.Scalar("x", 1));
        var vy = Ref(model.Scalar("y", 2));
        Assert.Equal(IrConstant.Zero, IrDifferentiator.Differentiate(F(IrFunction.Exp, vy), vx));
        Assert.Equal(IrConstant.One, IrDifferentiator.Differentiate(vx, vx));
        Assert.Equal(IrConstant.Zero, IrDifferentiator.Differentiate(vx, vx with { IsDerivative = true }));
    }

    [Fact]
    public void Differentiate_Polynomial_IsSimplified()
    {
        var model = new IrTestModel();
        var vx = Ref(model.Scalar("x", 1));
        // d/dx (3 * x^2 + x + 1) = 6 * x + 1
        var expression = B(B(B(C(3), IrBinaryOperator.Multiply, B(vx, IrBinaryOperator.Power, C(2))), IrBinaryOperator.Add, vx), IrBinaryOperator.Add, C(1));
        Assert.Equal("((6 * x) + 1)", IrPrinter.Expression(IrDifferentiator.Differentiate(expression, vx)));
    }

    private static double Sample(Random random, bool positive)
    {
        var magnitude = 0.05 + (0.9 * random.NextDouble());
        return positive || random.Next(2) == 0 ? magnitude : -magnitude;
    }

    private static void AssertDerivatives(IrTestModel model, IrExpression expression, params IrVariable[] variables)
    {
        foreach (var variable in variables)
        {
            var symbolic = model.Evaluate(IrDifferentiator.Differentiate(expression, variable));
            var numeric = model.CentralDifference(expression, variable);
            var tolerance = 1e-6 * Math.Max(1, Math.Abs(numeric));
            Assert.True(
                Math.Abs(symbolic - numeric) <= tolerance,
                $"d/d{IrPrinter.Expression(variable)} {IrPrinter.Expression(expression)}: symbolic {symbolic}, central differences {numeric}; derivative {IrPrinter.Expression(IrDifferentiator.Differentiate(expression, variable))}");
        }
    }
}
