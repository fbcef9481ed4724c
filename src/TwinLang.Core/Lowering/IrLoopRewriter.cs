namespace TwinLang.Lowering;

/// <summary>Replaces loop indices in an expression: aligns equations of one implicit block on shared loops.</summary>
internal static class IrLoopRewriter
{
    public static IrExpression Rewrite(IrExpression expression, IReadOnlyDictionary<IrLoop, IrLoop> map)
    {
        if (map.Count == 0 || map.All(pair => ReferenceEquals(pair.Key, pair.Value)))
        {
            return expression;
        }

        return Visit(expression, map);
    }

    private static IrExpression Visit(IrExpression expression, IReadOnlyDictionary<IrLoop, IrLoop> map) => expression switch
    {
        IrIndex i => map.TryGetValue(i.Loop, out var to) ? new IrIndex(to) : i,
        IrVariable v => v.Indices.Items.IsEmpty ? v : v with { Indices = new IrIndexList([.. v.Indices.Items.Select(x => Visit(x, map))]) },
        IrUnary u => u with { Operand = Visit(u.Operand, map) },
        IrBinary b => b with { Left = Visit(b.Left, map), Right = Visit(b.Right, map) },
        IrConditional c => new IrConditional(Visit(c.Condition, map), Visit(c.WhenTrue, map), Visit(c.WhenFalse, map)),
        IrCall call => call with { Arguments = new IrExpressionList([.. call.Arguments.Items.Select(a => Visit(a, map))]) },
        IrReduction r => r with { Body = Visit(r.Body, map) },
        IrTableLookup t => t with { Argument = Visit(t.Argument, map) },
        _ => expression,
    };
}
