using TwinLang.Lowering.Symbolic;

namespace TwinLang.Lowering;

/// <summary>
/// Greedy tearing of an algebraic loop (in the spirit of Elmqvist and Otter's tearing heuristics): equations
/// that determine one remaining unknown linearly, with a coefficient free of the loop's unknowns, become
/// assignments; when none is left, an unknown is torn (becomes a Newton variable): one that appears nonlinearly
/// first, then the one in the most remaining equations. The remaining equations are the residuals. Networks of connectors then iterate over a
/// few tear variables instead of every alias (<c>a.v = b.v</c>), and a resistor network's loop shrinks to the
/// node voltages it really couples.
/// </summary>
internal static class BlockTearing
{
    /// <summary>The torn form, or null when tearing would not leave as many residuals as tear variables.</summary>
    public static (List<int> Tears, List<(int Equation, int Unknown, IrExpression Value)> Assignments, List<int> Residuals)? Tear(
        IReadOnlyList<IrEquation> equations, IReadOnlyList<IrExpression> residuals, IReadOnlyList<IrVariable> unknowns)
    {
        var known = new bool[unknowns.Count];
        var remaining = Enumerable.Range(0, equations.Count).ToList();
        var tears = new List<int>();
        var assignments = new List<(int, int, IrExpression)>();
        var mentions = equations.Select((_, e) => Enumerable.Range(0, unknowns.Count).Where(u => IrAlgebra.Contains(residuals[e], unknowns[u])).ToList()).ToList();
        var solvedFor = new List<int>();
        while (true)
        {
            var progress = true;
            while (progress)
            {
                progress = false;
                foreach (var e in remaining.ToList())
                {
                    var open = mentions[e].Where(u => !known[u]).ToList();
                    if (open.Count != 1 || Solve(equations[e], residuals[e], unknowns, open[0]) is not { } value)
                    {
                        continue;
                    }

                    assignments.Add((e, open[0], value));
                    known[open[0]] = true;
                    remaining.Remove(e);
                    progress = true;
                }
            }

            var candidates = Enumerable.Range(0, unknowns.Count).Where(u => !known[u]).ToList();
            if (candidates.Count == 0)
            {
                break;
            }

            // Prefer an unknown that appears nonlinearly (a diode's voltage inside exp): the nonlinear equation then
            // stays a residual in its natural variable, where Newton's method converges from a cold start.
            var tear = candidates
                .OrderByDescending(u => remaining.Count(e => mentions[e].Contains(u) && IsNonlinearIn(residuals[e], unknowns[u])))
                .ThenByDescending(u => remaining.Count(e => mentions[e].Contains(u)))
                .ThenBy(u => u)
                .First();
            tears.Add(tear);
            known[tear] = true;
        }

        return remaining.Count == tears.Count ? (tears, assignments, remaining) : null;
    }

    private static bool IsNonlinearIn(IrExpression residual, IrVariable unknown) =>
        IrAlgebra.Contains(IrDifferentiator.Differentiate(residual, unknown), unknown);

    private static IrExpression? Solve(IrEquation equation, IrExpression residual, IReadOnlyList<IrVariable> unknowns, int unknown)
    {
        // Only a coefficient free of the loop's unknowns is safe to divide by while the loop iterates.
        var coefficient = IrDifferentiator.Differentiate(residual, unknowns[unknown]);
        if (unknowns.Any(u => IrAlgebra.Contains(coefficient, u)) || IrAlgebra.Evaluate(coefficient) == 0)
        {
            return null;
        }

        return IrAlgebra.Solve(equation.Left, equation.Right, unknowns[unknown]);
    }
}
