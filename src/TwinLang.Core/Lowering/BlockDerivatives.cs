namespace TwinLang.Lowering;

/// <summary>
/// Partial derivatives of an implicit block's residuals with respect to its unknowns, for the Newton Jacobian.
/// Returns null where an unknown sits inside something without a usable derivative (a table, a reduction,
/// <c>floor</c>), so the block is reported instead of solved with a wrong Jacobian.
/// </summary>
/// <remarks>
/// TODO(#4): delegate to <c>IrDifferentiator.Differentiate</c> (branch symbolic) once it lands; this keeps
/// the one entry point the builder calls.
/// </remarks>
internal static class BlockDerivatives
{
    public static IrExpression? Differentiate(IrExpression expression, IrVariable variable)
    {
        if (!IrAlgebra.Contains(expression, variable))
        {
            return IrConstant.Zero;
        }

        IrExpression? D(IrExpression e) => Differentiate(e, variable);
        IrExpression Mul(IrExpression a, IrExpression b) => IrAlgebra.Binary(a, IrBinaryOperator.Multiply, b);
        IrExpression Div(IrExpression a, IrExpression b) => IrAlgebra.Binary(a, IrBinaryOperator.Divide, b);
        IrExpression Add(IrExpression a, IrExpression b) => IrAlgebra.Binary(a, IrBinaryOperator.Add, b);
        IrExpression Sub(IrExpression a, IrExpression b) => IrAlgebra.Binary(a, IrBinaryOperator.Subtract, b);
        IrExpression Call(IrFunction f, params IrExpression[] args) => IrAlgebra.Call(f, args);

        switch (expression)
        {
            case IrVariable v:
                return v.Equals(variable) ? IrConstant.One : IrConstant.Zero;
            case IrUnary { Operator: IrUnaryOperator.Negate } u:
                return D(u.Operand) is { } du ? IrAlgebra.Negate(du) : null;
            case IrBinary { Operator: IrBinaryOperator.Add or IrBinaryOperator.Subtract } b:
                return D(b.Left) is { } dl && D(b.Right) is { } dr ? IrAlgebra.Binary(dl, b.Operator, dr) : null;
            case IrBinary { Operator: IrBinaryOperator.Multiply } b:
                return D(b.Left) is { } ml && D(b.Right) is { } mr ? Add(Mul(ml, b.Right), Mul(b.Left, mr)) : null;
            case IrBinary { Operator: IrBinaryOperator.Divide } b:
                if (D(b.Left) is not { } ql || D(b.Right) is not { } qr)
                {
                    return null;
                }

                return IrAlgebra.Evaluate(qr) == 0
                    ? Div(ql, b.Right)
                    : Div(Sub(Mul(ql, b.Right), Mul(b.Left, qr)), IrAlgebra.Binary(b.Right, IrBinaryOperator.Power, new IrConstant(2)));
            case IrBinary { Operator: IrBinaryOperator.Power } b when !IrAlgebra.Contains(b.Right, variable):
                return D(b.Left) is { } pl
                    ? Mul(Mul(b.Right, IrAlgebra.Binary(b.Left, IrBinaryOperator.Power, Sub(b.Right, IrConstant.One))), pl)
                    : null;
            case IrBinary { Operator: IrBinaryOperator.Power } b:
                // d(a^c) = a^c * (c' ln a + c a'/a)
                return D(b.Left) is { } el && D(b.Right) is { } er
                    ? Mul(expression, Add(Mul(er, Call(IrFunction.Log, b.Left)), Div(Mul(b.Right, el), b.Left)))
                    : null;
            case IrConditional c when !IrAlgebra.Contains(c.Condition, variable) || c.Condition.IsBoolean:
                return D(c.WhenTrue) is { } dt && D(c.WhenFalse) is { } df ? new IrConditional(c.Condition, dt, df) : null;
            case IrCall call when call.Arguments.Items.Length == 1:
                var a = call.Arguments.Items[0];
                if (D(a) is not { } da)
                {
                    return null;
                }

                IrExpression? outer = call.Function switch
                {
                    IrFunction.Exp => expression,
                    IrFunction.Log => Div(IrConstant.One, a),
                    IrFunction.Log10 => Div(IrConstant.One, Mul(a, new IrConstant(Math.Log(10)))),
                    IrFunction.Sin => Call(IrFunction.Cos, a),
                    IrFunction.Cos => IrAlgebra.Negate(Call(IrFunction.Sin, a)),
                    IrFunction.Tan => Div(IrConstant.One, IrAlgebra.Binary(Call(IrFunction.Cos, a), IrBinaryOperator.Power, new IrConstant(2))),
                    IrFunction.Sinh => Call(IrFunction.Cosh, a),
                    IrFunction.Cosh => Call(IrFunction.Sinh, a),
                    IrFunction.Tanh => Sub(IrConstant.One, IrAlgebra.Binary(expression, IrBinaryOperator.Power, new IrConstant(2))),
                    IrFunction.Sqrt => Div(new IrConstant(0.5), expression),
                    IrFunction.Atan => Div(IrConstant.One, Add(IrConstant.One, IrAlgebra.Binary(a, IrBinaryOperator.Power, new IrConstant(2)))),
                    IrFunction.Asin => Div(IrConstant.One, Call(IrFunction.Sqrt, Sub(IrConstant.One, IrAlgebra.Binary(a, IrBinaryOperator.Power, new IrConstant(2))))),
                    IrFunction.Acos => IrAlgebra.Negate(Div(IrConstant.One, Call(IrFunction.Sqrt, Sub(IrConstant.One, IrAlgebra.Binary(a, IrBinaryOperator.Power, new IrConstant(2)))))),
                    IrFunction.Abs => Call(IrFunction.Sign, a),
                    _ => null,
                };
                return outer is null ? null : Mul(outer, da);
            case IrCall { Function: IrFunction.Min or IrFunction.Max } call when call.Arguments.Items.Length == 2:
                var (first, second) = (call.Arguments.Items[0], call.Arguments.Items[1]);
                var comparison = call.Function == IrFunction.Min ? IrBinaryOperator.LessOrEqual : IrBinaryOperator.GreaterOrEqual;
                return D(first) is { } d1 && D(second) is { } d2 ? new IrConditional(new IrBinary(first, comparison, second), d1, d2) : null;
            default:
                return null;
        }
    }
}
