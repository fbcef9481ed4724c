using System.Globalization;
using TwinLang.Runtime.Solvers;
using TwinLang.Runtime.Tests.Models;
using TwinLang.Runtime.TimeSeries;
using TwinLang.Testing;
using Xunit;

namespace TwinLang.Runtime.Tests;

public sealed class WriterTests
{
    [Fact]
    public void CsvWriter_SmallResult_WritesHeaderWithUnitsAndRoundTrippableNumbers()
    {
        var result = new TimeSeriesResult([new ResultColumn("x", "m", VariableKind.State), new ResultColumn("a,b", "", VariableKind.Output)], 3);
        Fill(result.AddRow(0), 1.0, 0.1);
        Fill(result.AddRow(0.5), 1.0 / 3.0, -2.5e-12);
        Fill(result.AddRow(1), 123456789.0, double.NaN);

        var csv = TimeSeriesCsvWriter.WriteToString(result);

        Assert.Equal(
            "time [s],x [m],\"a,b\"\n" +
            "0,1,0.1\n" +
            "0.5,0.3333333333333333,-2.5E-12\n" +
            "1,123456789,NaN\n",
            csv);
    }

    [Fact]
    public void CsvWriter_ThenReader_RoundTripsEveryValueExactly()
    {
        var result = Simulator.Run(new HarmonicOscillator(), new SimulationOptions { StopTime = 1, OutputInterval = 0.1 }).Series;

        var read = TimeSeriesCsvReader.Read(new StringReader(TimeSeriesCsvWriter.WriteToString(result)));

        Assert.True(read.Succeeded);
        Assert.Equal(result.Times.ToArray(), read.Times);
        for (var column = 0; column < result.Columns.Count; column++)
        {
            Assert.Equal(result.Columns[column].Name, read.Columns[column].Name);
            Assert.Equal(result.Columns[column].Unit, read.Columns[column].Unit);
            Assert.Equal(result.Column(column), read.Columns[column].Values);
        }
    }

    [Fact]
    public void SvgPlot_OscillatorRun_MatchesBaseline()
    {
        var svg = SvgPlotWriter.WriteToString(OscillatorSeries(), new SvgPlotOptions { Title = "Harmonic oscillator <ω = 2π>", Columns = [0, 1] });

        Baseline.AssertMatches(svg, "tests/Baselines/Runtime/oscillator.svg");
    }

    [Fact]
    public void CsvWriter_OscillatorRun_MatchesBaseline()
    {
        Baseline.AssertMatches(TimeSeriesCsvWriter.WriteToString(OscillatorSeries()), "tests/Baselines/Runtime/oscillator.csv");
    }

    [Fact]
    public void Writers_UnderFrenchCulture_ProduceTheSameBytes()
    {
        var series = OscillatorSeries();
        var svg = SvgPlotWriter.WriteToString(series, new SvgPlotOptions());
        var csv = TimeSeriesCsvWriter.WriteToString(series);
        var original = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = new CultureInfo("fr-FR");
            Assert.Equal(svg, SvgPlotWriter.WriteToString(series, new SvgPlotOptions()));
            Assert.Equal(csv, TimeSeriesCsvWriter.WriteToString(series));
        }
        finally
        {
            CultureInfo.CurrentCulture = original;
        }
    }

    [Fact]
    public void SvgPlot_NonFiniteValue_BreaksTheLine()
    {
        var result = new TimeSeriesResult([new ResultColumn("y", "", VariableKind.Output)], 5);
        foreach (var (t, y) in new[] { (0.0, 1.0), (1.0, 2.0), (2.0, double.NaN), (3.0, 2.0), (4.0, 1.0) })
        {
            result.AddRow(t)[0] = y;
        }

        var svg = SvgPlotWriter.WriteToString(result, new SvgPlotOptions());

        Assert.Equal(2, CountOccurrences(svg, "<polyline"));
        Assert.DoesNotContain("NaN", svg, StringComparison.Ordinal);
    }

    [Fact]
    public void SvgPlot_Axes_HaveNiceTicksAndLabels()
    {
        var svg = SvgPlotWriter.WriteToString(OscillatorSeries(), new SvgPlotOptions { Columns = [0] });

        Assert.Contains(">time [s]</text>", svg, StringComparison.Ordinal);
        Assert.Contains(">x [m]</text>", svg, StringComparison.Ordinal);
        foreach (var label in new[] { ">0.0</text>", ">0.5</text>", ">2.0</text>", ">-1.0</text>", ">1.0</text>" })
        {
            Assert.Contains(label, svg, StringComparison.Ordinal);
        }
    }

    private static TimeSeriesResult OscillatorSeries()
    {
        var options = new SimulationOptions { StopTime = 2, OutputInterval = 0.05, Solver = new SolverOptions { Kind = SolverKind.RungeKutta4, FixedStep = 0.01 } };
        return Simulator.Run(new HarmonicOscillator(), options).Series;
    }

    private static void Fill(Span<double> row, params double[] values) => values.CopyTo(row);

    private static int CountOccurrences(string text, string value)
    {
        var count = 0;
        for (var i = text.IndexOf(value, StringComparison.Ordinal); i >= 0; i = text.IndexOf(value, i + 1, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
