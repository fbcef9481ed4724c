namespace TwinLang.Lowering.Symbolic;

/// <summary>The direct sub-expressions of an IR node (variable indices included), for structural walks.</summary>
public static class IrTraversal
{
    /// <summary>The children of <paramref name="expression"/>, left to right.</summary>
    public static IEnumerable<IrExpression> Children(IrExpression expression) => expression switch
    {
        IrVariable v => v.Indices.Items,
        IrUnary u => [u.Operand],
        IrBinary b => [b.Left, b.Right],
        IrConditional c => [c.Condition, c.WhenTrue, c.WhenFalse],
        IrCall call => call.Arguments.Items,
        IrReduction r => [r.Body],
        IrTableLookup t => [t.Argument],
        _ => [],
    };

    /// <summary><paramref name="expression"/> and all its descendants, parents first.</summary>
    public static IEnumerable<IrExpression> DescendantsAndSelf(IrExpression expression)
    {
        var stack = new Stack<IrExpression>();
        stack.Push(expression);
        while (stack.Count > 0)
        {
            var next = stack.Pop();
            yield return next;
            foreach (var child in Children(next).Reverse())
            {
                stack.Push(child);
            }
        }
    }
}
