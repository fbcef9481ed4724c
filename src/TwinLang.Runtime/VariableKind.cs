namespace TwinLang.Runtime;

/// <summary>The role a model variable plays; also tags the columns of a <see cref="TimeSeries.TimeSeriesResult"/>.</summary>
public enum VariableKind
{
    /// <summary>A continuous state whose derivative the model computes.</summary>
    State,

    /// <summary>A parameter: constant during a run, settable before it.</summary>
    Parameter,

    /// <summary>An input driven from outside the model (a signal or a coupling).</summary>
    Input,

    /// <summary>An output computed from time, states, parameters and inputs.</summary>
    Output,

    /// <summary>A discrete variable: changes only at events and clock ticks, held in between.</summary>
    Discrete,
}
