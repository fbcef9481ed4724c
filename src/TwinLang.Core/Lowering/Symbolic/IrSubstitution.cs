namespace TwinLang.Lowering.Symbolic;

/// <summary>Structural queries and rewrites over loop indices: does an expression use a loop, and replacing a loop index by an expression.</summary>
public static class IrSubstitution
{
    /// <summary>True when <paramref name="expression"/> reads the index of <paramref name="loop"/> freely (in values or variable indices, not bound by a reduction over it).</summary>
    public static bool UsesLoop(IrExpression expression, IrLoop loop)
    {
        ArgumentNullException.ThrowIfNull(expression);
        return expression switch
        {
            IrIndex i => i.Loop == loop,
            IrVariable v => v.Indices.Items.Any(index => UsesLoop(index, loop)),
            IrReduction r when r.Loop == loop => false, // the reduction binds its own index
            _ => IrTraversal.Children(expression).Any(child => UsesLoop(child, loop)),
        };
    }

    /// <summary><paramref name="expression"/> with every read of <paramref name="loop"/>'s index replaced by <paramref name="replacement"/>.</summary>
    public static IrExpression Substitute(IrExpression expression, IrLoop loop, IrExpression replacement)
    {
        ArgumentNullException.ThrowIfNull(expression);
        if (!UsesLoop(expression, loop))
        {
            return expression;
        }

        IrExpression Sub(IrExpression e) => Substitute(e, loop, replacement);
        return expression switch
        {
            IrIndex => replacement,
            IrVariable v => v with { Indices = new IrIndexList([.. v.Indices.Items.Select(Sub)]) },
            IrUnary u => u with { Operand = Sub(u.Operand) },
            IrBinary b => b with { Left = Sub(b.Left), Right = Sub(b.Right) },
            IrConditional c => new IrConditional(Sub(c.Condition), Sub(c.WhenTrue), Sub(c.WhenFalse)),
            IrCall call => call with { Arguments = new IrExpressionList([.. call.Arguments.Items.Select(Sub)]) },
            IrReduction r => r with { Body = Sub(r.Body) },
            IrTableLookup t => t with { Argument = Sub(t.Argument) },
            _ => expression,
        };
    }
}
