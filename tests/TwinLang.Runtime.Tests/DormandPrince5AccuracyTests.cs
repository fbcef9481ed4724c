using TwinLang.Runtime.Signals;
using TwinLang.Runtime.Solvers;
using TwinLang.Runtime.Tests.Models;
using Xunit;

namespace TwinLang.Runtime.Tests;

public sealed class DormandPrince5AccuracyTests
{
    [Theory]
    [InlineData(1e-4)]
    [InlineData(1e-6)]
    [InlineData(1e-8)]
    public void ExponentialDecay_AtEveryOutputTime_ErrorWithinTolerance(double tolerance)
    {
        var result = Simulator.Run(new ExponentialDecay(k: 2.0), Options(stop: 5, interval: 0.05, tolerance));

        Assert.True(result.Succeeded, result.Failure?.Message);
        Assert.Equal(101, result.Series.Count);
        for (var row = 0; row < result.Series.Count; row++)
        {
            var t = result.Series.Times[row];
            var exact = Math.Exp(-2.0 * t);
            Assert.True(Math.Abs(result.Series[row, 0] - exact) <= 10 * tolerance * (exact + 1e-3), $"t = {t}: {result.Series[row, 0]} vs {exact}");
        }
    }

    [Fact]
    public void HarmonicOscillator_AfterTenPeriods_KeepsEnergyAndPhase()
    {
        var model = new HarmonicOscillator(omega: 2 * Math.PI);
        var result = Simulator.Run(model, Options(stop: 10, interval: 0.01, tolerance: 1e-9));

        Assert.True(result.Succeeded, result.Failure?.Message);
        var last = result.Series.Row(result.Series.Count - 1);
        var energy0 = result.Series[0, 2];
        var phase = Math.Atan2(-last[1] / model.Omega, last[0]);
        Assert.Equal(10.0, result.Series.Times[^1]);
        Assert.True(Math.Abs(last[2] - energy0) / energy0 < 1e-7, $"energy drift {(last[2] - energy0) / energy0}");
        Assert.True(Math.Abs(phase) < 1e-7, $"phase error {phase}");
        for (var row = 0; row < result.Series.Count; row++)
        {
            var t = result.Series.Times[row];
            Assert.True(Math.Abs(result.Series[row, 0] - Math.Cos(2 * Math.PI * t)) < 1e-7, $"x at t = {t}");
        }
    }

    [Fact]
    public void RcCircuit_ChargedFromStepInput_MatchesAnalyticVoltageAndCurrent()
    {
        var model = new RcCircuit(resistance: 1000, capacitance: 1e-3);
        var inputs = new SignalInputProvider(1);
        Assert.True(inputs.TrySet(model.Description, "u", new StepSignal(At: 0.5, From: 0, To: 5)));
        var options = Options(stop: 6, interval: 0.1, tolerance: 1e-8) with { Inputs = inputs };

        var result = Simulator.Run(model, options);

        Assert.True(result.Succeeded, result.Failure?.Message);
        for (var row = 0; row < result.Series.Count; row++)
        {
            var t = result.Series.Times[row];
            var exact = t < 0.5 ? 0 : 5 * (1 - Math.Exp(-(t - 0.5) / model.TimeConstant));
            var input = t < 0.5 ? 0 : 5;
            Assert.True(Math.Abs(result.Series[row, 0] - exact) < 1e-6, $"v at t = {t}: {result.Series[row, 0]} vs {exact}");
            Assert.Equal(input, result.Series[row, 1]);
            Assert.True(Math.Abs(result.Series[row, 2] - (input - exact) / 1000) < 1e-9, $"i at t = {t}");
        }
    }

    [Fact]
    public void DenseOutput_ManyOutputTimes_DoesNotShortenSteps()
    {
        var coarse = Simulator.Run(new HarmonicOscillator(), Options(stop: 3, interval: 3, tolerance: 1e-6));
        var fine = Simulator.Run(new HarmonicOscillator(), Options(stop: 3, interval: 0.001, tolerance: 1e-6));

        Assert.Equal(2, coarse.Series.Count);
        Assert.Equal(3001, fine.Series.Count);
        Assert.Equal(coarse.Statistics.AcceptedSteps, fine.Statistics.AcceptedSteps);
        Assert.Equal(coarse.Statistics.FunctionEvaluations, fine.Statistics.FunctionEvaluations);
        Assert.True(fine.Statistics.AcceptedSteps < 300, $"{fine.Statistics.AcceptedSteps} steps");
    }

    [Fact]
    public void DenseOutput_BetweenSteps_IsFourthOrderAccurate()
    {
        var model = new HarmonicOscillator();
        var solver = new DormandPrince5Solver(new ModelOdeSystem(model, null), new SolverOptions { RelativeTolerance = 1e-6, AbsoluteTolerance = 1e-9 });
        var x0 = new double[2];
        model.InitialState(x0);
        Assert.True(solver.Initialize(0, x0));
        var x = new double[2];
        var worst = 0.0;
        while (solver.Time < 2)
        {
            Assert.True(solver.Step(2));
            for (var k = 1; k < 10; k++)
            {
                var t = solver.PreviousTime + k * (solver.Time - solver.PreviousTime) / 10;
                solver.Interpolate(t, x);
                worst = Math.Max(worst, Math.Abs(x[0] - Math.Cos(2 * Math.PI * t)));
            }
        }

        Assert.True(worst < 1e-5, $"worst interpolation error {worst}");
    }

    [Fact]
    public void PerStateTolerances_TightOnOneState_TakesMoreSteps()
    {
        var loose = Options(stop: 2, interval: 1, tolerance: 1e-4);
        var mixed = loose with { Solver = loose.Solver with { RelativeTolerances = [1e-4, 1e-10], AbsoluteTolerances = [1e-6, 1e-12] } };

        var looseResult = Simulator.Run(new HarmonicOscillator(), loose);
        var mixedResult = Simulator.Run(new HarmonicOscillator(), mixed);

        Assert.True(mixedResult.Succeeded, mixedResult.Failure?.Message);
        Assert.True(mixedResult.Statistics.AcceptedSteps > 3 * looseResult.Statistics.AcceptedSteps);
    }

    [Fact]
    public void Statistics_AdaptiveRun_CountsSixEvaluationsPerAttemptPlusStartup()
    {
        var result = Simulator.Run(new HarmonicOscillator(), Options(stop: 5, interval: 1, tolerance: 1e-6));

        var statistics = result.Statistics;
        Assert.True(statistics.AcceptedSteps > 10);
        Assert.Equal(statistics.AcceptedSteps + statistics.RejectedSteps, statistics.Steps);
        Assert.Equal(2 + 6 * statistics.Steps, statistics.FunctionEvaluations);
        Assert.True(statistics.LastStepSize > 0);
    }

    [Fact]
    public void IController_BetaZero_StillMeetsTolerance()
    {
        var options = Options(stop: 5, interval: 0.5, tolerance: 1e-8);
        options = options with { Solver = options.Solver with { Controller = new StepSizeController(Beta: 0) } };

        var result = Simulator.Run(new ExponentialDecay(), options);

        Assert.True(result.Succeeded, result.Failure?.Message);
        Assert.True(Math.Abs(result.Series[result.Series.Count - 1, 0] - Math.Exp(-5)) < 1e-8);
    }

    internal static SimulationOptions Options(double stop, double interval, double tolerance) => new()
    {
        StopTime = stop,
        OutputInterval = interval,
        Solver = new SolverOptions { Kind = SolverKind.DormandPrince5, RelativeTolerance = tolerance, AbsoluteTolerance = tolerance * 1e-2 },
    };
}
