namespace TwinLang.Lowering;

/// <summary>
/// Replaces loop indices (to align the equations of one implicit block on shared loops) or variables (to
/// express a torn block's residuals in its tear variables) in an expression.
/// </summary>
internal static class IrRewriter
{
    /// <summary>Replaces every reference structurally equal to a key of <paramref name="values"/> by its value.</summary>
    public static IrExpression ReplaceVariables(IrExpression expression, IReadOnlyDictionary<IrVariable, IrExpression> values) => expression switch
    {
        IrVariable v => values.TryGetValue(v, out var value) ? value : v,
        IrUnary u => u with { Operand = ReplaceVariables(u.Operand, values) },
        IrBinary b => b with { Left = ReplaceVariables(b.Left, values), Right = ReplaceVariables(b.Right, values) },
        IrConditional c => new IrConditional(ReplaceVariables(c.Condition, values), ReplaceVariables(c.WhenTrue, values), ReplaceVariables(c.WhenFalse, values)),
        IrCall call => call with { Arguments = new IrExpressionList([.. call.Arguments.Items.Select(a => ReplaceVariables(a, values))]) },
        IrReduction r => r with { Body = ReplaceVariables(r.Body, values) },
        IrTableLookup t => t with { Argument = ReplaceVariables(t.Argument, values) },
        _ => expression,
    };

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
