namespace TwinLang.Diagnostics;

// TW4000..TW4099: C# emission (build only: `twin check` does not generate code).
public readonly partial struct DiagnosticBuilder
{
    // TW4000 (retired): "not yet supported in code generation" stood for 'when', 'sampled' and 'discrete', which
    // the generator now emits (EventWriter).
}
