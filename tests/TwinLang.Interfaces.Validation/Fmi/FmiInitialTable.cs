namespace TwinLang.Interfaces.Validation.Fmi;

/// <summary>
/// The FMI 3.0.2 combination tables: which variabilities a causality allows
/// ([FMI §table-allowed-variability-causality-combinations]) and, per combination, the default and the
/// allowed values of <c>initial</c> ([FMI §table-definition-initial]). Clocks are not covered: TwinLang emits none.
/// </summary>
internal static class FmiInitialTable
{
    private static readonly Dictionary<string, string[]> AllowedVariabilities = new(StringComparer.Ordinal)
    {
        ["structuralParameter"] = ["fixed", "tunable"],
        ["parameter"] = ["fixed", "tunable"],
        ["calculatedParameter"] = ["fixed", "tunable"],
        ["input"] = ["discrete", "continuous"],
        ["output"] = ["constant", "discrete", "continuous"],
        ["local"] = ["constant", "fixed", "tunable", "discrete", "continuous"],
        ["independent"] = ["continuous"],
    };

    public static bool IsAllowed(string causality, string variability) =>
        AllowedVariabilities.TryGetValue(causality, out var allowed) && allowed.Contains(variability, StringComparer.Ordinal);

    /// <summary>The default <c>initial</c> and its allowed values; <c>Default</c> null means "must be absent".</summary>
    public static (string? Default, string[] Allowed) Initial(string causality, string variability) => (causality, variability) switch
    {
        ("independent", _) => (null, []),
        (_, "constant") => ("exact", ["exact"]),
        ("parameter" or "structuralParameter", _) => ("exact", ["exact"]),
        ("calculatedParameter", _) => ("calculated", ["approx", "calculated"]),
        ("input", _) => ("exact", ["exact"]),
        ("local", "fixed" or "tunable") => ("calculated", ["approx", "calculated"]),
        ("output" or "local", _) => ("calculated", ["exact", "approx", "calculated"]),
        _ => (null, []),
    };
}
