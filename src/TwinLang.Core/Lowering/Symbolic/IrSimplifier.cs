namespace TwinLang.Lowering.Symbolic;

/// <summary>
/// Algebraic simplification of IR expressions: constant folding (arithmetic, comparisons, logic, elementary
/// functions, conditionals with a constant condition), neutral and absorbing elements, double negation, powers
/// with constant exponents and combining constant factors and terms. Used on every symbolic derivative.
/// </summary>
/// <remarks>
/// The rules keep the value of the expression for every finite value of its variables. Two rules assume that
/// the dropped operand is finite, as every computer-algebra simplifier for derivative code does: <c>0 * x</c>
/// and <c>0 / x</c> become 0. A non-finite operand makes the model's own right-hand side non-finite, which the
/// solver reports, so the structural zero hides nothing a simulation would rely on. <c>x / x</c> is kept
/// (x may be 0). Powers are merged only for integer exponents, because <c>(x^2)^0.5</c> is <c>|x|</c>.
/// </remarks>
public static class IrSimplifier
{
    /// <summary>The simplified form of <paramref name="expression"/>; structurally equal inputs give structurally equal outputs.</summary>
    public static IrExpression Simplify(IrExpression expression)
    {
        ArgumentNullException.ThrowIfNull(expression);
        return expression switch
        {
            IrUnary { Operator: IrUnaryOperator.Negate } u => Negate(Simplify(u.Operand)),
            IrUnary u => Not(Simplify(u.Operand)),
            IrBinary b => Binary(Simplify(b.Left), b.Operator, Simplify(b.Right)),
            IrConditional c => Conditional(Simplify(c.Condition), Simplify(c.WhenTrue), Simplify(c.WhenFalse)),
            IrCall call => Call(call.Function, [.. call.Arguments.Items.Select(Simplify)]),
            IrReduction r => Reduction(r.Kind, r.Loop, Simplify(r.Body)),
            IrTableLookup t => Simplify(t.Argument) is var argument && argument.Equals(t.Argument) ? t : new IrTableLookup(t.Table, argument),
            _ => expression,
        };
    }

    /// <summary>Builds <c>-operand</c> from simplified parts.</summary>
    public static IrExpression Negate(IrExpression operand) => operand switch
    {
        IrConstant c => new IrConstant(-c.Value),
        IrUnary { Operator: IrUnaryOperator.Negate } inner => inner.Operand,
        IrBinary { Operator: IrBinaryOperator.Subtract } d => Binary(d.Right, IrBinaryOperator.Subtract, d.Left),
        IrBinary { Operator: IrBinaryOperator.Multiply, Left: IrConstant c } p => Binary(new IrConstant(-c.Value), IrBinaryOperator.Multiply, p.Right),
        _ => new IrUnary(IrUnaryOperator.Negate, operand),
    };

    /// <summary>Builds <c>left op right</c> from simplified parts.</summary>
    public static IrExpression Binary(IrExpression left, IrBinaryOperator op, IrExpression right)
    {
        if (Value(left) is { } l && Value(right) is { } r)
        {
            var folded = IrAlgebra.Apply(op, l, r);
            return op >= IrBinaryOperator.Less ? new IrBoolean(folded != 0) : new IrConstant(folded);
        }

        return op switch
        {
            IrBinaryOperator.Add => Add(left, right),
            IrBinaryOperator.Subtract => Subtract(left, right),
            IrBinaryOperator.Multiply => Multiply(left, right),
            IrBinaryOperator.Divide => Divide(left, right),
            IrBinaryOperator.Power => Power(left, right),
            IrBinaryOperator.And => Logic(left, right, absorbing: false),
            IrBinaryOperator.Or => Logic(left, right, absorbing: true),
            _ => new IrBinary(left, op, right),
        };
    }

    /// <summary>Builds <c>if condition then whenTrue else whenFalse</c>; a constant condition picks its branch.</summary>
    public static IrExpression Conditional(IrExpression condition, IrExpression whenTrue, IrExpression whenFalse)
    {
        if (Value(condition) is { } c)
        {
            return c != 0 ? whenTrue : whenFalse;
        }

        return whenTrue.Equals(whenFalse) ? whenTrue : new IrConditional(condition, whenTrue, whenFalse);
    }

