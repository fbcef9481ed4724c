namespace TwinLang.Diagnostics;

// TW3150..TW3169: lowering of events ('when') and clocked sections ('sampled') (build only: `twin check` does not lower).
public readonly partial struct DiagnosticBuilder
{
    /// <summary>TW3150: <c>:=</c> to a variable that is not discrete (an output) in a compiled model.</summary>
    public Diagnostic EventAssignmentNotDiscrete(string target) =>
        Error("TW3150", $"Expected a discrete variable as the target of ':=' but {Quote(target)} is an output, which its equation already determines. Declare a 'discrete' variable, assign it, and set the output equal to it.");

    /// <summary>TW3151: a clock period or offset that reads something other than constants and parameters.</summary>
    public Diagnostic ClockTimingNotParameter(string text) =>
        Error("TW3151", $"Expected a clock period or offset made of constants and parameters but {Quote(text)} changes during the run.");

    /// <summary>TW3152: a clock period that is zero or negative.</summary>
    public Diagnostic ClockPeriodNotPositive(string text) =>
        Error("TW3152", $"Expected a positive clock period but {Quote(text)} is not greater than zero.");
}
