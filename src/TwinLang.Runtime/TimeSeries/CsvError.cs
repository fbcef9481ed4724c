namespace TwinLang.Runtime.TimeSeries;

/// <summary>One problem found in a time-series CSV file.</summary>
/// <param name="Kind">What is wrong.</param>
/// <param name="Line">The 1-based line of the file it is on (the header line for header problems).</param>
/// <param name="Column">The name of the column it is in, or empty when it concerns a whole line.</param>
/// <param name="Message">One or two sentences that say what was expected and what was found, ending with a period.</param>
public sealed record CsvError(CsvErrorKind Kind, int Line, string Column, string Message);
