namespace TwinLang.Diagnostics;

// TW4000..TW4099: C# emission (build only: `twin check` does not generate code).
public readonly partial struct DiagnosticBuilder
{
    /// <summary>TW4000: events and sampled sections are lowered but not generated yet.</summary>
    public Diagnostic NotSupportedInCodeGeneration(string construct) =>
        Error("TW4000", $"{construct} is not yet supported in code generation. Remove it to build the model, or keep it for `twin check` and the interface documents.");
}
