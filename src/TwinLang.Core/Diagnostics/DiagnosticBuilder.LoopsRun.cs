namespace TwinLang.Diagnostics;

// TW5550..TW5559: runtime failures of algebraic loops and initialization (`twin run`).
public readonly partial struct DiagnosticBuilder
{
    /// <summary>TW5550: Newton's method did not solve an algebraic loop during the run.</summary>
    public Diagnostic RunAlgebraicLoopFailed(string detail) =>
        Error("TW5550", Detail(detail, "Newton's method did not solve an algebraic loop of the model") + " Check the loop's equations for a solution near the previous values, or give its variables better start values.");

    /// <summary>TW5551: the initial equations could not be satisfied.</summary>
    public Diagnostic RunInitializationFailed(string detail) =>
        Error("TW5551", Detail(detail, "The initial equations could not be satisfied") + " Check that the initial equations have a solution for the start values and parameters of this run.");
}
