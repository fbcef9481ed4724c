using System.Collections.Immutable;
using TwinLang.Lowering.Symbolic;

namespace TwinLang.Lowering;

/// <summary>
/// Turns a strongly connected component of the sorted system into an <see cref="IrImplicitBlock"/>: aligns the
/// equations' loops so the block is solved per element, checks that no equation reads another element of the
/// block's unknowns (a loop across elements would need one system over the whole array), and builds the
/// residuals and their symbolic Jacobian.
/// </summary>
internal static class ImplicitBlockBuilder
{
    /// <summary>The block, or null with <paramref name="problem"/> saying why the component cannot be one.</summary>
    public static IrImplicitBlock? Build(int insertBefore, IReadOnlyList<(IrEquation Equation, IrVariable Unknown)> members, out string problem)
    {
        problem = string.Empty;
        var loops = members[0].Equation.Loops;
        var equations = ImmutableArray.CreateBuilder<IrEquation>();
        var unknowns = ImmutableArray.CreateBuilder<IrVariable>();
        foreach (var (equation, unknown) in members)
        {
            if (equation.Loops.Length != loops.Length ||
                equation.Loops.Zip(loops).Any(pair => pair.First.Start != pair.Second.Start || pair.First.End != pair.Second.End))
            {
                problem = "its equations range over different array elements";
                return null;
            }

            var map = new Dictionary<IrLoop, IrLoop>();
            for (var k = 0; k < loops.Length; k++)
            {
                map[equation.Loops[k]] = loops[k];
            }

            equations.Add(new IrEquation(IrRewriter.Rewrite(equation.Left, map), IrRewriter.Rewrite(equation.Right, map), loops, equation.Origin));
            unknowns.Add((IrVariable)IrRewriter.Rewrite(unknown, map));
        }

        var blocks = unknowns.Select(u => (u.Block, u.IsDerivative)).ToHashSet();
        var residuals = equations.Select(e => IrAlgebra.Binary(e.Left, IrBinaryOperator.Subtract, e.Right)).ToImmutableArray();
        foreach (var residual in residuals)
        {
            var foreign = IrAlgebra.Variables(residual).FirstOrDefault(v => blocks.Contains((v.Block, v.IsDerivative)) && !unknowns.Contains(v));
            if (foreign is not null)
            {
                problem = $"'{IrPrinter.Expression(foreign)}' is another element of an unknown of the loop";
                return null;
            }
        }

        var all = unknowns.ToImmutable();
        var residualEquations = equations.ToImmutable();
        var torn = ImmutableArray<IrAssignment>.Empty;
        var substituted = residuals;
        if (BlockTearing.Tear(residualEquations, residuals, all) is var (tears, assignments, kept) && assignments.Count > 0)
        {
            torn = [.. assignments.Select(a => new IrAssignment(all[a.Unknown], a.Value, loops, residualEquations[a.Equation].Origin))];

            // Residuals in the tear variables alone: substitute the torn assignments, latest first, since a value may
            // read the targets of earlier ones.
            substituted = [.. kept.Select(e => residuals[e])];
            for (var k = assignments.Count - 1; k >= 0; k--)
            {
                var replacement = new Dictionary<IrVariable, IrExpression> { [all[assignments[k].Unknown]] = assignments[k].Value };
                substituted = [.. substituted.Select(r => IrRewriter.ReplaceVariables(r, replacement))];
            }

            residuals = [.. kept.Select(e => residuals[e])];
            residualEquations = [.. kept.Select(e => residualEquations[e])];
            all = [.. tears.Select(u => all[u])];
        }

        var jacobian = ImmutableArray.CreateBuilder<IrExpression>(residuals.Length * all.Length);
        foreach (var residual in substituted)
        {
            foreach (var unknown in all)
            {
                jacobian.Add(IrDifferentiator.Differentiate(residual, unknown));
            }
        }

        var entries = jacobian.MoveToImmutable();
        var isLinear = !entries.Any(entry => all.Any(u => IrAlgebra.Contains(entry, u)));
        return new IrImplicitBlock(insertBefore, loops, all, residualEquations, residuals, entries, isLinear, torn);
    }
}
