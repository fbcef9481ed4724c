using System.Runtime.CompilerServices;

namespace TwinLang.Lowering.Symbolic;

/// <summary>
/// Symbolic partial derivatives of IR expressions (forward chain rule over the expression tree), simplified
/// with <see cref="IrSimplifier"/>. Piecewise functions (abs, sign, min, max, floor, conditionals, tables) get
/// the derivative of the piece that is active at the evaluation point; discontinuities are not smoothed.
/// </summary>
public static class IrDifferentiator
{
    private static readonly ConditionalWeakTable<IrTable, IrTable> SlopeTables = new();

    /// <summary>
    /// The partial derivative of <paramref name="expression"/> with respect to the element <paramref name="variable"/>
    /// (same block, structurally equal indices, same <see cref="IrVariable.IsDerivative"/>); every other reference
    /// is constant. Inside a reduction over <c>i</c>, a reference <c>x[i + c]</c> to the variable's block is the
    /// variable for the one <c>i</c> that makes the indices equal, so <c>∂/∂x[k] sum(f(x[i]) for i) = f'(x[k])</c>
    /// when <c>k</c> lies in the loop's range.
    /// </summary>
    public static IrExpression Differentiate(IrExpression expression, IrVariable variable)
    {
        ArgumentNullException.ThrowIfNull(expression);
        ArgumentNullException.ThrowIfNull(variable);
        return IrSimplifier.Simplify(new Walker(variable, matchReductions: true).D(expression));
    }

    /// <summary>
    /// The partial derivative of <paramref name="expression"/> with respect to a sub-expression taken as an
    /// independent symbol: every occurrence structurally equal to <paramref name="atom"/> has derivative 1 and
    /// nothing else depends on it (used for the chain rule through reductions).
    /// </summary>
    public static IrExpression DifferentiateByAtom(IrExpression expression, IrExpression atom)
    {
        ArgumentNullException.ThrowIfNull(expression);
        ArgumentNullException.ThrowIfNull(atom);
        return IrSimplifier.Simplify(new Walker(atom, matchReductions: false).D(expression));
    }

    /// <summary>
    /// <c>∂R/∂b_i</c> for a reduction <c>R</c> over elements <c>b_i</c> (<paramref name="element"/>, the body
    /// at the current index): 1 for sum, <c>1/n</c> for mean, 1 at the extreme element for min/max, <c>R / b_i</c>
    /// for product (exact when no factor is zero).
    /// </summary>
    public static IrExpression ElementWeight(IrReduction reduction, IrExpression element)
    {
        ArgumentNullException.ThrowIfNull(reduction);
        return reduction.Kind switch
        {
            IrReductionKind.Sum => IrConstant.One,
            IrReductionKind.Mean => new IrConstant(1.0 / Math.Max(1, reduction.Loop.Count)),
            IrReductionKind.Min or IrReductionKind.Max => IrSimplifier.Conditional(new IrBinary(element, IrBinaryOperator.Equal, reduction), IrConstant.One, IrConstant.Zero),
            IrReductionKind.Product => IrSimplifier.Binary(reduction, IrBinaryOperator.Divide, element),
            _ => throw new ArgumentOutOfRangeException(nameof(reduction), reduction.Kind, "Unknown reduction."),
        };
    }

    /// <summary>
    /// The table of slopes of <paramref name="table"/>'s linear interpolation, as a hold table with linear
    /// extrapolation (it holds each segment's slope over that segment); one instance per table.
    /// </summary>
    public static IrTable SlopeTable(IrTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        return SlopeTables.GetValue(table, static t =>
        {
            var n = t.Inputs.Length;
            var slopes = new double[n];
            for (var k = 0; k + 1 < n; k++)
            {
                slopes[k] = (t.Outputs[k + 1] - t.Outputs[k]) / (t.Inputs[k + 1] - t.Inputs[k]);
            }

            if (n > 1)
            {
                slopes[n - 1] = slopes[n - 2];
            }

            return new IrTable(t.Name + "_slope", t.Inputs, [.. slopes], Hold: true, ExtrapolateLinearly: true);
        });
    }

    private static IrExpression Add(IrExpression a, IrExpression b) => IrSimplifier.Binary(a, IrBinaryOperator.Add, b);

    private static IrExpression Sub(IrExpression a, IrExpression b) => IrSimplifier.Binary(a, IrBinaryOperator.Subtract, b);

    private static IrExpression Mul(IrExpression a, IrExpression b) => IrSimplifier.Binary(a, IrBinaryOperator.Multiply, b);

    private static IrExpression Div(IrExpression a, IrExpression b) => IrSimplifier.Binary(a, IrBinaryOperator.Divide, b);

    private static IrExpression Pow(IrExpression a, double b) => IrSimplifier.Binary(a, IrBinaryOperator.Power, new IrConstant(b));

    private static IrExpression Call(IrFunction function, params IrExpression[] arguments) => IrSimplifier.Call(function, arguments);

