using System.Globalization;

namespace TwinLang.Runtime.Solvers;

/// <summary>
/// The Dormand–Prince 5(4) pair with the FSAL property, following Hairer's DOPRI5 (Hairer, Nørsett and Wanner,
/// Solving ODEs I, §II.4–II.6): local extrapolation (the 5th-order solution is propagated), the PI step-size
/// controller of <see cref="StepSizeController"/>, Hairer's initial step selection, and the 4th-order
/// continuous extension for dense output. With <see cref="SolverOptions.FixedStep"/> set it takes fixed steps of
/// order 5 without error control.
/// </summary>
public sealed class DormandPrince5Solver : AdaptiveSolver
{
    private const double C2 = 1.0 / 5.0, C3 = 3.0 / 10.0, C4 = 4.0 / 5.0, C5 = 8.0 / 9.0;
    private const double A21 = 1.0 / 5.0;
    private const double A31 = 3.0 / 40.0, A32 = 9.0 / 40.0;
    private const double A41 = 44.0 / 45.0, A42 = -56.0 / 15.0, A43 = 32.0 / 9.0;
    private const double A51 = 19372.0 / 6561.0, A52 = -25360.0 / 2187.0, A53 = 64448.0 / 6561.0, A54 = -212.0 / 729.0;
    private const double A61 = 9017.0 / 3168.0, A62 = -355.0 / 33.0, A63 = 46732.0 / 5247.0, A64 = 49.0 / 176.0, A65 = -5103.0 / 18656.0;
    private const double A71 = 35.0 / 384.0, A73 = 500.0 / 1113.0, A74 = 125.0 / 192.0, A75 = -2187.0 / 6784.0, A76 = 11.0 / 84.0;
    private const double E1 = 71.0 / 57600.0, E3 = -71.0 / 16695.0, E4 = 71.0 / 1920.0, E5 = -17253.0 / 339200.0, E6 = 22.0 / 525.0, E7 = -1.0 / 40.0;
    private const double D1 = -12715105075.0 / 11282082432.0, D3 = 87487479700.0 / 32700410799.0, D4 = -10690763975.0 / 1880347072.0;
    private const double D5 = 701980252875.0 / 199316789632.0, D6 = -1453857185.0 / 822651844.0, D7 = 69997945.0 / 29380423.0;

    private readonly double[] _k2;
    private readonly double[] _k3;
    private readonly double[] _k4;
    private readonly double[] _k5;
    private readonly double[] _k6;
    private readonly double[] _stage;
    private readonly double[] _scaledError;
    private readonly double[] _relativeTolerance;
    private readonly double[] _absoluteTolerance;
    private readonly bool _adaptive;
    private double[] _nextState;
    private double[] _nextDerivative;
    private FixedStepClock _clock;
    private int _stiffSteps;
    private int _nonStiffSteps;

    /// <summary>Creates the solver and allocates its work arrays; the options must be valid for the system.</summary>
    public DormandPrince5Solver(IOdeSystem system, SolverOptions options)
        : this(system, options, new SolverStatistics())
    {
    }

    /// <summary>Creates the solver counting into <paramref name="statistics"/> (shared with the automatic switcher).</summary>
    internal DormandPrince5Solver(IOdeSystem system, SolverOptions options, SolverStatistics statistics)
        : base(system, options, statistics)
    {
        var n = system.Dimension;
        _k2 = new double[n];
        _k3 = new double[n];
        _k4 = new double[n];
        _k5 = new double[n];
        _k6 = new double[n];
        _stage = new double[n];
        _scaledError = new double[n];
        _nextState = new double[n];
        _nextDerivative = new double[n];
        _relativeTolerance = options.RelativeTolerancesFor(n);
        _absoluteTolerance = options.AbsoluteTolerancesFor(n);
        _adaptive = options.FixedStep is null;
        _clock = new FixedStepClock(options.FixedStep ?? 0);
    }

    /// <inheritdoc/>
    public override int Order => 5;

    /// <summary>
    /// Whether the problem looks stiff: Hairer's test in DOPRI5 (Solving ODEs I, §IV.2) found the step size limited
    /// by the stability region (<c>h·|λ| &gt; 3.25</c>) in 15 accepted steps with fewer than 6 non-stiff ones between.
    /// </summary>
    public bool LooksStiff => _stiffSteps >= StiffStepsToSwitch;

    // Hairer's thresholds: the stability boundary on the negative real axis, and how long it must bind.
    private const double StabilityBoundary = 3.25;
    private const int StiffStepsToSwitch = 15;
    private const int NonStiffStepsToReset = 6;

    /// <inheritdoc/>
    private protected override void OnInitialized()
    {
        _clock.Reset(Time);
        ResetStepSize();
        _stiffSteps = 0;
        _nonStiffSteps = 0;
    }

