namespace TwinLang.Diagnostics;

// TW3110..TW3139: connectors, algebraic loops, structural analysis and initialization while lowering.
public readonly partial struct DiagnosticBuilder
{
    /// <summary>TW3110: a connect in a loop that reaches beyond a port array.</summary>
    public Diagnostic ConnectIndexOutOfRange(string port, string index, int size) =>
        Error("TW3110", $"Expected an element of {Quote(port)} between 1 and {size} but this 'connect' reaches element {index}. Narrow the loop's range.");

    /// <summary>TW3111: equations that constrain states algebraically (a high-index system).</summary>
    public Diagnostic HighIndexSystem(string equations, string states, string suggestion) =>
        Error("TW3111", $"The equations {equations} constrain the state(s) {states} algebraically, so not every derivative can be solved for (a high-index system): a state's value comes from its derivative, not from an equation. Make {Quote(suggestion)} an algebraic variable ('variable' instead of 'state'), or remove the constraint (put a resistance between two capacitors in parallel).");

    /// <summary>TW3112: more initial equations than states they can determine.</summary>
    public Diagnostic InitialSystemOverdetermined(string equations, string states, string surplus) =>
        Error("TW3112", $"The initial equations {equations} over-determine {states}: each state takes its initial value from at most one initial equation, so they cannot all be satisfied. Remove {surplus}, or let it determine another state.");

    /// <summary>TW3113: an initial equation that reads an algebraic variable or a derivative.</summary>
    public Diagnostic InitialEquationNotOnStates(string variable) =>
        Error("TW3113", $"Expected an initial equation over states and parameters but it reads {Quote(variable)}, which is computed from the states. Write the condition on the states themselves.");
}