    private static IrExpression Num(double value) => new IrConstant(value);

    private sealed class Walker(IrExpression atom, bool matchReductions)
    {
        public IrExpression D(IrExpression e)
        {
            if (e.Equals(atom))
            {
                return IrConstant.One;
            }

            if (!MayDependOnAtom(e))
            {
                return IrConstant.Zero;
            }

            return e switch
            {
                IrUnary { Operator: IrUnaryOperator.Negate } u => IrSimplifier.Negate(D(u.Operand)),
                IrBinary b => Binary(b),
                IrConditional c when !c.IsBoolean => IrSimplifier.Conditional(c.Condition, D(c.WhenTrue), D(c.WhenFalse)),
                IrCall call => Function(call),
                IrReduction r => Reduction(r),
                IrTableLookup t => Table(t),
                _ => IrConstant.Zero,
            };
        }

        private bool MayDependOnAtom(IrExpression e) => IrTraversal.DescendantsAndSelf(e).Any(node =>
            node.Equals(atom) ||
            (matchReductions && atom is IrVariable v && node is IrVariable r && r.Block == v.Block && r.IsDerivative == v.IsDerivative));

        private IrExpression Binary(IrBinary b)
        {
            var (u, v) = (b.Left, b.Right);
            switch (b.Operator)
            {
                case IrBinaryOperator.Add:
                    return Add(D(u), D(v));
                case IrBinaryOperator.Subtract:
                    return Sub(D(u), D(v));
                case IrBinaryOperator.Multiply:
                    return Add(Mul(D(u), v), Mul(u, D(v)));
                case IrBinaryOperator.Divide:
                    // (u/v)' = u'/v - u v'/v²
                    return Sub(Div(D(u), v), Div(Mul(u, D(v)), Pow(v, 2)));
                case IrBinaryOperator.Power when v is IrConstant c:
                    return Mul(Mul(Num(c.Value), Pow(u, c.Value - 1)), D(u));
                case IrBinaryOperator.Power:
                    // (u^v)' = u^v (v' ln u + v u'/u); the first term vanishes for a constant base exponent-free of the atom.
                    var dv = D(v);
                    var du = D(u);
                    var logTerm = Mul(dv, Call(IrFunction.Log, u));
                    var baseTerm = Div(Mul(v, du), u);
                    return Mul(b, Add(logTerm, baseTerm));
                default:
                    return IrConstant.Zero;
            }
        }

        private IrExpression Function(IrCall call)
        {
            var args = call.Arguments.Items;
            var u = args[0];
            var du = D(u);
            switch (call.Function)
            {
                case IrFunction.Exp:
                    return Mul(call, du);
                case IrFunction.Log:
                    return Div(du, u);
                case IrFunction.Log10:
                    return Div(du, Mul(Num(Math.Log(10)), u));
                case IrFunction.Sin:
                    return Mul(Call(IrFunction.Cos, u), du);
                case IrFunction.Cos:
                    return IrSimplifier.Negate(Mul(Call(IrFunction.Sin, u), du));
                case IrFunction.Tan:
                    return Div(du, Pow(Call(IrFunction.Cos, u), 2));
                case IrFunction.Asin:
                    return Div(du, Call(IrFunction.Sqrt, Sub(IrConstant.One, Pow(u, 2))));
                case IrFunction.Acos:
                    return IrSimplifier.Negate(Div(du, Call(IrFunction.Sqrt, Sub(IrConstant.One, Pow(u, 2)))));
                case IrFunction.Atan:
                    return Div(du, Add(IrConstant.One, Pow(u, 2)));
                case IrFunction.Sinh:
                    return Mul(Call(IrFunction.Cosh, u), du);
                case IrFunction.Cosh:
                    return Mul(Call(IrFunction.Sinh, u), du);
                case IrFunction.Tanh:
                    return Mul(Sub(IrConstant.One, Pow(call, 2)), du);
                case IrFunction.Abs:
                    return Mul(Call(IrFunction.Sign, u), du);
                case IrFunction.Floor or IrFunction.Ceiling or IrFunction.Sign:
                    return IrConstant.Zero;
                case IrFunction.Sqrt:
                    return Div(du, Mul(Num(2), call));
                case IrFunction.Atan2:
                    // atan2(y, x)' = (x y' - y x') / (x² + y²)
                    var x = args[1];
                    return Div(Sub(Mul(x, du), Mul(u, D(x))), Add(Pow(x, 2), Pow(u, 2)));
                case IrFunction.Min:
                    return IrSimplifier.Conditional(new IrBinary(u, IrBinaryOperator.LessOrEqual, args[1]), du, D(args[1]));
                case IrFunction.Max:
                    return IrSimplifier.Conditional(new IrBinary(u, IrBinaryOperator.GreaterOrEqual, args[1]), du, D(args[1]));
                default:
                    throw new ArgumentOutOfRangeException(nameof(call), call.Function, "Unknown function.");
            }
        }