    /// <summary>Builds a call of an elementary function; constant arguments are folded.</summary>
    public static IrExpression Call(IrFunction function, params IrExpression[] arguments)
    {
        if (arguments.All(a => a is IrConstant))
        {
            var values = arguments.Select(a => ((IrConstant)a).Value).ToArray();
            return new IrConstant(IrFunctions.Apply(function, values));
        }

        if (function is IrFunction.Min or IrFunction.Max && arguments.Length == 2 && arguments[0].Equals(arguments[1]))
        {
            return arguments[0];
        }

        return new IrCall(function, new IrExpressionList([.. arguments]));
    }

    /// <summary>Builds a reduction; a zero body sums to zero and a body free of the loop index is folded where exact.</summary>
    public static IrExpression Reduction(IrReductionKind kind, IrLoop loop, IrExpression body)
    {
        if (loop.Count == 0)
        {
            return new IrReduction(kind, loop, body);
        }

        if (!IrSubstitution.UsesLoop(body, loop))
        {
            switch (kind)
            {
                case IrReductionKind.Sum:
                    return Multiply(new IrConstant(loop.Count), body);
                case IrReductionKind.Mean or IrReductionKind.Min or IrReductionKind.Max:
                    return body;
            }
        }

        return new IrReduction(kind, loop, body);
    }

    /// <summary>Logical not with constant folding and double-negation removal.</summary>
    private static IrExpression Not(IrExpression operand) => operand switch
    {
        IrBoolean b => new IrBoolean(!b.Value),
        IrUnary { Operator: IrUnaryOperator.Not } inner => inner.Operand,
        _ => new IrUnary(IrUnaryOperator.Not, operand),
    };

    private static IrExpression Logic(IrExpression left, IrExpression right, bool absorbing)
    {
        // 'and' is absorbed by false, 'or' by true; the other constant is neutral.
        foreach (var (constant, other) in new[] { (left, right), (right, left) })
        {
            if (Value(constant) is { } c)
            {
                return (c != 0) == absorbing ? new IrBoolean(absorbing) : other;
            }
        }

        return new IrBinary(left, absorbing ? IrBinaryOperator.Or : IrBinaryOperator.And, right);
    }

    private static IrExpression Add(IrExpression left, IrExpression right)
    {
        if (IsZero(left))
        {
            return right;
        }

        if (IsZero(right))
        {
            return left;
        }

        if (right is IrUnary { Operator: IrUnaryOperator.Negate } negated)
        {
            return Subtract(left, negated.Operand);
        }

        if (left is IrUnary { Operator: IrUnaryOperator.Negate } negatedLeft)
        {
            return Subtract(right, negatedLeft.Operand);
        }

        // Constants go to the right of a sum and merge: (x + 1) + 2 → x + 3.
        if (left is IrConstant && right is not IrConstant)
        {
            return Add(right, left);
        }

        if (right is IrConstant c && left is IrBinary { Operator: IrBinaryOperator.Add or IrBinaryOperator.Subtract, Right: IrConstant inner } sum)
        {
            var merged = sum.Operator == IrBinaryOperator.Add ? inner.Value + c.Value : c.Value - inner.Value;
            return Add(sum.Left, new IrConstant(merged));
        }

        if (right is IrConstant { Value: < 0 } negative)
        {
            return new IrBinary(left, IrBinaryOperator.Subtract, new IrConstant(-negative.Value));
        }

        return left.Equals(right) ? Multiply(new IrConstant(2), left) : new IrBinary(left, IrBinaryOperator.Add, right);
    }

    private static IrExpression Subtract(IrExpression left, IrExpression right)
    {
        if (IsZero(right))
        {
            return left;
        }

        if (IsZero(left))
        {
            return Negate(right);
        }

        if (left.Equals(right))
        {
            return IrConstant.Zero;
        }

        if (right is IrUnary { Operator: IrUnaryOperator.Negate } negated)
        {
            return Add(left, negated.Operand);
        }

        if (right is IrConstant c)
        {
            return Add(left, new IrConstant(-c.Value));
        }

        return new IrBinary(left, IrBinaryOperator.Subtract, right);
    }

