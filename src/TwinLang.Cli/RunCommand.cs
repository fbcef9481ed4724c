using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using TwinLang.Binding;
using TwinLang.Cli.Running;
using TwinLang.Compiler;
using TwinLang.Diagnostics;
using TwinLang.Lowering.Scenarios;
using TwinLang.Runtime;
using TwinLang.Runtime.Events;
using TwinLang.Runtime.Solvers;
using TwinLang.Runtime.TimeSeries;
using TwinLang.Syntax;
using TwinLang.Text;
using Symbol = TwinLang.Binding.Symbol;

namespace TwinLang.Cli;

/// <summary>
/// <c>twin run</c>: check, choose a scenario (or an asset's default run), plan it, compile the asset, simulate,
/// then write the results as CSV with an SVG plot beside it and print a summary. Every problem is a coded
/// diagnostic; the exit code is 0, 1 on errors, 2 on usage.
/// </summary>
public static partial class RunCommand
{
    /// <summary>Variables plotted when neither <c>--plot</c> nor the scenario's outputs choose them.</summary>
    public const int DefaultPlotColumns = 4;

    /// <summary>Wall time before the progress line appears, and between its updates.</summary>
    private static readonly TimeSpan ProgressDelay = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan ProgressThrottle = TimeSpan.FromMilliseconds(250);

    /// <summary>The compiler <c>twin run</c> uses for assets: the one place to wire code generation in.</summary>
    public static ITwinModelCompiler DefaultCompiler => GeneratedModelCompiler.Instance;

    /// <summary>The <c>run</c> command for the command tree.</summary>
    public static Command Build(CliContext context, ITwinModelCompiler? compiler = null)
    {
        var path = new Argument<string>("path") { Description = "A .twin file or a folder of them." };
        var scenario = new Option<string?>("--scenario") { Description = "The scenario to run (the only one when omitted)." };
        var asset = new Option<string?>("--asset") { Description = "Run this asset with the default plan (0 s .. 10 s, dopri5) instead of a scenario." };
        var output = new Option<string?>("--out") { Description = "The results CSV file (default: <scenario or asset>.csv); the SVG plot is written beside it." };
        var plot = new Option<string?>("--plot") { Description = "Comma-separated variables to plot (default: the scenario's outputs, else the first few)." };
        var quiet = new Option<bool>("--quiet") { Description = "Print diagnostics only: no progress and no summary." };
        var threads = ThreadsOption();
        var memberCsv = new Option<bool>("--member-csv") { Description = "Also write each ensemble member's results into the folder <out>.members." };
        var command = new Command("run", "Simulate a scenario and write its results.") { path, scenario, asset, output, plot, quiet, threads, memberCsv };
        command.SetAction(result => Run(
            context,
            new RunArguments(result.GetValue(path) ?? string.Empty, result.GetValue(scenario), result.GetValue(asset), result.GetValue(output), result.GetValue(plot), result.GetValue(quiet))
            {
                Threads = result.GetValue(threads),
                MemberCsv = result.GetValue(memberCsv),
            },
            compiler ?? DefaultCompiler));
        return command;
    }

    /// <summary>Runs the command; returns the exit code.</summary>
    public static int Run(CliContext context, RunArguments arguments, ITwinModelCompiler compiler)
    {
        var project = Project.Load([arguments.Path], new ProjectOptions(context.WorkingDirectory));
        var compilation = Compilation.Create(project);
        var diagnostics = new List<Diagnostic>(compilation.Diagnostics);
        var code = compilation.HasErrors || compilation.SemanticModel is not { } model
            ? ExitCodes.Errors
            : Execute(context, arguments, compiler, compilation, model, diagnostics);
        DiagnosticPrinter.WriteText(context.Out, diagnostics);
        DiagnosticPrinter.WriteSummary(context.Error, diagnostics);
        return code;
    }

