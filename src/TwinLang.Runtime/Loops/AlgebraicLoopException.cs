using System.Globalization;

namespace TwinLang.Runtime.Loops;

/// <summary>
/// Thrown by generated code when Newton's method fails on an algebraic loop. <see cref="Simulator"/> catches it
/// and ends the run with a <see cref="SimulationFailureKind.AlgebraicLoopNotConverged"/> failure; it never reaches
/// the user as an exception.
/// </summary>
public sealed class AlgebraicLoopException : Exception
{
    /// <summary>Creates the exception for a failure at time <paramref name="time"/>.</summary>
    /// <param name="loop">The loop that failed.</param>
    /// <param name="time">The simulation time.</param>
    /// <param name="element">The 1-based array element of a loop solved per element, or 0 for a scalar loop.</param>
    /// <param name="reason">Why Newton's method stopped, one sentence ending with a period.</param>
    public AlgebraicLoopException(AlgebraicLoopInfo loop, double time, int element, string reason)
        : base(Describe(loop, time, element, reason))
    {
        Loop = loop;
        Time = time;
        Element = element;
        Reason = reason;
    }

    /// <summary>Creates an exception without details (for serializers; generated code never uses it).</summary>
    public AlgebraicLoopException()
        : this(new AlgebraicLoopInfo([], []), 0, 0, "Newton's method failed.")
    {
    }

    /// <summary>Creates an exception with a message only.</summary>
    public AlgebraicLoopException(string message)
        : this(new AlgebraicLoopInfo([], []), 0, 0, message)
    {
    }

    /// <summary>Creates an exception with a message and an inner exception.</summary>
    public AlgebraicLoopException(string message, Exception innerException)
        : base(message, innerException)
    {
        Loop = new AlgebraicLoopInfo([], []);
        Reason = message;
    }

    /// <summary>The loop that failed.</summary>
    public AlgebraicLoopInfo Loop { get; }

    /// <summary>The simulation time of the failure.</summary>
    public double Time { get; }

    /// <summary>The 1-based element of a per-element loop, or 0.</summary>
    public int Element { get; }

    /// <summary>Why Newton's method stopped.</summary>
    public string Reason { get; }

    /// <summary>The unknowns, with the element when the loop is solved per element.</summary>
    public string VariableList => string.Join(", ", Loop.Variables.Select(v => Element > 0 ? v.Replace("[]", "[" + Element.ToString(CultureInfo.InvariantCulture) + "]", StringComparison.Ordinal) : v));

    private static string Describe(AlgebraicLoopInfo loop, double time, int element, string reason)
    {
        var variables = string.Join(", ", loop.Variables.Select(v => "'" + (element > 0 ? v.Replace("[]", "[" + element.ToString(CultureInfo.InvariantCulture) + "]", StringComparison.Ordinal) : v) + "'"));
        return loop.IsInitial
            ? $"The initial equations {string.Join(", ", loop.Equations)} could not be satisfied for {variables}: {reason}"
            : $"Newton's method did not solve the algebraic loop {string.Join(", ", loop.Equations)} for {variables} at t = {time.ToString("G6", CultureInfo.InvariantCulture)} s: {reason}";
    }
}
