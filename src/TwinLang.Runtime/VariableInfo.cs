namespace TwinLang.Runtime;

/// <summary>Name, unit and documentation of one model variable.</summary>
/// <param name="Name">The flattened source name, for example <c>cells[3].soc</c>.</param>
/// <param name="Unit">
/// The unit the runtime values are expressed in. Generated models compute in SI, so this is the SI unit
/// (for example <c>K</c> for a temperature declared in <c>degC</c>); empty for dimensionless values.
/// </param>
/// <param name="Description">The documentation comment or description string; empty when none.</param>
public readonly record struct VariableInfo(string Name, string Unit, string Description = "");
