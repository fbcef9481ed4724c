namespace TwinLang.Runtime.TimeSeries;

/// <summary>One recorded variable of a <see cref="TimeSeriesResult"/>.</summary>
/// <param name="Name">The variable's name.</param>
/// <param name="Unit">The unit of the recorded values; empty when dimensionless.</param>
/// <param name="Kind">Whether it is a state, input or output.</param>
public readonly record struct ResultColumn(string Name, string Unit, VariableKind Kind);
