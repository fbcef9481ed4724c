using TwinLang.Runtime.Events;

namespace TwinLang.Runtime;

/// <summary>A structured description of why a run failed, for the CLI to turn into a diagnostic.</summary>
/// <param name="Kind">What went wrong.</param>
/// <param name="Time">The simulation time at which it went wrong.</param>
/// <param name="VariableKind">The kind of the offending variable; meaningful only when <paramref name="VariableIndex"/> is not -1.</param>
/// <param name="VariableIndex">The offending variable's index in its kind's array, or -1 when no variable is to blame.</param>
/// <param name="VariableName">The offending variable's name as the user knows it (<c>der(x)</c> for a derivative), or empty.</param>
/// <param name="Message">One or two sentences that say what happened, ending with a period.</param>
public sealed record SimulationFailure(
    SimulationFailureKind Kind,
    double Time,
    VariableKind VariableKind,
    int VariableIndex,
    string VariableName,
    string Message)
{
    /// <summary>The <c>when</c> section an event failure is about (event iteration, chattering), or null.</summary>
    public EventSectionInfo? Event { get; init; }

    /// <summary>The number of events or iteration rounds behind an event failure, or 0.</summary>
    public int EventCount { get; init; }

    /// <summary>For chattering: the time between the first and the last of those events, in seconds.</summary>
    public double EventSpan { get; init; }
}
