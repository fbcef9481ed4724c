using TwinLang.Runtime.Events;
using TwinLang.Runtime.Solvers;
using TwinLang.Runtime.Tests.Models;
using Xunit;

namespace TwinLang.Runtime.Tests;

/// <summary>Zero-crossing events, event iteration, clocks, chattering and termination in <see cref="Simulator"/>.</summary>
public sealed class EventTests
{
    private const double G = 9.81;
    private const double E = 0.7;

    private static readonly SolverOptions Tight = new() { RelativeTolerance = 1e-10, AbsoluteTolerance = 1e-12 };

    /// <summary>Impact times of a ball dropped from 1 m: t1 = sqrt(2h/g), then t(k+1) = t(k) + 2·e^k·v1/g.</summary>
    private static double[] ImpactTimes(int count)
    {
        var times = new double[count];
        times[0] = Math.Sqrt(2 / G);
        var v1 = G * times[0];
        for (var k = 1; k < count; k++)
        {
            times[k] = times[k - 1] + (2 * Math.Pow(E, k) * v1 / G);
        }

        return times;
    }

    [Fact]
    public void BouncingBall_Run_EventTimesMatchAnalyticImpacts()
    {
        var result = Simulator.Run(new BouncingBall(E, G), new SimulationOptions { StopTime = 10, OutputInterval = 0.01, Solver = Tight });

        Assert.True(result.Succeeded, result.Failure?.Message);
        var bounces = result.Events.Where(e => e.Section == 0).Select(e => e.Time).ToArray();
        var expected = ImpactTimes(21);
        Assert.Equal(expected.Length, bounces.Length);
        for (var k = 0; k < expected.Length; k++)
        {
            Assert.InRange(bounces[k] - expected[k], -1e-6, 1e-6);
        }
    }

    [Fact]
    public void BouncingBall_Run_TerminatesAfterTwentyOneBounces()
    {
        var result = Simulator.Run(new BouncingBall(E, G), new SimulationOptions { StopTime = 10, OutputInterval = 0.01, Solver = Tight });

        Assert.True(result.Succeeded);
        var termination = Assert.IsType<SimulationTermination>(result.Termination);
        Assert.Equal("the ball has come to rest", termination.Reason);
        Assert.Equal("test.twin:2", termination.Origin);
        Assert.InRange(termination.Time - ImpactTimes(21)[^1], -1e-6, 1e-6);
        Assert.Equal(termination.Time, result.Series.Times[^1]);
        Assert.Equal(21, result.Series[result.Series.Count - 1, result.Series.IndexOf("bounces")]);
        Assert.Equal(SimulationEventKind.StateEvent, result.Events[^1].Kind);
        Assert.Equal(1, result.Events[^1].Section);
    }

    [Fact]
    public void BouncingBall_Reinit_SeriesFollowsPiecewiseParabola()
    {
        var result = Simulator.Run(new BouncingBall(E, G), new SimulationOptions { StopTime = 10, OutputInterval = 0.01, Solver = Tight });
        var impacts = ImpactTimes(21);
        var v1 = G * impacts[0];
        var h = result.Series.IndexOf("h");
        var v = result.Series.IndexOf("v");

        for (var row = 0; row < result.Series.Count - 1; row++)
        {
            var t = result.Series.Times[row];
            var k = impacts.Count(impact => impact <= t);
            var since = k == 0 ? t : t - impacts[k - 1];
            var up = k == 0 ? 0 : Math.Pow(E, k) * v1;
            var height = (k == 0 ? 1 : 0) + (up * since) - (G / 2 * since * since);
            Assert.InRange(result.Series[row, h] - height, -1e-6, 1e-6);
            Assert.InRange(result.Series[row, v] - (up - (G * since)), -1e-5, 1e-5);
        }
    }

    [Fact]
    public void EventChain_HandlerMakesSecondConditionTrue_BothFireAtTheSameTime()
    {
        var result = Simulator.Run(new EventChain(toggle: false), new SimulationOptions { StopTime = 2, OutputInterval = 0.5, Solver = Tight });

        Assert.True(result.Succeeded, result.Failure?.Message);
        Assert.Equal([0, 1], result.Events.Select(e => e.Section));
        Assert.Equal(result.Events[0].Time, result.Events[1].Time);
        Assert.InRange(result.Events[0].Time, 1 - 1e-9, 1 + 1e-9);
        var b = result.Series.IndexOf("b");
        // x > 1 holds just after t = 1, so the output at exactly 1 still shows the value before the event.
        Assert.Equal([0.0, 0.0, 0.0, 2.0, 2.0], result.Series.Column(b));
    }