    private static int Execute(CliContext context, RunArguments arguments, ITwinModelCompiler compiler, Compilation compilation, SemanticModel model, List<Diagnostic> diagnostics)
    {
        if (Choose(arguments, compilation, model, diagnostics) is not var (asset, scenario) || asset is null)
        {
            return ExitCodes.Errors;
        }

        var anchor = (scenario ?? (Symbol)asset).Location ?? new SymbolLocation(compilation.Sources[0], default);
        ScenarioPlan? plan;
        if (scenario is null)
        {
            plan = ScenarioPlanner.Default(asset);
        }
        else
        {
            var (planned, planDiagnostics) = new ScenarioPlanner(model).Plan(scenario);
            diagnostics.AddRange(planDiagnostics);
            plan = planned;
        }

        if (plan is null)
        {
            return ExitCodes.Errors;
        }

        var csvPath = Path.GetFullPath(arguments.Output ?? (plan.ScenarioName ?? plan.AssetName) + ".csv", context.WorkingDirectory);
        var svgPath = Path.ChangeExtension(csvPath, ".svg");
        if (!Directory.Exists(Path.GetDirectoryName(csvPath)))
        {
            // Checked before compiling and simulating, so a long run is not lost to a typo in '--out'.
            diagnostics.Add(DiagnosticCatalog.At(anchor.Source, anchor.Span).OutputNotWritable(arguments.Output ?? csvPath, "its folder does not exist."));
        }

        var (signals, inputDiagnostics) = new ScenarioRunner(path => ReadFile(Path.GetFullPath(path, context.WorkingDirectory))).PrepareInputs(plan, anchor.Source.Path);
        diagnostics.AddRange(inputDiagnostics);
        if (diagnostics.Any(d => d.IsError) || compiler.Compile(compilation, asset, diagnostics) is not { } twin)
        {
            return ExitCodes.Errors;
        }

        if (plan.IsStudy)
        {
            return ExecuteStudy(context, arguments, plan, twin, signals, anchor, csvPath, diagnostics);
        }

        var progress = arguments.Quiet ? null : new ProgressLine(context.Error);
        var outcome = ScenarioRunner.Run(twin, plan, signals, anchor, asset, progress is null ? null : progress.Report);
        progress?.Finish();
        diagnostics.AddRange(outcome.Diagnostics);
        if (outcome.Result is not { } result || outcome.Selected is not { } selected)
        {
            return ExitCodes.Errors;
        }

        try
        {
            File.WriteAllText(csvPath, TimeSeriesCsvWriter.WriteToString(selected));
            var title = plan.ScenarioName is null ? plan.AssetName : $"{plan.ScenarioName} ({plan.AssetName})";
            File.WriteAllText(svgPath, SvgPlotWriter.WriteToString(selected, new SvgPlotOptions { Title = title, Columns = PlotColumns(selected, arguments.Plot) }));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            diagnostics.Add(DiagnosticCatalog.At(anchor.Source, anchor.Span).OutputNotWritable(csvPath, e.Message));
            return ExitCodes.Errors;
        }

        if (!arguments.Quiet)
        {
            WriteSummary(context.Out, plan, selected, result, Path.GetRelativePath(context.WorkingDirectory, csvPath), Path.GetRelativePath(context.WorkingDirectory, svgPath));
        }

        return outcome.Succeeded && !diagnostics.Any(d => d.IsError) ? ExitCodes.Success : ExitCodes.Errors;
    }

    /// <summary>
    /// The asset and scenario to run: <c>--scenario</c> by name; else <c>--asset</c> with the default plan; else
    /// the only scenario of the user's files; else the only asset. Null after reporting TW5510..TW5512.
    /// </summary>
    private static (AssetSymbol? Asset, ScenarioSymbol? Scenario)? Choose(RunArguments arguments, Compilation compilation, SemanticModel model, List<Diagnostic> diagnostics)
    {
        var user = compilation.Sources.ToHashSet();
        var declared = model.Packages.SelectMany(p => p.Members.Values).Where(s => s.Location is { } l && user.Contains(l.Source)).ToList();
        var scenarios = declared.OfType<ScenarioSymbol>().OrderBy(s => s.Name, StringComparer.Ordinal).ToList();
        var assets = declared.OfType<AssetSymbol>().OrderBy(s => s.Name, StringComparer.Ordinal).ToList();
        var anchor = compilation.Sources.FirstOrDefault() ?? new SourceText(string.Empty, arguments.Path);
        var at = DiagnosticCatalog.At(anchor, default);
        if (arguments.Scenario is { } scenarioName)
        {
            var scenario = scenarios.Find(s => s.Name == scenarioName);
            if (scenario is null)
            {
                diagnostics.Add(at.ScenarioNotFound(scenarioName, List(scenarios)));
                return null;
            }

            return (scenario.Target, scenario);
        }

        if (arguments.Asset is { } assetName)
        {
            var asset = assets.Find(a => a.Name == assetName);
            if (asset is null)
            {
                diagnostics.Add(at.AssetNotFound(assetName, List(assets)));
                return null;
            }

            return (asset, null);
        }

        if (scenarios.Count == 1)
        {
            return (scenarios[0].Target, scenarios[0]);
        }

        if (scenarios.Count == 0 && assets.Count == 1)
        {
            return (assets[0], null);
        }

        var choices = scenarios.Count > 0 ? $"the scenarios {List(scenarios)}" : assets.Count > 0 ? $"the assets {List(assets)}" : "no scenario and no asset";
        diagnostics.Add(at.RunTargetAmbiguous(choices));
        return null;
    }

    private static IReadOnlyList<int> PlotColumns(TimeSeriesResult series, string? plot)
    {
        if (plot is null)
        {
            return [.. Enumerable.Range(0, Math.Min(DefaultPlotColumns, series.Columns.Count))];
        }

        return [.. plot.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(series.IndexOf).Where(i => i >= 0)];
    }

