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

            equations.Add(new IrEquation(IrLoopRewriter.Rewrite(equation.Left, map), IrLoopRewriter.Rewrite(equation.Right, map), loops, equation.Origin));
            unknowns.Add((IrVariable)IrLoopRewriter.Rewrite(unknown, map));
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

        var jacobian = ImmutableArray.CreateBuilder<IrExpression>(residuals.Length * unknowns.Count);
        foreach (var residual in residuals)
        {
            foreach (var unknown in unknowns)
            {
                jacobian.Add(IrDifferentiator.Differentiate(residual, unknown));
            }
        }

        var entries = jacobian.MoveToImmutable();
        var isLinear = !entries.Any(entry => unknowns.Any(u => IrAlgebra.Contains(entry, u)));
        return new IrImplicitBlock(insertBefore, loops, unknowns.ToImmutable(), equations.ToImmutable(), residuals, entries, isLinear);
    }
}
