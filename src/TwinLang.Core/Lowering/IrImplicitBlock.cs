using System.Collections.Immutable;

namespace TwinLang.Lowering;

/// <summary>
/// An algebraic loop: equations that must be solved simultaneously for their unknowns, by Newton's method on
/// the residuals <c>Left - Right</c> with the symbolic <see cref="Jacobian"/>. It is evaluated just before
/// <c>IrModel.Assignments[InsertBefore]</c> (or after the last assignment when that index equals their count).
/// A block over <see cref="Loops"/> is solved once per element (each cell's own loop), never as one large system.
/// </summary>
/// <param name="InsertBefore">The index into the sorted assignments this block is evaluated before.</param>
/// <param name="Loops">The loops every equation of the block shares (outermost first); empty for a scalar block.</param>
/// <param name="Unknowns">The iteration (tear) variables, indexed with <see cref="Loops"/>.</param>
/// <param name="Equations">The residual equations of the loop, rewritten onto <see cref="Loops"/>.</param>
/// <param name="Residuals">For each equation <c>Left - Right</c>: zero at the solution.</param>
/// <param name="Jacobian">Row-major n × n: the partial derivative of residual i with respect to unknown j.</param>
/// <param name="IsLinear">True when no Jacobian entry depends on an unknown: one Newton step solves the block exactly.</param>
/// <param name="Torn">
/// Equations of the loop solved explicitly from the tear variables (<see cref="Unknowns"/>), evaluated in order
/// before the residuals at every iteration; the Jacobian already accounts for them (chain rule by substitution).
/// </param>
public sealed record IrImplicitBlock(
    int InsertBefore,
    ImmutableArray<IrLoop> Loops,
    ImmutableArray<IrVariable> Unknowns,
    ImmutableArray<IrEquation> Equations,
    ImmutableArray<IrExpression> Residuals,
    ImmutableArray<IrExpression> Jacobian,
    bool IsLinear,
    ImmutableArray<IrAssignment> Torn)
{
    /// <summary>The number of tear variables (and residual equations) solved per element by Newton's method.</summary>
    public int Size => Unknowns.Length;

    /// <summary>Every variable the block determines: the tear variables, then the torn assignments' targets.</summary>
    public IEnumerable<IrVariable> Solved => Unknowns.Concat(Torn.Select(a => a.Target));

    /// <summary>Every expression the block evaluates: the residuals and the torn assignments' values.</summary>
    public IEnumerable<IrExpression> Reads => Residuals.Concat(Torn.Select(a => a.Value));
}
