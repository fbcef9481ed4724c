using TwinLang.Runtime.Ensembles;
using TwinLang.Runtime.Solvers;
using TwinLang.Runtime.Tests.Models;
using TwinLang.Runtime.TimeSeries;
using TwinLang.Testing;
using Xunit;

namespace TwinLang.Runtime.Tests.Ensembles;

public sealed class EnsembleRunnerTests
{
    private static readonly SimulationOptions Span = new() { StopTime = 2, OutputInterval = 0.5 };

    [Fact]
    public void Run_OneTwoAndFourThreads_GiveBitIdenticalStatisticsAndDraws()
    {
        var results = new[] { 1, 2, 4 }.Select(threads => EnsembleRunner.Run(new ExponentialDecay(), Span, Options(members: 40) with { Threads = threads })).ToList();

        var csv = results.Select(r => TimeSeriesCsvWriter.WriteToString(r.Statistics ?? throw new InvalidOperationException())).ToList();
        Assert.Equal(csv[0], csv[1]);
        Assert.Equal(csv[0], csv[2]);
        var draws = results.Select(r => string.Join(",", r.Members.SelectMany(m => m.Draws).Select(BitConverter.DoubleToInt64Bits))).ToList();
        Assert.Equal(draws[0], draws[1]);
        Assert.Equal(draws[0], draws[2]);
        Assert.Equal([1, 2, 4], results.Select(r => r.Threads));
    }

    [Fact]
    public void Run_SameSeed_RepeatsAndAnotherSeedDrawsOtherValues()
    {
        var first = EnsembleRunner.Run(new ExponentialDecay(), Span, Options(members: 5));
        var again = EnsembleRunner.Run(new ExponentialDecay(), Span, Options(members: 5));
        var other = EnsembleRunner.Run(new ExponentialDecay(), Span, Options(members: 5) with { Seed = 8 });

        Assert.Equal(first.Members.SelectMany(m => m.Draws), again.Members.SelectMany(m => m.Draws));
        Assert.NotEqual(first.Members.SelectMany(m => m.Draws), other.Members.SelectMany(m => m.Draws));
        Assert.Equal(5, first.Members.SelectMany(m => m.Draws).Distinct().Count());
    }

    [Fact]
    public void Run_MemberStatistics_MatchTheClosedFormPerMember()
    {
        var result = EnsembleRunner.Run(new ExponentialDecay(), Span, Options(members: 3) with { KeepMemberSeries = true });

        // x(t) = exp(-k t) per member; the mean column at t = 2 is the mean of the three closed forms.
        var expected = result.Members.Select(m => Math.Exp(-m.Draws[0] * 2)).Average();
        var statistics = result.Statistics ?? throw new InvalidOperationException();
        Assert.Equal(expected, statistics[statistics.Count - 1, statistics.IndexOf("x.mean")], 5);
        Assert.All(result.Members, m => Assert.NotNull(m.Series));
    }

    [Fact]
    public void Run_MembersThatBlowUp_AreReportedWithTheirDrawsAndLeftOutOfTheStatistics()
    {
        // k below about -360 overflows exp(-k · 2) before t = 2.
        var options = Options(members: 20) with { Draws = [new ParameterDraw("k", [0], new UniformDistribution(-720, 1))] };

        var result = EnsembleRunner.Run(new ExponentialDecay(), Span, options);

        var failed = result.Members.Where(m => !m.Succeeded).ToList();
        Assert.NotEmpty(failed);
        Assert.True(failed.Count < 20);
        Assert.Equal(failed.Count, result.Failed);
        Assert.All(failed, m => Assert.True(m.Draws[0] < -300, $"member {m.Number} drew {m.Draws[0]}"));
        Assert.All(failed, m => Assert.Equal(SimulationFailureKind.NonFiniteValue, m.Failure?.Kind));
        var statistics = result.Statistics ?? throw new InvalidOperationException();
        Assert.All(Enumerable.Range(0, statistics.Count), row => Assert.True(double.IsFinite(statistics[row, statistics.IndexOf("x.p95")])));
    }

