using System.Collections.Immutable;

namespace TwinLang.Lowering;

/// <summary>
/// Symbolic helpers over the IR: constant-folding constructors, compile-time evaluation, and solving an
/// equation for an unknown that appears linearly (<c>a*x + b = 0</c> gives <c>x = -b/a</c>).
/// </summary>
public static class IrAlgebra
{
    /// <summary>Builds <c>left op right</c>, folding constants and the identities 0+x, 1*x, x/1.</summary>
    public static IrExpression Binary(IrExpression left, IrBinaryOperator op, IrExpression right)
    {
        if (left is IrConstant l && right is IrConstant r && op <= IrBinaryOperator.Power)
        {
            return new IrConstant(Apply(op, l.Value, r.Value));
        }

        switch (op)
        {
            case IrBinaryOperator.Add when IsZero(left):
                return right;
            case IrBinaryOperator.Add or IrBinaryOperator.Subtract when IsZero(right):
                return left;
            case IrBinaryOperator.Subtract when IsZero(left):
                return Negate(right);
            case IrBinaryOperator.Multiply when IsOne(left):
                return right;
            case IrBinaryOperator.Multiply or IrBinaryOperator.Divide when IsOne(right):
                return left;
            case IrBinaryOperator.Multiply when IsZero(left) || IsZero(right):
                return IrConstant.Zero;
            case IrBinaryOperator.Add when right is IrUnary { Operator: IrUnaryOperator.Negate } negated:
                return Binary(left, IrBinaryOperator.Subtract, negated.Operand);
            case IrBinaryOperator.Subtract when right is IrUnary { Operator: IrUnaryOperator.Negate } negated:
                return Binary(left, IrBinaryOperator.Add, negated.Operand);
        }

        return new IrBinary(left, op, right);
    }

    /// <summary>Builds <c>-operand</c>, folding constants and double negation.</summary>
    public static IrExpression Negate(IrExpression operand) => operand switch
    {
        IrConstant c => new IrConstant(-c.Value),
        IrUnary { Operator: IrUnaryOperator.Negate } inner => inner.Operand,
        _ => new IrUnary(IrUnaryOperator.Negate, operand),
    };

    /// <summary>The value of an expression made only of constants, or null.</summary>
    public static double? Evaluate(IrExpression expression) => expression switch
    {
        IrConstant c => c.Value,
        IrBoolean b => b.Value ? 1 : 0,
        IrUnary { Operator: IrUnaryOperator.Negate } u => -Evaluate(u.Operand),
        IrUnary { Operator: IrUnaryOperator.Not } u => Evaluate(u.Operand) is { } v ? (v == 0 ? 1 : 0) : null,
        IrBinary b => Evaluate(b.Left) is { } l && Evaluate(b.Right) is { } r ? Apply(b.Operator, l, r) : null,
        IrConditional c => Evaluate(c.Condition) is { } condition ? Evaluate(condition != 0 ? c.WhenTrue : c.WhenFalse) : null,
        _ => null,
    };

    /// <summary>True when <paramref name="expression"/> mentions <paramref name="target"/> (the same element reference).</summary>
    public static bool Contains(IrExpression expression, IrVariable target) => expression switch
    {
        IrVariable v => v.Equals(target),
        IrUnary u => Contains(u.Operand, target),
        IrBinary b => Contains(b.Left, target) || Contains(b.Right, target),
        IrConditional c => Contains(c.Condition, target) || Contains(c.WhenTrue, target) || Contains(c.WhenFalse, target),
        IrCall call => call.Arguments.Items.Any(a => Contains(a, target)),
        IrReduction r => Contains(r.Body, target),
        IrTableLookup t => Contains(t.Argument, target),
        _ => false,
    };