    private static IrExpression Multiply(IrExpression left, IrExpression right)
    {
        // Constants go to the left of a product and merge: 2 * (3 * x) → 6 * x.
        if (right is IrConstant && left is not IrConstant)
        {
            (left, right) = (right, left);
        }

        if (left is IrConstant c)
        {
            switch (c.Value)
            {
                case 0:
                    return IrConstant.Zero;
                case 1:
                    return right;
                case -1:
                    return Negate(right);
            }

            if (right is IrBinary { Operator: IrBinaryOperator.Multiply, Left: IrConstant inner } product)
            {
                return Multiply(new IrConstant(c.Value * inner.Value), product.Right);
            }

            if (right is IrUnary { Operator: IrUnaryOperator.Negate } negatedFactor)
            {
                return Multiply(new IrConstant(-c.Value), negatedFactor.Operand);
            }

            return new IrBinary(left, IrBinaryOperator.Multiply, right);
        }

        if (left is IrUnary { Operator: IrUnaryOperator.Negate } negatedLeft)
        {
            return Negate(Multiply(negatedLeft.Operand, right));
        }

        if (right is IrUnary { Operator: IrUnaryOperator.Negate } negatedRight)
        {
            return Negate(Multiply(left, negatedRight.Operand));
        }

        // x * (1 / y) → x / y (the derivative of log and of powers produces reciprocals).
        if (right is IrBinary { Operator: IrBinaryOperator.Divide, Left: IrConstant { Value: 1 } } reciprocal)
        {
            return Divide(left, reciprocal.Right);
        }

        if (left is IrBinary { Operator: IrBinaryOperator.Divide, Left: IrConstant { Value: 1 } } leftReciprocal)
        {
            return Divide(right, leftReciprocal.Right);
        }

        if (left is IrBinary { Operator: IrBinaryOperator.Multiply, Left: IrConstant leftConstant } scaled)
        {
            return Multiply(leftConstant, Multiply(scaled.Right, right));
        }

        if (right is IrBinary { Operator: IrBinaryOperator.Multiply, Left: IrConstant rightConstant } scaledRight)
        {
            return Multiply(rightConstant, Multiply(left, scaledRight.Right));
        }

        return left.Equals(right) ? new IrBinary(left, IrBinaryOperator.Power, new IrConstant(2)) : new IrBinary(left, IrBinaryOperator.Multiply, right);
    }

    private static IrExpression Divide(IrExpression left, IrExpression right)
    {
        if (IsZero(left) && !IsZero(right))
        {
            return IrConstant.Zero;
        }

        if (right is IrConstant c && c.Value != 0 && double.IsFinite(1 / c.Value))
        {
            // Dividing by a constant is multiplying by its reciprocal only when that is exact (powers of two),
            // so generated code keeps the author's rounding otherwise.
            var reciprocal = 1 / c.Value;
            if (c.Value == 1)
            {
                return left;
            }

            if (c.Value == -1)
            {
                return Negate(left);
            }

            if (IsPowerOfTwo(reciprocal))
            {
                return Multiply(new IrConstant(reciprocal), left);
            }
        }

        if (left is IrUnary { Operator: IrUnaryOperator.Negate } negatedLeft)
        {
            return Negate(Divide(negatedLeft.Operand, right));
        }

        if (right is IrUnary { Operator: IrUnaryOperator.Negate } negatedRight)
        {
            return Negate(Divide(left, negatedRight.Operand));
        }

        return new IrBinary(left, IrBinaryOperator.Divide, right);
    }

    private static IrExpression Power(IrExpression left, IrExpression right)
    {
        if (right is IrConstant exponent)
        {
            switch (exponent.Value)
            {
                case 0:
                    return IrConstant.One;
                case 1:
                    return left;
            }

            if (left is IrBinary { Operator: IrBinaryOperator.Power, Right: IrConstant inner } power && IsInteger(inner.Value) && IsInteger(exponent.Value))
            {
                return Power(power.Left, new IrConstant(inner.Value * exponent.Value));
            }
        }

        if (IsOne(left))
        {
            return IrConstant.One;
        }

        return new IrBinary(left, IrBinaryOperator.Power, right);
    }

    /// <summary>The value of a constant number or Boolean, or null.</summary>
    private static double? Value(IrExpression expression) => expression switch
    {
        IrConstant c => c.Value,
        IrBoolean b => b.Value ? 1 : 0,
        _ => null,
    };

    private static bool IsZero(IrExpression e) => e is IrConstant { Value: 0 };

    private static bool IsOne(IrExpression e) => e is IrConstant { Value: 1 };

    private static bool IsInteger(double value) => double.IsFinite(value) && Math.Floor(value) == value;

    private static bool IsPowerOfTwo(double value)
    {
        var magnitude = Math.Abs(value);
        return double.IsNormal(magnitude) && Math.Pow(2, Math.Round(Math.Log2(magnitude))) == magnitude;
    }
}
