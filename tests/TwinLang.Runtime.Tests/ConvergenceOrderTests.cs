using TwinLang.Runtime.Solvers;
using TwinLang.Runtime.Tests.Models;
using Xunit;

namespace TwinLang.Runtime.Tests;

/// <summary>Halving the fixed step must divide the global error by 2^order.</summary>
public sealed class ConvergenceOrderTests
{
    [Theory]
    [InlineData(SolverKind.ExplicitEuler, 1, 0.01)]
    [InlineData(SolverKind.RungeKutta4, 4, 0.1)]
    [InlineData(SolverKind.DormandPrince5, 5, 0.1)]
    public void FixedStep_HalvingTheStep_ShowsTheMethodOrder(SolverKind kind, int expectedOrder, double coarseStep)
    {
        var coarse = GlobalError(kind, coarseStep);
        var fine = GlobalError(kind, coarseStep / 2);
        var finer = GlobalError(kind, coarseStep / 4);

        var order1 = Math.Log2(coarse / fine);
        var order2 = Math.Log2(fine / finer);
        Assert.True(finer > 1e-13, $"error {finer} is down at roundoff level");
        Assert.InRange(order1, expectedOrder - 0.25, expectedOrder + 0.25);
        Assert.InRange(order2, expectedOrder - 0.25, expectedOrder + 0.25);
    }

    [Theory]
    [InlineData(SolverKind.ExplicitEuler, 1)]
    [InlineData(SolverKind.RungeKutta4, 4)]
    [InlineData(SolverKind.DormandPrince5, 6)]
    public void FixedStep_Statistics_CountEvaluationsPerStep(SolverKind kind, int evaluationsPerStep)
    {
        var result = Run(kind, 0.1);

        Assert.True(result.Succeeded, result.Failure?.Message);
        Assert.Equal(20, result.Statistics.AcceptedSteps);
        Assert.Equal(0, result.Statistics.RejectedSteps);
        Assert.Equal(1 + evaluationsPerStep * 20, result.Statistics.FunctionEvaluations);
    }

    [Fact]
    public void FixedStep_OutputTimesOffTheStepGrid_AreInterpolatedWithoutExtraSteps()
    {
        var options = new SimulationOptions
        {
            StopTime = 2,
            OutputInterval = 0.07,
            Solver = new SolverOptions { Kind = SolverKind.RungeKutta4, FixedStep = 0.01 },
        };

        var result = Simulator.Run(new HarmonicOscillator(), options);

        Assert.True(result.Succeeded, result.Failure?.Message);
        Assert.Equal(200, result.Statistics.AcceptedSteps);
        Assert.Equal(30, result.Series.Count);
        Assert.Equal(2.0, result.Series.Times[^1]);
        for (var row = 0; row < result.Series.Count; row++)
        {
            var t = result.Series.Times[row];
            Assert.True(Math.Abs(result.Series[row, 0] - Math.Cos(2 * Math.PI * t)) < 1e-5, $"x at t = {t}: {result.Series[row, 0]} vs {Math.Cos(2 * Math.PI * t)}");
        }
    }

    private static double GlobalError(SolverKind kind, double step)
    {
        var result = Run(kind, step);
        Assert.True(result.Succeeded, result.Failure?.Message);
        var last = result.Series.Row(result.Series.Count - 1);
        var t = result.Series.Times[^1];
        return Math.Sqrt(Math.Pow(last[0] - Math.Cos(2 * Math.PI * t), 2) + Math.Pow((last[1] + 2 * Math.PI * Math.Sin(2 * Math.PI * t)) / (2 * Math.PI), 2));
    }

    private static SimulationResult Run(SolverKind kind, double step) => Simulator.Run(
        new HarmonicOscillator(),
        new SimulationOptions { StopTime = 2, OutputInterval = 1, Solver = new SolverOptions { Kind = kind, FixedStep = step } });
}
