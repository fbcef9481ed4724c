namespace TwinLang.Diagnostics;

/// <summary>Severity of a diagnostic; fixed per code.</summary>
public enum DiagnosticSeverity
{
    /// <summary>A hint shown in editors only.</summary>
    Info,

    /// <summary>Suspicious but compilable.</summary>
    Warning,

    /// <summary>Stops emission.</summary>
    Error,
}
