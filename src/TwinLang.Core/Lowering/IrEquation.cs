using System.Collections.Immutable;

namespace TwinLang.Lowering;

/// <summary>
/// An acausal equation <c>Left = Right</c>, repeated over <see cref="Loops"/> (outermost first). One equation
/// stands for every element of its loops: a pack of 100 000 cells still has one equation per source equation.
/// </summary>
public sealed record IrEquation(IrExpression Left, IrExpression Right, ImmutableArray<IrLoop> Loops, IrOrigin Origin)
{
    /// <summary>The number of scalar equations it stands for.</summary>
    public long ScalarCount => Loops.Aggregate(1L, (count, loop) => count * loop.Count);
}

/// <summary>
/// A causal assignment produced by sorting: <c>Target = Value</c> for every element of <see cref="Loops"/>.
/// The target is an algebraic unknown or a state derivative whose indices are loop indices or constants.
/// </summary>
public sealed record IrAssignment(IrVariable Target, IrExpression Value, ImmutableArray<IrLoop> Loops, IrOrigin Origin);

/// <summary>
/// A coupling kept as a declared partition: two sub-models with their own steps and the transfer rules
/// between them, so a multi-rate coupling master can step them separately. The transfers are also part of the
/// monolithic equation system, which is what the generated single-rate model evaluates.
/// </summary>
public sealed record IrPartition(string Name, string FirstMember, double? FirstStep, string SecondMember, double? SecondStep, ImmutableArray<IrEquation> Up, ImmutableArray<IrEquation> Down, IrOrigin Origin);

/// <summary>What an event or clock tick does.</summary>
public abstract record IrStatement(IrOrigin Origin);

/// <summary><c>reinit(state, value)</c>.</summary>
public sealed record IrReinit(IrVariable Target, IrExpression Value, IrOrigin Origin) : IrStatement(Origin);

/// <summary><c>target := value</c>.</summary>
public sealed record IrDiscreteAssignment(IrVariable Target, IrExpression Value, IrOrigin Origin) : IrStatement(Origin);

/// <summary><c>terminate "reason"</c>.</summary>
public sealed record IrTerminate(string Reason, IrOrigin Origin) : IrStatement(Origin);

/// <summary>A zero-crossing event (<c>when</c>): fires when <see cref="Condition"/> becomes true.</summary>
public sealed record IrEvent(IrExpression? Condition, ImmutableArray<IrStatement> Statements, ImmutableArray<IrLoop> Loops, IrOrigin Origin);

/// <summary>
/// A clocked section (<c>sampled every period offset t0</c>), ticking at <c>offset + k·period</c>. Period and
/// offset read only constants and parameters, so a run evaluates them once with its parameter values.
/// </summary>
public sealed record IrClock(IrExpression Period, IrExpression Offset, ImmutableArray<IrStatement> Statements, ImmutableArray<IrLoop> Loops, IrOrigin Origin);
