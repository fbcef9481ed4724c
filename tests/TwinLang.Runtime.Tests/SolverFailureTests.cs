using TwinLang.Runtime.Solvers;
using TwinLang.Runtime.Tests.Models;
using Xunit;

namespace TwinLang.Runtime.Tests;

public sealed class SolverFailureTests
{
    [Fact]
    public void Dopri5_DerivativeNaNPastItsDomain_ReportsNonFiniteDerivativeAtThatTime()
    {
        var result = Simulator.Run(new DomainLimited(), Adaptive(stop: 3));

        var failure = Assert.IsType<SimulationFailure>(result.Failure);
        Assert.Equal(SimulationFailureKind.NonFiniteValue, failure.Kind);
        Assert.Equal(1, failure.VariableIndex);
        Assert.Equal("der(b)", failure.VariableName);
        Assert.InRange(failure.Time, 2 - 1e-6, 2);
        Assert.Equal($"The value of 'der(b)' became NaN at t = 2.", failure.Message);
        Assert.True(result.Series.Count > 0 && result.Series.Times[^1] <= 2, "rows up to the failure are kept");
    }

    [Fact]
    public void Rk4_LastStageDerivativeNaN_ReportsTheDerivativeAndTheStepEnd()
    {
        var options = new SimulationOptions { StopTime = 3, OutputInterval = 0.5, Solver = new SolverOptions { Kind = SolverKind.RungeKutta4, FixedStep = 0.3 } };

        var result = Simulator.Run(new DomainLimited(), options);

        var failure = Assert.IsType<SimulationFailure>(result.Failure);
        Assert.Equal(SimulationFailureKind.NonFiniteValue, failure.Kind);
        Assert.Equal("der(b)", failure.VariableName);
        Assert.Equal(VariableKind.State, failure.VariableKind);
        Assert.Equal(2.1, failure.Time, 12);
    }

    [Fact]
    public void Euler_InitialStateNaN_FailsAtStartTime()
    {
        var model = new ExponentialDecay(x0: double.NaN);
        var options = new SimulationOptions { StopTime = 1, Solver = new SolverOptions { Kind = SolverKind.ExplicitEuler, FixedStep = 0.1 } };

        var result = Simulator.Run(model, options);

        var failure = Assert.IsType<SimulationFailure>(result.Failure);
        Assert.Equal(SimulationFailureKind.NonFiniteValue, failure.Kind);
        Assert.Equal("x", failure.VariableName);
        Assert.Equal(0.0, failure.Time);
        Assert.Equal(0, result.Series.Count);
    }

    [Fact]
    public void Dopri5_FiniteTimeBlowUp_ReportsStepSizeUnderflowNamingTheGrowingState()
    {
        var result = Simulator.Run(new FiniteTimeBlowUp(), Adaptive(stop: 2));

        var failure = Assert.IsType<SimulationFailure>(result.Failure);
        Assert.Equal(SimulationFailureKind.StepSizeUnderflow, failure.Kind);
        Assert.Equal(1, failure.VariableIndex);
        Assert.Equal("x", failure.VariableName);
        Assert.InRange(failure.Time, 1 - 1e-3, 1 + 1e-3);
        Assert.Contains("The state 'x' contributes the largest error.", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Dopri5_StepLimitReached_ReportsMaxStepsExceeded()
    {
        var options = Adaptive(stop: 100);
        options = options with { Solver = options.Solver with { MaxSteps = 25 } };

        var result = Simulator.Run(new HarmonicOscillator(), options);

        var failure = Assert.IsType<SimulationFailure>(result.Failure);
        Assert.Equal(SimulationFailureKind.MaxStepsExceeded, failure.Kind);
        Assert.Equal(-1, failure.VariableIndex);
        Assert.Equal(25, result.Statistics.Steps);
        Assert.True(failure.Time > 0 && failure.Time < 100);
    }

    [Fact]
    public void Simulator_ToleranceArrayOfWrongLength_ReportsInvalidSetup()
    {
        var options = Adaptive(stop: 1);
        options = options with { Solver = options.Solver with { AbsoluteTolerances = [1e-6] } };

        var result = Simulator.Run(new HarmonicOscillator(), options);

        var failure = Assert.IsType<SimulationFailure>(result.Failure);
        Assert.Equal(SimulationFailureKind.InvalidSetup, failure.Kind);
        Assert.Equal("Expected 2 absolute tolerances, one per state, but found 1.", failure.Message);
    }

    [Theory]
    [InlineData(0.0, "The stop time must be finite and after the start time 0 but is 0.")]
    [InlineData(double.NaN, "The stop time must be finite and after the start time 0 but is NaN.")]
    public void Simulator_StopTimeNotAfterStart_ReportsInvalidSetup(double stop, string message)
    {
        var result = Simulator.Run(new ExponentialDecay(), new SimulationOptions { StopTime = stop });

        var failure = Assert.IsType<SimulationFailure>(result.Failure);
        Assert.Equal(SimulationFailureKind.InvalidSetup, failure.Kind);
        Assert.Equal(message, failure.Message);
    }

    [Fact]
    public void Simulator_Rk4WithoutFixedStep_ReportsInvalidSetup()
    {
        var result = Simulator.Run(new ExponentialDecay(), new SimulationOptions { Solver = new SolverOptions { Kind = SolverKind.RungeKutta4 } });

        Assert.Equal("The solver 'rk4' needs a fixed step size.", result.Failure?.Message);
    }

    [Fact]
    public void Simulator_CancelledToken_ReportsCancelled()
    {
        using var cancellation = new CancellationTokenSource();
        cancellation.Cancel();

        var result = Simulator.Run(new ExponentialDecay(), Adaptive(stop: 1) with { Cancellation = cancellation.Token });

        Assert.Equal(SimulationFailureKind.Cancelled, result.Failure?.Kind);
        Assert.Equal(1, result.Series.Count);
    }

    [Fact]
    public void Simulator_OutputBecomesInfinite_ReportsTheOutput()
    {
        var model = new RcCircuit(resistance: 0);
        var options = new SimulationOptions { StopTime = 1, Solver = new SolverOptions { Kind = SolverKind.ExplicitEuler, FixedStep = 0.1 } };

        var result = Simulator.Run(model, options);

        var failure = Assert.IsType<SimulationFailure>(result.Failure);
        Assert.Equal(SimulationFailureKind.NonFiniteValue, failure.Kind);
    }

    private static SimulationOptions Adaptive(double stop) => new()
    {
        StopTime = stop,
        OutputInterval = 0.1,
        Solver = new SolverOptions { RelativeTolerance = 1e-6, AbsoluteTolerance = 1e-9 },
    };
}
