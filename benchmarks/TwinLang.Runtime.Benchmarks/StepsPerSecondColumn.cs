using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace TwinLang.Runtime.Benchmarks;

/// <summary>Throughput: 1 / mean time per operation, where one operation is one solver step.</summary>
internal sealed class StepsPerSecondColumn : IColumn
{
    public string Id => nameof(StepsPerSecondColumn);

    public string ColumnName => "Steps/s";

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Custom;

    public int PriorityInCategory => 0;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Dimensionless;

    public string Legend => "Solver steps per second (1 / Mean)";

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        var mean = summary[benchmarkCase]?.ResultStatistics?.Mean;
        return benchmarkCase.Descriptor.Type == typeof(SolverStepBenchmarks) && mean is > 0 ? (1e9 / mean.Value).ToString("N0", CultureInfo.InvariantCulture) : "n/a";
    }

    // Only the solver-step benchmarks count steps; an ensemble operation is a whole ensemble.
    public bool IsAvailable(Summary summary) => summary.BenchmarksCases.Any(c => c.Descriptor.Type == typeof(SolverStepBenchmarks));

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
}
