namespace TwinLang.Diagnostics;

// TW3000..TW3099: equation checks (binder): states and derivatives, assignments, connect, balance,
// couplings, assimilation and scenario targets.
public readonly partial struct DiagnosticBuilder
{
    /// <summary>TW3000: <c>der()</c> of something that is not a state.</summary>
    public Diagnostic DerivativeOfNonState(string name, string kind) =>
        Error("TW3000", $"Expected a state inside 'der()' but {Quote(name)} is {kind}. Declare it with 'state' or remove 'der'.");

    /// <summary>TW3001: a state with no equation containing its derivative.</summary>
    public Diagnostic StateWithoutDerivative(string name) =>
        Error("TW3001", $"State {Quote(name)} has no equation containing 'der({name})'. Add one, or declare it as 'variable'.");

    /// <summary>TW3002: a state whose derivative appears in more than one equation.</summary>
    public Diagnostic StateWithSeveralDerivatives(string name, int count) =>
        Error("TW3002", $"State {Quote(name)} needs exactly one equation containing 'der({name})' but {count} contain it.");

    /// <summary>TW3003: an equation or assignment that sets an input of the asset itself.</summary>
    public Diagnostic InputAssigned(string name) =>
        Error("TW3003", $"Input {Quote(name)} is given from outside and cannot be set by the asset's own equations.");

    /// <summary>TW3004: <c>:=</c> to something other than a discrete variable or output.</summary>
    public Diagnostic InvalidAssignmentTarget(string name, string kind) =>
        Error("TW3004", $"Expected a discrete variable or output as the target of ':=' but {Quote(name)} is {kind}.");

    /// <summary>TW3005: <c>reinit</c> of something that is not a state.</summary>
    public Diagnostic ReinitOfNonState(string name, string kind) =>
        Error("TW3005", $"Expected a state as the target of 'reinit' but {Quote(name)} is {kind}.");

    /// <summary>TW3006: <c>reinit</c> outside a <c>when</c> section.</summary>
    public Diagnostic ReinitOutsideWhen() =>
        Error("TW3006", "'reinit' is allowed only in a 'when' section, not in a 'sampled' section.");

    /// <summary>TW3007: <c>connect</c> of something that is not a port.</summary>
    public Diagnostic ConnectNonConnector(string text) =>
        Error("TW3007", $"Expected a port (a connector instance) in 'connect' but found {Quote(text)}.");

    /// <summary>TW3008: <c>connect</c> of ports of different connector types.</summary>
    public Diagnostic ConnectTypeMismatch(string first, string second) =>
        Error("TW3008", $"'connect' needs ports of the same connector type but found {Quote(first)} and {Quote(second)}.");

    /// <summary>TW3009: an asset whose equation count differs from its unknown count.</summary>
    public Diagnostic UnbalancedAsset(string asset, long equations, long unknowns, IReadOnlyList<string> unmentioned) =>
        Error("TW3009", $"Asset {Quote(asset)} has {equations} equation(s) for {unknowns} unknown(s)." + (unmentioned.Count == 0
            ? string.Empty
            : $" No equation mentions {string.Join(", ", unmentioned.Select(Quote))}."));

    /// <summary>TW3010: <c>der()</c> outside equations (in a default, a function, a condition).</summary>
    public Diagnostic DerivativeNotAllowed() =>
        Error("TW3010", "'der()' is allowed only in equations of an asset.");

    /// <summary>TW3011: a coupling side that is not a component of the asset.</summary>
    public Diagnostic CouplingEndNotComponent(string text) =>
        Error("TW3011", $"Expected a component of the asset as a coupling side but found {Quote(text)}.");

    /// <summary>TW3012: an up/down rule whose target is not a variable of the side it must write.</summary>
    public Diagnostic CouplingTargetWrongSide(string direction, string expectedSide, string text) =>
        Error("TW3012", $"An '{direction}' rule must set a variable of {Quote(expectedSide)} but its target is {Quote(text)}.");

    /// <summary>TW3013: <c>conserve</c> of a quantity no summing up rule transfers.</summary>
    public Diagnostic ConserveWithoutSumRule(string text) =>
        Error("TW3013", $"'conserve {text}' needs an 'up' rule that sets it with a 'sum(...)' aggregation.");

    /// <summary>TW3014: an estimate target that is not a state or parameter.</summary>
    public Diagnostic EstimateTargetNotStateOrParameter(string name, string kind) =>
        Error("TW3014", $"Expected a state or parameter to estimate but {Quote(name)} is {kind}.");

    /// <summary>TW3015: a scenario input target that is not an input.</summary>
    public Diagnostic ScenarioInputNotInput(string name, string kind) =>
        Error("TW3015", $"Expected an input of the asset after 'input' but {Quote(name)} is {kind}.");

    /// <summary>TW3016: a scenario <c>set</c>, sweep or ensemble target that is not a parameter.</summary>
    public Diagnostic ScenarioTargetNotParameter(string name, string kind) =>
        Error("TW3016", $"Expected a parameter to override but {Quote(name)} is {kind}.");

    /// <summary>TW3017: an equation assigning a parameter or constant.</summary>
    public Diagnostic EquationForFixedValue(string name, string kind) =>
        Error("TW3017", $"{Quote(name)} is {kind}, fixed during a run; it cannot be the target of this rule.");
}