    /// <inheritdoc/>
    private protected override bool StepCore(double timeLimit)
    {
        return _adaptive ? AdaptiveStep(timeLimit) : FixedStep(timeLimit);
    }

    private bool FixedStep(double timeLimit)
    {
        if (!TryBeginAttempt())
        {
            return false;
        }

        var newTime = _clock.NextTime(timeLimit);
        ComputeStages(newTime - Time);
        if (FirstNonFinite(_nextState) >= 0)
        {
            Failure = DescribeNonFinite(newTime, [_k2, _k3, _k4, _k5, _k6], _nextState);
            return false;
        }

        if (FailIfNotFinite(newTime, _nextDerivative, isDerivative: true))
        {
            return false;
        }

        _clock.Advance(newTime, timeLimit);
        AcceptStep(newTime, ref _nextState, ref _nextDerivative);
        return true;
    }

    /// <inheritdoc/>
    private protected override double FirstStepSize(double timeLimit) => InitialStep(timeLimit);

    /// <inheritdoc/>
    private protected override double TrialStep(double h, double newTime)
    {
        ComputeStages(h);
        var error = ErrorNorm(h);
        if (!double.IsFinite(error))
        {
            LastTrouble = DescribeNonFinite(newTime);
        }

        return error;
    }

    /// <inheritdoc/>
    private protected override SimulationFailure StepUnderflow(double h) => UnderflowFailure(h, _scaledError);

    /// <inheritdoc/>
    private protected override void AcceptTrial(double h, double newTime)
    {
        DetectStiffness(h);
        AcceptStep(newTime, ref _nextState, ref _nextDerivative);
    }

    /// <summary>Computes stages 2–7 for a step of size <paramref name="h"/>: the new state and its derivative (FSAL).</summary>
    private void ComputeStages(double h)
    {
        // Spans sliced to one length let the JIT drop the bounds checks in these loops.
        var n = CurrentState.Length;
        var t = Time;
        var x = CurrentState.AsSpan(0, n);
        var k1 = CurrentDerivative.AsSpan(0, n);
        var k2 = _k2.AsSpan(0, n);
        var k3 = _k3.AsSpan(0, n);
        var k4 = _k4.AsSpan(0, n);
        var k5 = _k5.AsSpan(0, n);
        var k6 = _k6.AsSpan(0, n);
        var stage = _stage.AsSpan(0, n);
        var next = _nextState.AsSpan(0, n);

        for (var i = 0; i < n; i++)
        {
            stage[i] = x[i] + h * A21 * k1[i];
        }

        Evaluate(t + C2 * h, stage, k2);
        for (var i = 0; i < n; i++)
        {
            stage[i] = x[i] + h * (A31 * k1[i] + A32 * k2[i]);
        }

        Evaluate(t + C3 * h, stage, k3);
        for (var i = 0; i < n; i++)
        {
            stage[i] = x[i] + h * (A41 * k1[i] + A42 * k2[i] + A43 * k3[i]);
        }

        Evaluate(t + C4 * h, stage, k4);
        for (var i = 0; i < n; i++)
        {
            stage[i] = x[i] + h * (A51 * k1[i] + A52 * k2[i] + A53 * k3[i] + A54 * k4[i]);
        }

        Evaluate(t + C5 * h, stage, k5);
        for (var i = 0; i < n; i++)
        {
            stage[i] = x[i] + h * (A61 * k1[i] + A62 * k2[i] + A63 * k3[i] + A64 * k4[i] + A65 * k5[i]);
        }

        Evaluate(t + h, stage, k6);
        for (var i = 0; i < n; i++)
        {
            next[i] = x[i] + h * (A71 * k1[i] + A73 * k3[i] + A74 * k4[i] + A75 * k5[i] + A76 * k6[i]);
        }

        Evaluate(t + h, next, _nextDerivative);
    }

    /// <summary>The RMS norm of the embedded error estimate in tolerance units; keeps each scaled component for failure reports.</summary>
    private double ErrorNorm(double h)
    {
        var n = CurrentState.Length;
        var x = CurrentState;
        var next = _nextState;
        var k1 = CurrentDerivative;
        var k7 = _nextDerivative;
        var sum = 0.0;
        for (var i = 0; i < n; i++)
        {
            var scale = _absoluteTolerance[i] + _relativeTolerance[i] * Math.Max(Math.Abs(x[i]), Math.Abs(next[i]));
            var estimate = h * (E1 * k1[i] + E3 * _k3[i] + E4 * _k4[i] + E5 * _k5[i] + E6 * _k6[i] + E7 * k7[i]);
            var scaled = estimate / scale;
            _scaledError[i] = scaled;
            sum += scaled * scaled;
        }

        return n == 0 ? 0.0 : Math.Sqrt(sum / n);
    }

