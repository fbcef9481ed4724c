namespace TwinLang.Runtime.Events;

/// <summary>A run ended early and successfully by a <c>terminate</c> statement.</summary>
/// <param name="Time">The time of the event that terminated the run.</param>
/// <param name="Reason">The reason written in the statement.</param>
/// <param name="Origin">Where the section holding the statement is declared, <c>file:line</c>.</param>
public sealed record SimulationTermination(double Time, string Reason, string Origin);
