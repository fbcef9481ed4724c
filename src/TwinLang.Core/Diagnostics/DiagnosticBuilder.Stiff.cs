namespace TwinLang.Diagnostics;

// TW5570..TW5579: the stiff solvers in `twin run`: solver choice and options in a scenario, and runtime failures
// particular to the implicit methods.
public readonly partial struct DiagnosticBuilder
{
    /// <summary>TW5570: <c>solver bdf</c>, which the runtime does not have.</summary>
    public Diagnostic BdfNotAvailable() =>
        Error("TW5570", "Solver 'bdf' is not available. Use 'rodas4' (a stiff Rosenbrock method of order 4) or 'auto', which switches to it when the model turns stiff.");

    /// <summary>TW5571: a stiff solver's iteration matrix could not be factored.</summary>
    public Diagnostic RunSingularMatrix(double time) =>
        Error("TW5571", $"The stiff solver's matrix I/(gamma h) - J was singular at t = {Seconds(time)}. Check the model for NaN or infinite partial derivatives near that time, or choose another step.");

}