    /// <summary>
    /// Solves <c>left = right</c> for <paramref name="target"/> when it appears linearly; null otherwise.
    /// The common forms keep the author's right side untouched: <c>x = e</c> gives <c>e</c>.
    /// </summary>
    public static IrExpression? Solve(IrExpression left, IrExpression right, IrVariable target)
    {
        if (left.Equals(target) && !Contains(right, target))
        {
            return right;
        }

        if (right.Equals(target) && !Contains(left, target))
        {
            return left;
        }

        if (Linearize(Binary(left, IrBinaryOperator.Subtract, right), target) is not var (a, b) || IsZero(a))
        {
            return null;
        }

        return a switch
        {
            IrConstant { Value: 1 } => Negate(b),
            IrConstant { Value: -1 } => b,
            IrUnary { Operator: IrUnaryOperator.Negate } negated => Binary(b, IrBinaryOperator.Divide, negated.Operand),
            _ => Binary(Negate(b), IrBinaryOperator.Divide, a),
        };
    }

    /// <summary>Writes <paramref name="expression"/> as <c>a*target + b</c> with a, b free of the target; null when nonlinear.</summary>
    private static (IrExpression A, IrExpression B)? Linearize(IrExpression expression, IrVariable target)
    {
        if (!Contains(expression, target))
        {
            return (IrConstant.Zero, expression);
        }

        switch (expression)
        {
            case IrVariable:
                return (IrConstant.One, IrConstant.Zero);
            case IrUnary { Operator: IrUnaryOperator.Negate } u when Linearize(u.Operand, target) is var (a, b):
                return (Negate(a), Negate(b));
            case IrBinary { Operator: IrBinaryOperator.Add or IrBinaryOperator.Subtract } sum
                when Linearize(sum.Left, target) is var (la, lb) && Linearize(sum.Right, target) is var (ra, rb):
                return (Binary(la, sum.Operator, ra), Binary(lb, sum.Operator, rb));
            case IrBinary { Operator: IrBinaryOperator.Multiply } product when !Contains(product.Left, target) && Linearize(product.Right, target) is var (a, b):
                return (Binary(product.Left, IrBinaryOperator.Multiply, a), Binary(product.Left, IrBinaryOperator.Multiply, b));
            case IrBinary { Operator: IrBinaryOperator.Multiply } product when !Contains(product.Right, target) && Linearize(product.Left, target) is var (a, b):
                return (Binary(a, IrBinaryOperator.Multiply, product.Right), Binary(b, IrBinaryOperator.Multiply, product.Right));
            case IrBinary { Operator: IrBinaryOperator.Divide } quotient when !Contains(quotient.Right, target) && Linearize(quotient.Left, target) is var (a, b):
                return (Binary(a, IrBinaryOperator.Divide, quotient.Right), Binary(b, IrBinaryOperator.Divide, quotient.Right));
            default:
                return null;
        }
    }

    /// <summary>Every variable reference in an expression, including those inside reductions.</summary>
    public static IEnumerable<IrVariable> Variables(IrExpression expression) =>
        Symbolic.IrTraversal.DescendantsAndSelf(expression).OfType<IrVariable>();

    /// <summary>A call of an elementary function.</summary>
    public static IrExpression Call(IrFunction function, params IrExpression[] arguments) =>
        new IrCall(function, new IrExpressionList([.. arguments]));

    /// <summary>A variable reference.</summary>
    public static IrVariable Variable(IrBlock block, ImmutableArray<IrExpression> indices, bool isDerivative = false) =>
        new(block, indices.IsEmpty ? IrIndexList.Empty : new IrIndexList(indices), isDerivative);

    private static bool IsZero(IrExpression e) => e is IrConstant { Value: 0 };

    private static bool IsOne(IrExpression e) => e is IrConstant { Value: 1 };

    /// <summary>The value of a binary operator on constants (comparisons and logic give 1 or 0).</summary>
    internal static double Apply(IrBinaryOperator op, double l, double r) => op switch
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
        IrBinaryOperator.Or => l != 0 || r != 0 ? 1 : 0,
        _ => throw new ArgumentOutOfRangeException(nameof(op), op, "Unknown operator."),
    };
}
