namespace TwinLang.Diagnostics;

// TW3100..TW3199: lowering to the equation IR and sorting (build only: `twin check` does not lower).
public readonly partial struct DiagnosticBuilder
{
    /// <summary>TW3100: a construct the lowering to the equation IR does not handle yet.</summary>
    public Diagnostic NotSupportedInLowering(string construct) =>
        Error("TW3100", $"{construct} is not supported when compiling a model yet. Rewrite it, or check the model without building it.");

    /// <summary>TW3101: no asset of that name to build.</summary>
    public Diagnostic UnknownAssetToBuild(string name, string candidates) =>
        Error("TW3101", $"Expected the name of an asset to build but found {Quote(name)}. Assets in the files: {candidates}.");

    /// <summary>TW3102: an array size or structural parameter that is not a compile-time constant.</summary>
    public Diagnostic NonConstantStructure(string text) =>
        Error("TW3102", $"Expected a compile-time constant (a literal, constant or integer parameter) but found {Quote(text)}.");

    /// <summary>TW3103: the equations cannot be matched one-to-one with the unknowns.</summary>
    public Diagnostic StructurallySingular(string equations, string variables) =>
        Error("TW3103", $"The equations cannot be solved for the unknowns: no equation determines {variables}, while the equations {equations} compete for the same unknowns. Remove one of those equations, or replace it with an equation for the undetermined variable.");

    /// <summary>TW3104: an algebraic loop code generation cannot solve (it couples different array elements).</summary>
    public Diagnostic AlgebraicLoop(string equations, string variables, string problem) =>
        Error("TW3104", $"The equations {equations} form an algebraic loop over {variables} that cannot be solved element by element: {problem}. Write the loop without coupling neighbouring elements, or break it with a state.");

    // TW3105 (retired): "unknown appears nonlinearly" stood for equations sorting could only solve symbolically;
    // such an equation is now an implicit block solved by Newton's method in the generated code.
}
