namespace TwinLang.Runtime.Solvers;

/// <summary>
/// Shared machinery of the fixed-step explicit methods: the step grid, the finiteness checks and cubic Hermite
/// dense output from the states and derivatives at both ends of a step (third order, enough for output
/// sampling, and free because every method here needs <c>f</c> at the step end as its next first stage).
/// </summary>
public abstract class ExplicitFixedStepSolver : OdeSolver
{
    private double[] _nextState;
    private double[] _nextDerivative;
    private FixedStepClock _clock;

    /// <summary>Allocates the work arrays; <see cref="SolverOptions.FixedStep"/> must be set.</summary>
    private protected ExplicitFixedStepSolver(IOdeSystem system, SolverOptions options)
        : base(system, options)
    {
        var step = options.FixedStep ?? throw new ArgumentException("A fixed-step solver needs a fixed step size.", nameof(options));
        _clock = new FixedStepClock(step);
        _nextState = new double[system.Dimension];
        _nextDerivative = new double[system.Dimension];
    }

    /// <summary>
    /// Computes the state at <c>t + h</c> from <c>x</c> and <c>f(t, x)</c> into <paramref name="next"/>.
    /// </summary>
    private protected abstract void Advance(double t, double h, ReadOnlySpan<double> x, ReadOnlySpan<double> f, Span<double> next);

    /// <summary>The method's intermediate stage derivatives, searched for the origin of a non-finite state.</summary>
    private protected abstract ReadOnlySpan<double[]> StageDerivatives { get; }

    /// <inheritdoc/>
    private protected override void OnInitialized() => _clock.Reset(Time);

    /// <inheritdoc/>
    private protected override bool StepCore(double timeLimit)
    {
        if (!TryBeginAttempt())
        {
            return false;
        }

        var newTime = _clock.NextTime(timeLimit);
        Advance(Time, newTime - Time, CurrentState, CurrentDerivative, _nextState);
        if (FirstNonFinite(_nextState) >= 0)
        {
            // The state is finite at the step start, so blame the first stage derivative that is not.
            Failure = DescribeNonFinite(newTime, StageDerivatives, _nextState);
            return false;
        }

        Evaluate(newTime, _nextState, _nextDerivative);
        if (FailIfNotFinite(newTime, _nextDerivative, isDerivative: true))
        {
            return false;
        }

        _clock.Advance(newTime, timeLimit);
        AcceptStep(newTime, ref _nextState, ref _nextDerivative);
        return true;
    }

    /// <inheritdoc/>
    private protected override void InterpolateCore(double t, Span<double> x)
    {
        var h = Time - PreviousTime;
        var s = (t - PreviousTime) / h;
        var s2 = s * s;
        var s3 = s2 * s;
        var h00 = 2 * s3 - 3 * s2 + 1;
        var h10 = (s3 - 2 * s2 + s) * h;
        var h01 = -2 * s3 + 3 * s2;
        var h11 = (s3 - s2) * h;
        var x0 = PreviousState;
        var f0 = PreviousDerivative;
        var x1 = CurrentState;
        var f1 = CurrentDerivative;
        for (var i = 0; i < x.Length; i++)
        {
            x[i] = h00 * x0[i] + h10 * f0[i] + h01 * x1[i] + h11 * f1[i];
        }
    }
}
