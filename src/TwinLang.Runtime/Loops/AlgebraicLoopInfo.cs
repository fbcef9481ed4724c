namespace TwinLang.Runtime.Loops;

/// <summary>
/// What generated code knows about one algebraic loop, for failure messages: its equations as written with
/// their <c>file:line</c>, and the names of its unknowns (array unknowns with <c>[]</c>, the failing element is
/// reported separately).
/// </summary>
/// <param name="Equations">The equations, each <c>'text' (file:line)</c>.</param>
/// <param name="Variables">The unknowns the loop is solved for.</param>
/// <param name="IsInitial">True for initial equations solved for the initial state.</param>
public sealed record AlgebraicLoopInfo(IReadOnlyList<string> Equations, IReadOnlyList<string> Variables, bool IsInitial = false);
