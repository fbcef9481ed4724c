namespace TwinLang.Lowering.Symbolic;

/// <summary>
/// Common-subexpression elimination over a group of expressions evaluated together (an assignment's value and its
/// partial derivatives): the compound subtrees that occur more than once, so an emitter computes each once into a local.
/// </summary>
public static class IrCommonSubexpressions
{
    /// <summary>
    /// The compound subtrees (operations, calls, conditionals, lookups, reductions) that occur at least twice in
    /// <paramref name="roots"/> and satisfy <paramref name="canHoist"/> (an emitter refuses, for example,
    /// subtrees that read a loop index not bound where the locals live). Occurrences inside a repeated subtree
    /// are not counted again. The result is ordered so every subtree comes after the repeated subtrees it contains.
    /// </summary>
    public static IReadOnlyList<IrExpression> Find(IEnumerable<IrExpression> roots, Func<IrExpression, bool> canHoist)
    {
        ArgumentNullException.ThrowIfNull(roots);
        ArgumentNullException.ThrowIfNull(canHoist);
        var counts = new Dictionary<IrExpression, int>();
        var order = new List<IrExpression>();
        foreach (var root in roots)
        {
            Count(root, counts, order, canHoist);
        }

        // Post-order of first occurrences: children are recorded before their parents.
        return [.. order.Where(e => counts[e] > 1)];
    }

    private static void Count(IrExpression expression, Dictionary<IrExpression, int> counts, List<IrExpression> order, Func<IrExpression, bool> canHoist)
    {
        var compound = expression is IrBinary or IrCall or IrConditional or IrTableLookup or IrReduction or IrUnary;
        if (compound && counts.TryGetValue(expression, out var seen))
        {
            counts[expression] = seen + 1;
            return;
        }

        // A reduction body is evaluated per element: its subtrees are shared only with the same element.
        if (expression is not IrReduction)
        {
            foreach (var child in IrTraversal.Children(expression))
            {
                Count(child, counts, order, canHoist);
            }
        }

        if (compound && canHoist(expression))
        {
            counts[expression] = 1;
            order.Add(expression);
        }
    }
}
