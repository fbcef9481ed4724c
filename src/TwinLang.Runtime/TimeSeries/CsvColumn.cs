namespace TwinLang.Runtime.TimeSeries;

/// <summary>A column read from a time-series CSV file, converted to SI.</summary>
/// <param name="Name">The column name.</param>
/// <param name="Unit">The unit the header gave (before conversion); empty when none.</param>
/// <param name="Values">One converted value per data row.</param>
public sealed record CsvColumn(string Name, string Unit, IReadOnlyList<double> Values);