    [Fact]
    public void Run_Columns_KeepsOnlyTheNamedOnes()
    {
        var result = EnsembleRunner.Run(new ExponentialDecay(), Span, Options(members: 2) with { Columns = ["rate"] });

        Assert.Equal(["rate.mean", "rate.sd", "rate.p05", "rate.p50", "rate.p95"], result.Statistics?.Columns.Select(c => c.Name));
        Assert.Equal("m/s", result.Statistics?.Columns[0].Unit);
    }

    [Fact]
    public void Run_MemberFinished_IsCalledOncePerMember()
    {
        var finished = new System.Collections.Concurrent.ConcurrentBag<int>();

        EnsembleRunner.Run(new ExponentialDecay(), Span, Options(members: 9) with { Threads = 3, MemberFinished = finished.Add });

        Assert.Equal(Enumerable.Range(1, 9), finished.Order());
    }

    [Fact]
    public void Run_InvalidOptions_RunNoMemberAndSayWhy()
    {
        var none = EnsembleRunner.Run(new ExponentialDecay(), Span, Options(members: 0));
        var missing = EnsembleRunner.Run(new ExponentialDecay(), Span, Options(members: 2) with { Draws = [new ParameterDraw("z", [9], new UniformDistribution(0, 1))] });
        var invalid = EnsembleRunner.Run(new ExponentialDecay(), Span, Options(members: 2) with { Draws = [new ParameterDraw("k", [0], new NormalDistribution(1, -1))] });

        Assert.Contains("at least one member", none.SetupFailure?.Message, StringComparison.Ordinal);
        Assert.Contains("'z'", missing.SetupFailure?.Message, StringComparison.Ordinal);
        Assert.Contains("standard deviation", invalid.SetupFailure?.Message, StringComparison.Ordinal);
        Assert.All([none, missing, invalid], r => Assert.Equal((SimulationFailureKind.InvalidSetup, 0, (TimeSeriesResult?)null), (r.SetupFailure?.Kind ?? default, r.Members.Count, r.Statistics)));
    }

    [Fact]
    public void Percentile_FourValues_InterpolatesBetweenOrderStatistics()
    {
        double[] sorted = [1, 2, 3, 4];

        // Rank h = (n - 1) q / 100: 0.15 for p05, 1.5 for p50, 2.85 for p95.
        Assert.Equal(1.15, EnsembleStatistics.Percentile(sorted, 5), 12);
        Assert.Equal(2.5, EnsembleStatistics.Percentile(sorted, 50), 12);
        Assert.Equal(3.85, EnsembleStatistics.Percentile(sorted, 95), 12);
        Assert.Equal(1, EnsembleStatistics.Percentile(sorted, 0));
        Assert.Equal(4, EnsembleStatistics.Percentile(sorted, 100));
        Assert.True(double.IsNaN(EnsembleStatistics.Percentile([], 50)));
        Assert.Equal(7, EnsembleStatistics.Percentile([7], 95));
    }

    [Fact]
    public void Compute_HandMadeMembers_GiveMeanSampleSdAndPercentilesPerTime()
    {
        var members = new[] { 4.0, 1.0, 3.0, 2.0 }.Select(v => Series(v, 10 * v)).ToList();

        var statistics = EnsembleStatistics.Compute(members, [5, 50, 95]);

        Assert.Equal(["y.mean", "y.sd", "y.p05", "y.p50", "y.p95"], statistics.Columns.Select(c => c.Name));
        AssertClose([2.5, Math.Sqrt(5.0 / 3), 1.15, 2.5, 3.85], statistics.Row(0).ToArray());
        AssertClose([25, Math.Sqrt(500.0 / 3), 11.5, 25, 38.5], statistics.Row(1).ToArray());
        Assert.Equal([0.0, 1.0], statistics.Times.ToArray());
    }

    [Fact]
    public void Label_Percentiles_ArePaddedToTwoDigits()
    {
        Assert.Equal(["p05", "p50", "p95", "p2.5", "p100"], new[] { 5, 50, 95, 2.5, 100 }.Select(EnsembleStatistics.Label));
    }

