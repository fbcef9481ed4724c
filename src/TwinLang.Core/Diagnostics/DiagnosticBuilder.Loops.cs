namespace TwinLang.Diagnostics;

// TW3110..TW3139: connectors, algebraic loops, structural analysis and initialization while lowering.
public readonly partial struct DiagnosticBuilder
{
    /// <summary>TW3110: a connect in a loop that reaches beyond a port array.</summary>
    public Diagnostic ConnectIndexOutOfRange(string port, string index, int size) =>
        Error("TW3110", $"Expected an element of {Quote(port)} between 1 and {size} but this 'connect' reaches element {index}. Narrow the loop's range.");
}
