namespace TwinLang.Diagnostics;

// TW9xxx: internal compiler errors. A crash in any phase becomes one of these instead of a stack trace.
public readonly partial struct DiagnosticBuilder
{
    /// <summary>TW9001: a compiler bug was caught; the user can report it.</summary>
    public Diagnostic InternalError(string phase, string detail) =>
        Error("TW9001", $"Internal compiler error during {phase}: {detail}. Please report this with the file that caused it.");
}