    [Fact]
    public void ParallelRuns_ResultsComeBackByIndexAndExceptionsPropagate()
    {
        Assert.Equal(Enumerable.Range(0, 100).Select(i => i * i), ParallelRuns.Map(100, 3, i => i * i));
        Assert.Throws<InvalidOperationException>(() => ParallelRuns.Map(10, 2, int (i) => i == 5 ? throw new InvalidOperationException("bug") : i));
    }

    [Fact]
    public void WriteStacked_TwoBlocks_PrefixEveryRowWithItsKeys()
    {
        using var writer = new StringWriter();
        ResultColumn[] keys = [new("point", "", VariableKind.Parameter), new("r0", "Ohm", VariableKind.Parameter)];

        TimeSeriesCsvWriter.WriteStacked(writer, keys, [([1, 0.01], Series(1, 2)), ([2, 0.02], Series(3, 4))]);

        Assert.Equal(
            "point,r0 [Ohm],time [s],y [m]\n" +
            "1,0.01,0,1\n1,0.01,1,2\n" +
            "2,0.02,0,3\n2,0.02,1,4\n",
            writer.ToString());
    }

    [Fact]
    public void SvgPlot_BandWithAGap_IsDrawnAsTwoClosedPathsUnderTheLine()
    {
        var series = new TimeSeriesResult([new("m", "", VariableKind.Output), new("lo", "", VariableKind.Output), new("hi", "", VariableKind.Output)], 5);
        foreach (var (t, lo) in new[] { (0.0, 0.0), (1, 1), (2, double.NaN), (3, 3), (4, 4) })
        {
            var row = series.AddRow(t);
            (row[0], row[1], row[2]) = (t, lo, t + 1);
        }

        var svg = SvgPlotWriter.WriteToString(series, new SvgPlotOptions { Columns = [0], Bands = [new SvgBand(1, 2, 0)] });

        Assert.Equal(2, svg.Split("<path fill=\"#1f77b4\"").Length - 1);
        Assert.True(svg.IndexOf("<path", StringComparison.Ordinal) < svg.IndexOf("<polyline", StringComparison.Ordinal), "Bands lie under the lines.");
        Assert.Throws<ArgumentOutOfRangeException>(() => SvgPlotWriter.WriteToString(series, new SvgPlotOptions { Bands = [new SvgBand(1, 3, 0)] }));
    }

    [Fact]
    public void EnsembleOutputs_SmallEnsemble_MatchBaselines()
    {
        var result = EnsembleRunner.Run(new ExponentialDecay(), Span, Options(members: 8) with { Threads = 2 });
        var statistics = result.Statistics ?? throw new InvalidOperationException();
        var mean = statistics.IndexOf("x.mean");
        var band = new SvgBand(statistics.IndexOf("x.p05"), statistics.IndexOf("x.p95"), 0);

        var svg = SvgPlotWriter.WriteToString(statistics, new SvgPlotOptions { Title = "Decay: mean and p05..p95 of 8 members", Columns = [mean], Bands = [band] });

        Baseline.AssertMatches(TimeSeriesCsvWriter.WriteToString(statistics), "tests/Baselines/Runtime/ensemble.csv");
        Baseline.AssertMatches(svg, "tests/Baselines/Runtime/ensemble.svg");
    }

    private static void AssertClose(double[] expected, double[] actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.Equal(expected[i], actual[i], 1e-12 * Math.Max(1, Math.Abs(expected[i])));
        }
    }

    private static EnsembleOptions Options(int members) => new()
    {
        Members = members,
        Seed = 7,
        Draws = [new ParameterDraw("k", [0], new LognormalDistribution(1, 0.3))],
    };

    private static TimeSeriesResult Series(double first, double second)
    {
        var series = new TimeSeriesResult([new ResultColumn("y", "m", VariableKind.Output)], 2);
        series.AddRow(0)[0] = first;
        series.AddRow(1)[0] = second;
        return series;
    }
}
