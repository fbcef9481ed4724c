using System.Globalization;

namespace TwinLang.Diagnostics;

// TW5500..TW5599: running a twin (`twin run`): scenario plans, choosing what to run, runtime failures and
// time-series input files. A CSV problem is located in the CSV file itself (line, and column where known).
public readonly partial struct DiagnosticBuilder
{
    /// <summary>TW5500: a scenario value that is not a constant.</summary>
    public Diagnostic ScenarioValueNotConstant(string text) =>
        Error("TW5500", $"Expected a constant such as '10 s' or '2 kW' but found {Quote(text)}.");

    // TW5501 (retired): "sweep not yet supported"; 'twin run' runs sweeps (DiagnosticBuilder.Ensembles.cs).

    // TW5502 (retired): "ensemble not yet supported"; 'twin run' runs ensembles (DiagnosticBuilder.Ensembles.cs).

    // TW5503 (retired): "solver not yet supported" stood for rodas and auto before the stiff solvers; every solver
    // the binder accepts now runs, except 'bdf', which has its own code (TW5570).

    /// <summary>TW5504: a time span that ends before it starts.</summary>
    public Diagnostic EmptyTimeSpan(double start, double stop) =>
        Error("TW5504", $"Expected a time span whose end is after its start but found {Seconds(start)} .. {Seconds(stop)}.");

    /// <summary>TW5505: a step or output interval that is not positive.</summary>
    public Diagnostic NonPositiveInterval(string what, double value) =>
        Error("TW5505", $"Expected a positive {what} but found {Seconds(value)}.");

    /// <summary>TW5510: <c>--scenario</c> names no scenario.</summary>
    public Diagnostic ScenarioNotFound(string name, string available) =>
        Error("TW5510", $"No scenario is named {Quote(name)}. Available: {available}.");

    /// <summary>TW5511: <c>--asset</c> names no asset.</summary>
    public Diagnostic AssetNotFound(string name, string available) =>
        Error("TW5511", $"No asset is named {Quote(name)}. Available: {available}.");

    /// <summary>TW5512: nothing, or more than one thing, could be run and none was chosen.</summary>
    public Diagnostic RunTargetAmbiguous(string choices) =>
        Error("TW5512", $"Expected one scenario or asset to run but found {choices}. Choose one with '--scenario' or '--asset'.");

    // TW5513 (retired): "discrete behaviour not yet supported" was reported for 'when' and 'sampled' sections
    // before 'twin run' ran events and clocks.

    /// <summary>TW5514: a scenario names a variable the compiled model does not have.</summary>
    public Diagnostic RunVariableNotInModel(string name, string kind) =>
        Error("TW5514", $"Expected {kind} {Quote(name)} in the compiled model but it has none by that name.");

    // TW5515 (retired): "model not compiled" stood for the missing code generation; 'twin run' now builds assets
    // with TwinBuilder, whose failures carry their own lowering (TW31xx) and emission (TW40xx) codes.

    /// <summary>TW5516: the results could not be written.</summary>
    public Diagnostic OutputNotWritable(string path, string reason) =>
        Error("TW5516", $"Could not write {Quote(path)}: {Detail(reason, "the file system refused")}");

    /// <summary>TW5520: a variable became NaN or infinite during the run.</summary>
    public Diagnostic RunNonFiniteValue(string variable, double time) =>
        Error("TW5520", $"{Quote(variable)} became NaN or infinite at t = {Seconds(time)}. Check divisions, logarithms and roots near that time.");

    /// <summary>TW5521: the adaptive step became too small.</summary>
    public Diagnostic RunStepSizeUnderflow(string variable, double time) =>
        Error("TW5521", $"The step size fell below the resolution of time at t = {Seconds(time)}, driven by {Quote(variable)}. The model may be stiff or discontinuous there.");

    /// <summary>TW5522: the solver used up its step budget.</summary>
    public Diagnostic RunMaxStepsExceeded(double time) =>
        Error("TW5522", $"The solver reached its maximum number of steps at t = {Seconds(time)}. Loosen the tolerances or shorten the time span.");

    /// <summary>TW5523: the runtime refused the run's settings, or the run was cancelled.</summary>
    public Diagnostic RunStopped(string reason) =>
        Error("TW5523", $"The run stopped: {Detail(reason, "its settings are inconsistent")}");

    // TW5524 is not used: a cancelled run is reported as TW5523 with the runtime's reason.

    /// <summary>TW5530: an input file that does not exist or cannot be read.</summary>
    public Diagnostic CsvFileNotFound(string path) =>
        Error("TW5530", $"Expected a time-series file {Quote(path)} next to the scenario but found none.");

    /// <summary>TW5531: an input file with no header or no data rows.</summary>
    public Diagnostic CsvNoData(string detail) => Error("TW5531", Detail(detail, "The time-series file has no data rows"));

    /// <summary>TW5532: an input file whose header is malformed or repeats a column.</summary>
    public Diagnostic CsvMalformedHeader(string detail) => Error("TW5532", Detail(detail, "The time-series file has a malformed header"));

    /// <summary>TW5533: an input file without the requested column.</summary>
    public Diagnostic CsvMissingColumn(string detail) => Error("TW5533", Detail(detail, "The time-series file lacks a requested column"));

    /// <summary>TW5534: an input file whose column header gives another unit.</summary>
    public Diagnostic CsvUnitMismatch(string detail) => Error("TW5534", Detail(detail, "A column header gives another unit than the scenario expects"));

    /// <summary>TW5535: an input-file row with the wrong number of cells or an unclosed quote.</summary>
    public Diagnostic CsvMalformedRow(string detail) => Error("TW5535", Detail(detail, "A row of the time-series file is malformed"));

    /// <summary>TW5536: an empty cell: a gap in the data.</summary>
    public Diagnostic CsvGap(string detail) => Error("TW5536", Detail(detail, "A cell of the time-series file is empty"));

    /// <summary>TW5537: a cell that is not a number.</summary>
    public Diagnostic CsvNonNumericCell(string detail) => Error("TW5537", Detail(detail, "A cell of the time-series file is not a number"));

    /// <summary>TW5538: a cell that is NaN or infinite.</summary>
    public Diagnostic CsvNotFiniteCell(string detail) => Error("TW5538", Detail(detail, "A cell of the time-series file is NaN or infinite"));

    /// <summary>TW5539: times that do not increase.</summary>
    public Diagnostic CsvUnsortedTime(string detail) => Error("TW5539", Detail(detail, "The times of the time-series file do not increase"));

    /// <summary>TW5540: reading stopped after too many errors.</summary>
    public Diagnostic CsvTooManyErrors(string detail) => Error("TW5540", Detail(detail, "Reading the time-series file stopped after too many errors"));

    /// <summary>The runtime's own sentence, or <paramref name="fallback"/> when it gave none; always ending with a period.</summary>
    private static string Detail(string detail, string fallback)
    {
        var text = detail.Trim().Length == 0 ? fallback : detail.Trim();
        return text.EndsWith('.') ? text : text + ".";
    }

    private static string Seconds(double seconds) => seconds.ToString("G6", CultureInfo.InvariantCulture) + " s";
}