    private static void WriteSummary(TextWriter output, ScenarioPlan plan, TimeSeriesResult series, SimulationResult result, string csv, string svg)
    {
        var what = plan.ScenarioName is null ? $"asset '{plan.AssetName}' (default plan)" : $"scenario '{plan.ScenarioName}' of '{plan.AssetName}'";
        output.Write(Invariant($"Ran {what}: t = {plan.StartTime:G6} s .. {plan.StopTime:G6} s with {plan.Solver.Name}\n"));
        if (series.Count > 0)
        {
            var last = series.Row(series.Count - 1);
            var width = series.Columns.Max(c => c.Name.Length);
            for (var i = 0; i < series.Columns.Count; i++)
            {
                var column = series.Columns[i];
                var unit = column.Unit.Length == 0 ? string.Empty : " " + column.Unit;
                output.Write(Invariant($"  {column.Name.PadRight(width)} = {last[i]:G6}{unit}\n"));
            }
        }

        var s = result.Statistics;
        output.Write(Invariant($"Steps: {s.Steps} ({s.AcceptedSteps} accepted, {s.RejectedSteps} rejected), {s.FunctionEvaluations} evaluations, wall time {s.WallTime.TotalMilliseconds:F0} ms\n"));
        WriteSolverSummary(output, plan.Solver.Name, s);

        if (result.Events.Count > 0)
        {
            var ticks = result.Events.Count(e => e.Kind == SimulationEventKind.ClockTick);
            output.Write(Invariant($"Events: {result.Events.Count} ({result.Events.Count - ticks} 'when' events, {ticks} clock ticks)\n"));
        }

        if (result.Termination is { } termination)
        {
            output.Write(Invariant($"Terminated at t = {termination.Time:G6} s by {termination.Origin}: {termination.Reason}\n"));
        }

        output.Write($"Wrote {csv} and {svg}\n");
    }

    /// <summary>Which method ran (for <c>auto</c>, whether and when it switched) and the stiff solver's linear algebra.</summary>
    private static void WriteSolverSummary(TextWriter output, string requested, SolverStatistics s)
    {
        if (s.StiffSwitchTime is { } switchTime)
        {
            output.Write(Invariant($"Solver: auto switched from dopri5 to {SolverKindNames.Name(s.Method)} at t = {switchTime:G6} s (stiffness detected)\n"));
        }
        else if (requested == SolverKindNames.Name(SolverKind.Auto))
        {
            output.Write("Solver: auto stayed with dopri5 (not stiff)\n");
        }

        if (s.JacobianEvaluations > 0)
        {
            var algebra = s.SparseLinearAlgebra ? "sparse" : "dense";
            output.Write(Invariant($"Stiff solver: {s.JacobianEvaluations} Jacobian evaluations, {s.LuDecompositions} {algebra} LU decompositions\n"));
        }
    }

    private static string List(IEnumerable<Symbol> symbols)
    {
        var names = symbols.Select(s => $"'{s.Name}'").ToList();
        return names.Count == 0 ? "none" : string.Join(", ", names);
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static string? ReadFile(string path)
    {
        try
        {
            return File.Exists(path) ? File.ReadAllText(path).ReplaceLineEndings("\n") : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>A one-line progress display on the error writer: shown after a second of wall time, updated at most four times a second.</summary>
    private sealed class ProgressLine(TextWriter error)
    {
        private readonly Stopwatch _clock = Stopwatch.StartNew();
        private TimeSpan _last = TimeSpan.MinValue;
        private bool _shown;

        public void Report(SimulationProgress progress)
        {
            if (Due())
            {
                error.Write(Invariant($"\r  {progress.Fraction * 100,5:F1} %  t = {progress.Time:G6} s  ({progress.AcceptedSteps} steps)"));
            }
        }

        /// <summary>A study's progress: runs (sweep points or ensemble members) finished out of all.</summary>
        public void ReportRuns(int finished, int total)
        {
            if (Due())
            {
                error.Write(Invariant($"\r  {finished} / {total} runs"));
            }
        }

        public void Finish()
        {
            if (_shown)
            {
                error.Write('\n');
            }
        }

        /// <summary>Whether a line is due: after the first second, at most four times a second.</summary>
        private bool Due()
        {
            var now = _clock.Elapsed;
            if (now < ProgressDelay || now - _last < ProgressThrottle)
            {
                return false;
            }

            _last = now;
            _shown = true;
            return true;
        }
    }
}

/// <summary>The arguments of <c>twin run</c>.</summary>
/// <param name="Path">A .twin file or folder.</param>
/// <param name="Scenario">The scenario to run, when chosen.</param>
/// <param name="Asset">The asset to run with the default plan, when chosen.</param>
/// <param name="Output">The results CSV path, when given.</param>
/// <param name="Plot">Comma-separated variables to plot, when given.</param>
/// <param name="Quiet">No progress and no summary.</param>
public sealed record RunArguments(string Path, string? Scenario, string? Asset, string? Output, string? Plot, bool Quiet)
{
    /// <summary>The most threads for sweeps and ensembles (default: the processor count); results do not depend on it.</summary>
    public int? Threads { get; init; }

    /// <summary>Whether each ensemble member's results are written too.</summary>
    public bool MemberCsv { get; init; }
}
