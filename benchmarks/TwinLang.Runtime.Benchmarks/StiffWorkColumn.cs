using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace TwinLang.Runtime.Benchmarks;

/// <summary>
/// The work behind one Robertson benchmark row, counted by running the same integration once in the host: steps,
/// right-hand-side and Jacobian evaluations, and where the run ended (a failure shows as the time it stopped).
/// </summary>
internal sealed class StiffWorkColumn : IColumn
{
    public string Id => nameof(StiffWorkColumn);

    public string ColumnName => "Steps / f / J / reached";

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Custom;

    public int PriorityInCategory => 1;

    public bool IsNumeric => false;

    public UnitType UnitType => UnitType.Dimensionless;

    public string Legend => "Step attempts, f evaluations, Jacobian evaluations, and the time reached (t_end unless it failed)";

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        if (RobertsonBenchmarks.Configuration(benchmarkCase.Descriptor.WorkloadMethod.Name) is not var (kind, end))
        {
            return "-";
        }

        var solver = Robertson.Run(kind, end);
        var s = solver.Statistics;
        var reached = solver.Failure is null ? "done" : $"failed at t = {solver.Time.ToString("G3", CultureInfo.InvariantCulture)} ({solver.Failure.Kind})";
        return string.Create(CultureInfo.InvariantCulture, $"{s.Steps} / {s.FunctionEvaluations} / {s.JacobianEvaluations} / {reached}");
    }

    public bool IsAvailable(Summary summary) => true;

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
}
