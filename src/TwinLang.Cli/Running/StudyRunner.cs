using System.Diagnostics;
using System.Globalization;
using TwinLang.Binding;
using TwinLang.Diagnostics;
using TwinLang.Lowering.Scenarios;
using TwinLang.Runtime;
using TwinLang.Runtime.Ensembles;
using TwinLang.Runtime.Signals;
using TwinLang.Runtime.TimeSeries;
using TwinLang.Text;
using RuntimeKind = TwinLang.Runtime.VariableKind;

namespace TwinLang.Cli.Running;

/// <summary>
/// Runs a scenario with sweeps and/or an ensemble: every point of the sweeps' cartesian product, each a single run or
/// a Monte-Carlo ensemble (<see cref="EnsembleRunner"/>) with the same seed, so every point sees the same draws
/// (common random numbers make points comparable). Sweep points without an ensemble run in parallel; with one,
/// the members of each point do. A failed member is a warning (TW5580, the first <see cref="ListedFailures"/> of
/// each point, then TW5581); a point whose members all failed (TW5582) or whose single run failed (TW5588) is an error.
/// </summary>
public static class StudyRunner
{
    /// <summary>Failed members listed one by one per point before TW5581 counts the rest.</summary>
    public const int ListedFailures = 10;

    /// <summary>Drawn values listed in a failed member's message before the rest are counted.</summary>
    private const int ListedDraws = 6;

    /// <summary>Runs the study of <paramref name="plan"/> on <paramref name="model"/> (its overrides are applied to it) on up to <paramref name="threads"/> threads.</summary>
    /// <remarks><paramref name="progress"/> receives (runs finished, runs in all) from worker threads, one call at a time.</remarks>
    public static StudyOutcome Run(ITwinModel model, ScenarioPlan plan, IReadOnlyDictionary<string, ISignal> signals, SymbolLocation anchor, int threads, bool keepMembers = false, Action<int, int>? progress = null)
    {
        threads = Math.Max(1, threads);
        var (options, columns, diagnostics) = ScenarioRunner.Prepare(model, plan, signals, anchor);
        var parameters = model.Description.Parameters;
        var sweepTargets = plan.Sweeps.Select(s => Targets(parameters, s.Name, s.Source, s.Span, diagnostics)).ToList();
        var draws = plan.Ensemble?.Draws.Select(d => Draw(parameters, d, diagnostics)).ToList();
        var sweepColumns = plan.Sweeps.Select((s, i) => new ResultColumn(s.Name, sweepTargets[i].Select(p => parameters[p].Unit).FirstOrDefault() ?? string.Empty, RuntimeKind.Parameter)).ToList();
        if (diagnostics.Any(d => d.IsError) || draws?.Any(d => d is null) == true)
        {
            return new StudyOutcome([], sweepColumns, 0, TimeSpan.Zero, diagnostics);
        }

        var clock = Stopwatch.StartNew();
        var points = plan.SweepPoints();
        var total = points.Count * (plan.Ensemble?.Members ?? 1);
        var finished = 0;
        var gate = new Lock();
        void Finished()
        {
            lock (gate)
            {
                progress?.Invoke(++finished, total);
            }
        }

        ITwinModel At(int point)
        {
            var instance = model.Clone();
            for (var s = 0; s < points[point].Count; s++)
            {
                foreach (var index in sweepTargets[s])
                {
                    instance.ParameterValues[index] = points[point][s];
                }
            }

            return instance;
        }

        var results = new List<StudyPoint>();
        if (plan.Ensemble is not { } ensemble || draws is null)
        {
            var runs = ParallelRuns.Map(points.Count, threads, point =>
            {
                var run = Simulator.Run(At(point), options);
                Finished();
                return run;
            });
            for (var point = 0; point < points.Count; point++)
            {
                if (runs[point].Failure is { } failure)
                {
                    diagnostics.Add(SweepAnchor(plan, anchor).SweepPointFailed(point + 1, Values(sweepColumns, points[point]), failure.Message));
                }

                results.Add(new StudyPoint(point + 1, points[point], runs[point].Series.Select(columns), null));
            }
        }
        else
        {
            var ensembleOptions = new EnsembleOptions
            {
                Members = ensemble.Members,
                Seed = ensemble.Seed,
                Draws = [.. draws.OfType<ParameterDraw>()],
                Threads = threads,
                Columns = columns,
                KeepMemberSeries = keepMembers,
                MemberFinished = _ => Finished(),
            };
            for (var point = 0; point < points.Count; point++)
            {
                var result = EnsembleRunner.Run(At(point), options, ensembleOptions);
                if (result.SetupFailure is { } setup)
                {
                    // The plan, the draws and the thread count were checked above; reported rather than lost should that change.
                    diagnostics.Add(DiagnosticCatalog.At(ensemble.Source, ensemble.Span).RunStopped(setup.Message));
                    break;
                }

                diagnostics.AddRange(MemberFailures(result, parameters, DiagnosticCatalog.At(ensemble.Source, ensemble.Span)));
                results.Add(new StudyPoint(point + 1, points[point], result.Statistics, result));
            }
        }

        var used = Math.Min(threads, plan.Ensemble?.Members ?? points.Count);
        return new StudyOutcome(results, sweepColumns, used, clock.Elapsed, diagnostics);
    }