        private IrExpression Table(IrTableLookup lookup)
        {
            var table = lookup.Table;
            var du = D(lookup.Argument);
            if (table.Hold || table.Inputs.Length < 2 || du is IrConstant { Value: 0 })
            {
                return IrConstant.Zero;
            }

            IrExpression slope = new IrTableLookup(SlopeTable(table), lookup.Argument);
            if (!table.ExtrapolateLinearly)
            {
                // Clamped outside the abscissae: flat there.
                var outside = new IrBinary(
                    new IrBinary(lookup.Argument, IrBinaryOperator.Less, Num(table.Inputs[0])),
                    IrBinaryOperator.Or,
                    new IrBinary(lookup.Argument, IrBinaryOperator.Greater, Num(table.Inputs[^1])));
                slope = IrSimplifier.Conditional(outside, IrConstant.Zero, slope);
            }

            return Mul(slope, du);
        }

        private IrExpression Reduction(IrReduction reduction)
        {
            var loop = reduction.Loop;
            var body = reduction.Body;
            var weight = ElementWeight(reduction, body);
            IrExpression result = reduction.Kind == IrReductionKind.Mean
                ? IrSimplifier.Reduction(IrReductionKind.Mean, loop, D(body))
                : IrSimplifier.Reduction(IrReductionKind.Sum, loop, Mul(weight, D(body)));
            if (!matchReductions || atom is not IrVariable variable)
            {
                return result;
            }

            var references = IrAlgebra.Variables(body)
                .Where(r => r.Block == variable.Block && r.IsDerivative == variable.IsDerivative && IrSubstitution.UsesLoop(r, loop))
                .Distinct()
                .ToList();
            foreach (var reference in references)
            {
                var local = Mul(weight, DifferentiateByAtom(body, reference));
                result = Add(result, Match(reference, variable, loop, local));
            }

            return result;
        }

        /// <summary>
        /// The contribution of one reference <c>x[g(i)]</c> inside a reduction over <c>i</c> to the derivative by
        /// <c>x[e]</c>: <paramref name="local"/> at the <c>i</c> with <c>g(i) = e</c>. A shift <c>i + c</c> in one
        /// dimension is solved for <c>i</c>; any other index form sums over the loop with an equality test.
        /// </summary>
        private static IrExpression Match(IrVariable reference, IrVariable variable, IrLoop loop, IrExpression local)
        {
            var dimensions = reference.Indices.Items.Length;
            var shifted = -1;
            var shift = 0.0;
            var solvable = true;
            for (var k = 0; k < dimensions && solvable; k++)
            {
                var index = reference.Indices.Items[k];
                if (!IrSubstitution.UsesLoop(index, loop))
                {
                    solvable = index.Equals(variable.Indices.Items[k]);
                }
                else if (shifted < 0 && Shift(index, loop) is { } c)
                {
                    (shifted, shift) = (k, c);
                }
                else
                {
                    solvable = false;
                }
            }

            if (solvable && shifted >= 0)
            {
                if (!reference.Indices.Items.Where((_, k) => k != shifted).SequenceEqual(variable.Indices.Items.Where((_, k) => k != shifted)))
                {
                    return IrConstant.Zero;
                }

                var at = IrSimplifier.Binary(variable.Indices.Items[shifted], IrBinaryOperator.Subtract, Num(shift));
                var inRange = IrSimplifier.Binary(
                    IrSimplifier.Binary(at, IrBinaryOperator.GreaterOrEqual, Num(loop.Start)),
                    IrBinaryOperator.And,
                    IrSimplifier.Binary(at, IrBinaryOperator.LessOrEqual, Num(loop.End)));
                return IrSimplifier.Conditional(inRange, IrSubstitution.Substitute(local, loop, at), IrConstant.Zero);
            }

            IrExpression same = new IrBoolean(true);
            for (var k = 0; k < dimensions; k++)
            {
                same = IrSimplifier.Binary(same, IrBinaryOperator.And, IrSimplifier.Binary(reference.Indices.Items[k], IrBinaryOperator.Equal, variable.Indices.Items[k]));
            }

            return IrSimplifier.Reduction(IrReductionKind.Sum, loop, IrSimplifier.Conditional(same, local, IrConstant.Zero));
        }

        /// <summary>c when <paramref name="index"/> is <c>i + c</c> or <c>i - c</c> (or <c>i</c>) for the loop's index; else null.</summary>
        private static double? Shift(IrExpression index, IrLoop loop) => index switch
        {
            IrIndex i when i.Loop == loop => 0,
            IrBinary { Operator: IrBinaryOperator.Add, Left: IrIndex i, Right: IrConstant c } when i.Loop == loop => c.Value,
            IrBinary { Operator: IrBinaryOperator.Add, Left: IrConstant c, Right: IrIndex i } when i.Loop == loop => c.Value,
            IrBinary { Operator: IrBinaryOperator.Subtract, Left: IrIndex i, Right: IrConstant c } when i.Loop == loop => -c.Value,
            _ => null,
        };
    }
}
