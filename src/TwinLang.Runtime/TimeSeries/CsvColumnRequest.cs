namespace TwinLang.Runtime.TimeSeries;

/// <summary>
/// A column the caller needs from a time-series CSV file, with the unit its header must give and the affine
/// conversion to SI the compiler worked out for that unit: <c>si = value · Scale + Offset</c>.
/// </summary>
/// <param name="Name">The column name (the header text before <c>[unit]</c>), matched ordinally; ignored for the time column, which is always the first.</param>
/// <param name="ExpectedUnit">The unit the header must give (compared ordinally; <c>""</c> for none), or null to accept any.</param>
/// <param name="Scale">Multiplies each value.</param>
/// <param name="Offset">Is added to each scaled value (for affine units such as degC).</param>
public sealed record CsvColumnRequest(string Name, string? ExpectedUnit = null, double Scale = 1.0, double Offset = 0.0)
{
    /// <summary>The default time column: any name, any unit, values in seconds.</summary>
    public static CsvColumnRequest AnyTime { get; } = new("time");

    /// <summary>Converts a file value to SI.</summary>
    public double Convert(double value) => value * Scale + Offset;
}
