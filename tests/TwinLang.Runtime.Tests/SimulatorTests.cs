using TwinLang.Runtime.Solvers;
using TwinLang.Runtime.Tests.Models;
using TwinLang.Runtime.TimeSeries;
using Xunit;

namespace TwinLang.Runtime.Tests;

public sealed class SimulatorTests
{
    [Fact]
    public void Run_Columns_AreStatesThenInputsThenOutputsWithUnits()
    {
        var result = Simulator.Run(new RcCircuit(), new SimulationOptions { StopTime = 1, OutputInterval = 0.5 });

        Assert.Equal(
            [new ResultColumn("v", "V", VariableKind.State), new ResultColumn("u", "V", VariableKind.Input), new ResultColumn("i", "A", VariableKind.Output)],
            result.Series.Columns);
        Assert.Equal([0.0, 0.5, 1.0], result.Series.Times.ToArray());
    }

    [Fact]
    public void Run_ExplicitOutputTimes_RecordsExactlyThose()
    {
        var options = new SimulationOptions { StopTime = 2, OutputTimes = [0.25, 1.0, 1.75] };

        var result = Simulator.Run(new ExponentialDecay(), options);

        Assert.True(result.Succeeded, result.Failure?.Message);
        Assert.Equal([0.25, 1.0, 1.75], result.Series.Times.ToArray());
        Assert.Equal(Math.Exp(-1.75), result.Series[2, 0], 6);
    }

    [Theory]
    [InlineData(0.0, 1.0, 0.3, new[] { 0.0, 0.3, 0.6, 0.9, 1.0 })]
    [InlineData(0.0, 1.0, 0.25, new[] { 0.0, 0.25, 0.5, 0.75, 1.0 })]
    [InlineData(1.0, 1.3, 0.1, new[] { 1.0, 1.1, 1.2, 1.3 })]
    [InlineData(0.0, 1.0, 5.0, new[] { 0.0, 1.0 })]
    public void ResolveOutputTimes_UniformInterval_StartsAtStartAndEndsAtStop(double start, double stop, double interval, double[] expected)
    {
        var times = new SimulationOptions { StartTime = start, StopTime = stop, OutputInterval = interval }.ResolveOutputTimes();

        Assert.Equal(expected.Length, times.Length);
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.Equal(expected[i], times[i], 12);
        }

        Assert.Equal(stop, times[^1]);
    }

    [Fact]
    public void Run_OutputTimesOutsideTheSpan_ReportsInvalidSetup()
    {
        var result = Simulator.Run(new ExponentialDecay(), new SimulationOptions { StopTime = 1, OutputTimes = [0.5, 2.0] });

        Assert.Equal("Output time 2 lies outside the run from 0 to 1.", result.Failure?.Message);
    }

    [Fact]
    public void Run_WithProgress_ReportsIncreasingFractionsEndingAtOne()
    {
        var fractions = new List<double>();
        var options = new SimulationOptions
        {
            StopTime = 10,
            ProgressInterval = 0.1,
            Solver = new SolverOptions { Kind = SolverKind.RungeKutta4, FixedStep = 0.01 },
            Progress = p => fractions.Add(p.Fraction),
        };

        var result = Simulator.Run(new HarmonicOscillator(), options);

        Assert.True(result.Succeeded);
        Assert.Equal(0.0, fractions[0]);
        Assert.Equal(1.0, fractions[^1]);
        Assert.InRange(fractions.Count, 10, 12);
        Assert.True(fractions.Zip(fractions.Skip(1)).All(pair => pair.Second > pair.First));
    }

    [Fact]
    public void Run_ParameterOverride_ChangesTheTrajectory()
    {
        var model = new ExponentialDecay();
        var index = model.Description.IndexOf(VariableKind.Parameter, "k");
        model.ParameterValues[index] = 3.0;

        var result = Simulator.Run(model, new SimulationOptions { StopTime = 1, OutputInterval = 1 });

        Assert.Equal(Math.Exp(-3.0), result.Series[1, 0], 6);
    }

    [Fact]
    public void Clone_CopiesParametersIntoAnIndependentInstance()
    {
        var model = new ExponentialDecay(k: 4.0);

        var clone = model.Clone();
        model.ParameterValues[0] = 1.0;

        Assert.Equal(4.0, clone.ParameterValues[0]);
        Assert.Same(model.Description, clone.Description);
    }

    [Fact]
    public void Run_WallTime_IsRecorded()
    {
        var result = Simulator.Run(new HarmonicOscillator(), new SimulationOptions { StopTime = 1 });

        Assert.True(result.Statistics.WallTime > TimeSpan.Zero);
    }

    [Theory]
    [InlineData("euler", SolverKind.ExplicitEuler)]
    [InlineData("rk4", SolverKind.RungeKutta4)]
    [InlineData("dopri5", SolverKind.DormandPrince5)]
    public void SolverKindNames_RoundTrip(string name, SolverKind kind)
    {
        Assert.True(SolverKindNames.TryParse(name, out var parsed));
        Assert.Equal(kind, parsed);
        Assert.Equal(name, SolverKindNames.Name(kind));
        Assert.False(SolverKindNames.TryParse(name.ToUpperInvariant(), out _));
    }
}