    /// <summary>
    /// Hairer's starting step (Solving ODEs I, §II.4): an explicit Euler probe estimates the second derivative so
    /// that the first step's local error is about the tolerance.
    /// </summary>
    private double InitialStep(double timeLimit)
    {
        var n = CurrentState.Length;
        var x = CurrentState;
        var f0 = CurrentDerivative;
        var maxStep = Math.Min(Options.MaxStep, timeLimit - Time);
        var stateNorm = 0.0;
        var derivativeNorm = 0.0;
        for (var i = 0; i < n; i++)
        {
            var scale = _absoluteTolerance[i] + _relativeTolerance[i] * Math.Abs(x[i]);
            stateNorm += Square(x[i] / scale);
            derivativeNorm += Square(f0[i] / scale);
        }

        stateNorm = Math.Sqrt(stateNorm / Math.Max(n, 1));
        derivativeNorm = Math.Sqrt(derivativeNorm / Math.Max(n, 1));
        var h0 = stateNorm < 1e-5 || derivativeNorm < 1e-5 ? 1e-6 : 0.01 * stateNorm / derivativeNorm;
        h0 = Math.Min(h0, maxStep);

        for (var i = 0; i < n; i++)
        {
            _stage[i] = x[i] + h0 * f0[i];
        }

        Evaluate(Time + h0, _stage, _k2);
        var secondDerivativeNorm = 0.0;
        for (var i = 0; i < n; i++)
        {
            var scale = _absoluteTolerance[i] + _relativeTolerance[i] * Math.Abs(x[i]);
            secondDerivativeNorm += Square((_k2[i] - f0[i]) / scale);
        }

        secondDerivativeNorm = Math.Sqrt(secondDerivativeNorm / Math.Max(n, 1)) / h0;
        var largest = Math.Max(derivativeNorm, secondDerivativeNorm);
        var h1 = !double.IsFinite(largest)
            ? h0
            : largest <= 1e-15 ? Math.Max(1e-6, h0 * 1e-3) : Math.Pow(0.01 / largest, 1.0 / Order);
        return Math.Min(Math.Min(100 * h0, h1), maxStep);
    }

    /// <inheritdoc/>
    private protected override void InterpolateCore(double t, Span<double> x)
    {
        // The continuous extension is built from the stages of the last accepted step, which stay untouched until
        // the next Step call, so nothing is precomputed for steps that are never sampled.
        var h = Time - PreviousTime;
        var theta = (t - PreviousTime) / h;
        var theta1 = 1.0 - theta;
        var x0 = PreviousState;
        var x1 = CurrentState;
        var k1 = PreviousDerivative;
        var k7 = CurrentDerivative;
        for (var i = 0; i < x.Length; i++)
        {
            var difference = x1[i] - x0[i];
            var b = h * k1[i] - difference;
            var c = difference - h * k7[i] - b;
            var d = h * (D1 * k1[i] + D3 * _k3[i] + D4 * _k4[i] + D5 * _k5[i] + D6 * _k6[i] + D7 * k7[i]);
            x[i] = x0[i] + theta * (difference + theta1 * (b + theta * (c + theta1 * d)));
        }
    }

    private SimulationFailure DescribeNonFinite(double newTime)
    {
        if (FirstNonFinite(_nextState) >= 0)
        {
            return DescribeNonFinite(Time, [_k2, _k3, _k4, _k5, _k6], _nextState);
        }

        var index = FirstNonFinite(_nextDerivative);
        if (index >= 0)
        {
            return NonFiniteFailure(newTime, index, _nextDerivative[index], isDerivative: true);
        }

        // Every stage is finite but the error estimate overflowed: blame the largest scaled error.
        return NonFiniteFailure(Time, Math.Max(LargestMagnitude(_scaledError), 0), double.PositiveInfinity, isDerivative: false);
    }

    /// <summary>
    /// Estimates <c>h·|λ|</c> of the dominant eigenvalue from the last two stages, which share the time
    /// <c>t + h</c>: <c>‖f(x_new) − f(x_6)‖ / ‖x_new − x_6‖</c>; must run before the accepted step's buffers swap.
    /// </summary>
    private void DetectStiffness(double h)
    {
        var numerator = 0.0;
        var denominator = 0.0;
        for (var i = 0; i < _stage.Length; i++)
        {
            numerator += Square(_nextDerivative[i] - _k6[i]);
            denominator += Square(_nextState[i] - _stage[i]);
        }

        if (!(denominator > 0))
        {
            return;
        }

        if (h * Math.Sqrt(numerator / denominator) > StabilityBoundary)
        {
            _nonStiffSteps = 0;
            _stiffSteps++;
        }
        else if (++_nonStiffSteps >= NonStiffStepsToReset)
        {
            _stiffSteps = 0;
        }
    }

    private static double Square(double value) => value * value;
}