    [Fact]
    public void EventChain_HandlersNeverSettle_FailsWithEventIterationLimit()
    {
        var result = Simulator.Run(new EventChain(toggle: true), new SimulationOptions { StopTime = 2, Solver = Tight, Events = new EventOptions { MaxIterations = 10 } });

        var failure = Assert.IsType<SimulationFailure>(result.Failure);
        Assert.Equal(SimulationFailureKind.EventIterationLimit, failure.Kind);
        Assert.InRange(failure.Time, 1 - 1e-9, 1 + 1e-9);
        Assert.Contains("test.twin:", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Chatterer_EventsCloserThanTheWindow_FailsNamingTheSource()
    {
        var result = Simulator.Run(new Chatterer(1e-11), new SimulationOptions { StopTime = 2, Solver = Tight });

        var failure = Assert.IsType<SimulationFailure>(result.Failure);
        Assert.Equal(SimulationFailureKind.Chattering, failure.Kind);
        Assert.Contains("test.twin:1", failure.Message, StringComparison.Ordinal);
        Assert.InRange(failure.Time, 1, 1 + 1e-6);
    }

    [Fact]
    public void Chatterer_EventsFarApart_RunsToTheEnd()
    {
        var result = Simulator.Run(new Chatterer(1e-2), new SimulationOptions { StopTime = 2, Solver = Tight });

        Assert.True(result.Succeeded, result.Failure?.Message);
        Assert.InRange(result.Events.Count, 99, 101);
    }

    [Fact]
    public void SampledRamp_Run_TicksExactlyAtOffsetPlusMultiplesOfThePeriod()
    {
        var result = Simulator.Run(new SampledRamp(0.3, 0.1), new SimulationOptions { StopTime = 3, OutputInterval = 0.05, Solver = Tight });

        Assert.True(result.Succeeded, result.Failure?.Message);
        var ticks = result.Events.Select(e => e.Time).ToArray();
        Assert.Equal(10, ticks.Length);
        for (var k = 0; k < ticks.Length; k++)
        {
            Assert.Equal(0.1 + (k * 0.3), ticks[k]);
            Assert.Equal(SimulationEventKind.ClockTick, result.Events[k].Kind);
        }
    }

    [Fact]
    public void SampledRamp_Run_HoldsTheValueBetweenTicksAndRecordsTheRightLimit()
    {
        var result = Simulator.Run(new SampledRamp(0.25, 0), new SimulationOptions { StopTime = 1, OutputInterval = 0.125, Solver = Tight });
        var u = result.Series.Column(result.Series.IndexOf("u"));
        var x = result.Series.Column(result.Series.IndexOf("x"));

        Assert.Equal([0, 0, 0.25, 0.25, 0.5, 0.5, 0.75, 0.75, 1], u);
        for (var row = 0; row < x.Length; row++)
        {
            // x' = u: the integral of the held staircase.
            var t = result.Series.Times[row];
            var whole = Math.Floor(t / 0.25);
            var exact = (0.25 * 0.25 * whole * (whole - 1) / 2) + (whole * 0.25 * (t - (whole * 0.25)));
            Assert.Equal(exact, x[row], 9);
        }
    }

    [Fact]
    public void SampledRamp_NonPositivePeriod_FailsAsInvalidSetup()
    {
        var result = Simulator.Run(new SampledRamp(0, 0), new SimulationOptions { StopTime = 1 });

        Assert.Equal(SimulationFailureKind.InvalidSetup, result.Failure?.Kind);
    }

    [Fact]
    public void BouncingBall_StepsWithoutEvents_AllocateNothingPerStep()
    {
        // Dropped from 1 km the ball does not land within 5 s: the runs differ only in the number of event-free steps.
        double Allocated(double stop)
        {
            var options = new SimulationOptions { StopTime = stop, OutputTimes = [0, stop], Solver = new SolverOptions { Kind = SolverKind.RungeKutta4, FixedStep = 1e-3 } };
            var model = new BouncingBall(h0: 1000);
            var before = GC.GetAllocatedBytesForCurrentThread();
            var result = Simulator.Run(model, options);
            var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            Assert.True(result.Succeeded);
            Assert.Empty(result.Events);
            return allocated;
        }

        Allocated(1);
        Allocated(5);
        Assert.Equal(Allocated(1), Allocated(5));
    }

    [Fact]
    public void BouncingBall_WithoutTerminate_StopsAsZenoChattering()
    {
        var result = Simulator.Run(new BouncingBall(E, G, limit: 1e9), new SimulationOptions { StopTime = 10, Solver = Tight });

        var failure = Assert.IsType<SimulationFailure>(result.Failure);
        Assert.Equal(SimulationFailureKind.Chattering, failure.Kind);
        Assert.Equal("test.twin:1", failure.Event?.Origin);

        // The bounces accumulate at t1 + 2·v1/g · e/(1 - e); the failure comes just before that time.
        var t1 = Math.Sqrt(2 / G);
        var accumulation = t1 + (2 * G * t1 / G * E / (1 - E));
        Assert.InRange(failure.Time, accumulation - 1e-3, accumulation + 1e-6);
    }
}