    private static IEnumerable<Diagnostic> MemberFailures(EnsembleResult result, IReadOnlyList<VariableInfo> parameters, DiagnosticBuilder at)
    {
        var failed = result.Members.Where(m => m.Failure is not null).ToList();
        if (failed.Count > 0 && failed.Count == result.Members.Count)
        {
            yield return at.EnsembleAllMembersFailed(result.Members.Count, failed[0].Failure?.Message ?? string.Empty);
            yield break;
        }

        foreach (var member in failed.Take(ListedFailures))
        {
            var shown = member.Draws.Take(ListedDraws).Select((value, i) => Assignment(parameters[result.DrawnParameters[i]], value));
            var more = member.Draws.Count > ListedDraws ? $" and {(member.Draws.Count - ListedDraws).ToString(CultureInfo.InvariantCulture)} more" : string.Empty;
            yield return at.EnsembleMemberFailed(member.Number, string.Join(", ", shown) + more, member.Failure?.Message ?? string.Empty);
        }

        if (failed.Count > ListedFailures)
        {
            yield return at.EnsembleMoreMembersFailed(failed.Count - ListedFailures, result.Members.Count);
        }
    }

    /// <summary>The parameter indices a sweep or draw target names; TW5514 when none.</summary>
    private static List<int> Targets(IReadOnlyList<VariableInfo> parameters, string name, SourceText source, TextSpan span, List<Diagnostic> diagnostics)
    {
        var indices = ScenarioRunner.Matching(parameters, name);
        if (indices.Count == 0)
        {
            diagnostics.Add(DiagnosticCatalog.At(source, span).RunVariableNotInModel(name, "a parameter"));
        }

        return indices;
    }

    /// <summary>The runtime draw of a planned one, truncated to the declared limits; null after reporting.</summary>
    private static ParameterDraw? Draw(IReadOnlyList<VariableInfo> parameters, DrawPlan plan, List<Diagnostic> diagnostics)
    {
        var indices = Targets(parameters, plan.Name, plan.Source, plan.Span, diagnostics);
        var a = plan.Distribution.Arguments;
        Distribution distribution = plan.Distribution.Name switch
        {
            "normal" => new NormalDistribution(a[0], a[1]),
            "lognormal" => new LognormalDistribution(a[0], a[1]),
            "uniform" => new UniformDistribution(a[0], a[1]),
            "laplace" => new LaplaceDistribution(a[0], a[1]),
            "cauchy" => new CauchyDistribution(a[0], a[1]),
            "student_t" => new StudentTDistribution(a[0], a[1], a[2]),
            _ => throw new InvalidOperationException($"Unhandled distribution '{plan.Distribution.Name}'."),
        };
        var truncated = distribution.Truncate(plan.Minimum, plan.Maximum);
        if (truncated.Validate() is { } invalid)
        {
            diagnostics.Add(DiagnosticCatalog.At(plan.Source, plan.Span).DistributionInvalid(plan.Name, invalid));
            return null;
        }

        return indices.Count == 0 ? null : new ParameterDraw(plan.Name, indices, truncated);
    }

    /// <summary><c>kp = 400 W/K, r0 = 0.015 Ohm</c>: a sweep point's values for messages.</summary>
    internal static string Values(IReadOnlyList<ResultColumn> sweepColumns, IReadOnlyList<double> values) =>
        string.Join(", ", values.Select((v, i) => Assignment(new VariableInfo(sweepColumns[i].Name, sweepColumns[i].Unit), v)));

    private static string Assignment(VariableInfo parameter, double value) =>
        $"{parameter.Name} = {value.ToString("G6", CultureInfo.InvariantCulture)}{(parameter.Unit.Length == 0 ? string.Empty : " " + parameter.Unit)}";

    private static DiagnosticBuilder SweepAnchor(ScenarioPlan plan, SymbolLocation anchor) =>
        plan.Sweeps.Count > 0 ? DiagnosticCatalog.At(plan.Sweeps[0].Source, plan.Sweeps[0].Span) : DiagnosticCatalog.At(anchor.Source, anchor.Span);
}
