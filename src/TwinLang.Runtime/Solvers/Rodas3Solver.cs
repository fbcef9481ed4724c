using System.Globalization;

namespace TwinLang.Runtime.Solvers;

/// <summary>
/// The stiffly accurate Rosenbrock method RODAS3 of order 3 with an embedded order-2 solution (Sandu et al.,
/// "Benchmarking stiff ODE solvers for atmospheric chemistry II", Atmos. Environ. 1997, in the KPP formulation):
/// four stages, three right-hand-side evaluations and one LU factorisation of <c>I/(γh) − J</c> per step. The
/// Jacobian is the system's own when it implements <see cref="IOdeJacobian"/> (or the model's when it implements
/// <see cref="ITwinModelJacobian"/>), else forward differences; a
/// non-autonomous system gets <c>∂f/∂t</c> by a forward difference. Dense output is cubic Hermite from the states
/// and derivatives at both ends of a step. With <see cref="SolverOptions.FixedStep"/> set it takes fixed steps of
/// order 3 without error control.
/// </summary>
public sealed class Rodas3Solver : OdeSolver
{
    private const int Stages = 4;
    private const double Gamma = 0.5;

    // Stage coupling in the KPP form: A (argument of f) and C (stage feedback / h), strictly lower, row by row.
    private static readonly double[] A = [0, 2, 0, 2, 0, 1];
    private static readonly double[] C = [4, 1, -1, 1, -1, -8.0 / 3.0];
    private static readonly double[] M = [2, 0, 1, 1];
    private static readonly double[] E = [0, 0, 0, 1];
    private static readonly double[] Alpha = [0, 0, 1, 1];
    private static readonly double[] GammaSum = [0.5, 1.5, 0, 0];
    private static readonly bool[] NewFunction = [true, false, true, true];

    // The unit roundoff: a step below ten times it (relative to t) can no longer advance time reliably.
    private const double MachineEpsilon = 2.220446049250313e-16;

    private readonly double[][] _k;
    private readonly double[] _stage;
    private readonly double[] _function;
    private readonly double[] _timeDerivative;
    private readonly double[] _jacobian;
    private readonly double[] _perturbed;
    private readonly double[] _relativeTolerance;
    private readonly double[] _absoluteTolerance;
    private readonly DenseLu _lu;
    private readonly IOdeJacobian? _analyticJacobian;
    private readonly bool _adaptive;
    private double[] _nextState;
    private double[] _nextDerivative;
    private FixedStepClock _clock;
    private double _step;
    private readonly StepSizeHistory _history = new();
    private SimulationFailure? _lastNonFinite;

    /// <summary>Creates the solver and allocates its work arrays; the options must be valid for the system.</summary>
    public Rodas3Solver(IOdeSystem system, SolverOptions options)
        : base(system, options)
    {
        var n = system.Dimension;
        _k = new double[Stages][];
        for (var i = 0; i < Stages; i++)
        {
            _k[i] = new double[n];
        }

        _stage = new double[n];
        _function = new double[n];
        _timeDerivative = new double[n];
        _jacobian = new double[n * n];
        _perturbed = new double[n];
        _nextState = new double[n];
        _nextDerivative = new double[n];
        _relativeTolerance = options.RelativeTolerancesFor(n);
        _absoluteTolerance = options.AbsoluteTolerancesFor(n);
        _lu = new DenseLu(n);
        _analyticJacobian = system as IOdeJacobian ?? SparseModelJacobian.For(system);
        _adaptive = options.FixedStep is null;
        _clock = new FixedStepClock(options.FixedStep ?? 0);
    }

    /// <inheritdoc/>
    public override int Order => 3;

    /// <summary>Evaluations of the Jacobian (analytic or by differences).</summary>
    public long JacobianEvaluations { get; private set; }

    /// <inheritdoc/>
    private protected override void OnInitialized()
    {
        _clock.Reset(Time);
        _step = 0;
        _history.Reset();
        _lastNonFinite = null;
    }

    /// <inheritdoc/>
    private protected override bool StepCore(double timeLimit)
    {
        EvaluateJacobian();
        return _adaptive ? AdaptiveStep(timeLimit) : FixedStep(timeLimit);
    }

    private bool FixedStep(double timeLimit)
    {
        if (!TryBeginAttempt())
        {
            return false;
        }

        var newTime = _clock.NextTime(timeLimit);
        if (!TryComputeStep(newTime - Time, newTime))
        {
            Failure = DescribeNonFinite(newTime, _k, _nextState);
            return false;
        }

        _clock.Advance(newTime, timeLimit);
        AcceptStep(newTime, ref _nextState, ref _nextDerivative);
        return true;
    }

    private bool AdaptiveStep(double timeLimit)
    {
        if (_step == 0)
        {
            _step = Options.InitialStep ?? 1e-6 * Math.Max(Math.Abs(timeLimit - Time), 1e-3);
        }

        var controller = Options.Controller;
        while (true)
        {
            if (!TryBeginAttempt())
            {
                return false;
            }

            var h = Math.Min(_step, Options.MaxStep);
            if (Time + 1.01 * h >= timeLimit)
            {
                h = timeLimit - Time;
            }

            var newTime = h == timeLimit - Time ? timeLimit : Time + h;
            if (h <= 0 || 0.1 * h <= Math.Abs(Time) * MachineEpsilon)
            {
                Failure = _lastNonFinite ?? UnderflowFailure(h);
                return false;
            }

            var error = TryComputeStep(h, newTime) ? ErrorNorm() : double.NaN;
            _lastNonFinite = null;
            if (!double.IsFinite(error))
            {
                // A trial step that overflowed, left the model's domain or met a singular matrix is retried smaller;
                // when it cannot shrink further, that is what the failure reports.
                _lastNonFinite = DescribeNonFinite(newTime, _k, _nextState);
                Statistics.RejectedSteps++;
                _step = h * _history.RejectNonFinite(controller);
                continue;
            }

            if (error <= 1.0)
            {
                // The error estimate is of order 2 (the embedded solution's local error is O(h^3)).
                var factor = _history.Accept(controller, error, Order - 1);
                _step = h * factor;
                AcceptStep(newTime, ref _nextState, ref _nextDerivative);
                return true;
            }

            Statistics.RejectedSteps++;
            _step = h * _history.Reject(controller, error, Order - 1);
        }
    }

    private SimulationFailure UnderflowFailure(double h) => new(
        SimulationFailureKind.StepSizeUnderflow,
        Time,
        VariableKind.State,
        -1,
        string.Empty,
        $"The step size fell to {h.ToString("G3", CultureInfo.InvariantCulture)} at t = {FormatTime(Time)}, too small to advance time.");

    /// <summary>J at (Time, State) and ∂f/∂t, once per step: rejected attempts reuse them.</summary>
    private void EvaluateJacobian()
    {
        JacobianEvaluations++;
        var n = CurrentState.Length;
        var t = Time;
        var x = CurrentState;
        var f0 = CurrentDerivative;
        if (_analyticJacobian is not null)
        {
            _analyticJacobian.Jacobian(t, x, _jacobian);
        }
        else
        {
            x.CopyTo(_perturbed, 0);
            for (var j = 0; j < n; j++)
            {
                var saved = _perturbed[j];
                var delta = Math.Sqrt(MachineEpsilon * Math.Max(1e-5, Math.Abs(saved)));
                _perturbed[j] = saved + delta;
                delta = _perturbed[j] - saved;
                Evaluate(t, _perturbed, _function);
                for (var i = 0; i < n; i++)
                {
                    _jacobian[i * n + j] = (_function[i] - f0[i]) / delta;
                }

                _perturbed[j] = saved;
            }
        }

        var dt = Math.Sqrt(MachineEpsilon) * Math.Max(1e-5, Math.Abs(t));
        Evaluate(t + dt, x, _function);
        for (var i = 0; i < n; i++)
        {
            _timeDerivative[i] = (_function[i] - f0[i]) / dt;
        }
    }

    /// <summary>Computes the stages, the new state and its derivative; false when the result is not finite.</summary>
    private bool TryComputeStep(double h, double newTime)
    {
        var n = CurrentState.Length;
        var matrix = _lu.Matrix;
        var diagonal = 1.0 / (Gamma * h);
        for (var i = 0; i < n * n; i++)
        {
            matrix[i] = -_jacobian[i];
        }

        for (var i = 0; i < n; i++)
        {
            matrix[i * n + i] += diagonal;
        }

        if (!_lu.Factor())
        {
            return false;
        }

        var x = CurrentState;
        for (var s = 0; s < Stages; s++)
        {
            var k = _k[s];
            var row = s * (s - 1) / 2;
            ReadOnlySpan<double> f = CurrentDerivative;
            if (s > 0 && NewFunction[s])
            {
                for (var i = 0; i < n; i++)
                {
                    var sum = x[i];
                    for (var j = 0; j < s; j++)
                    {
                        sum += A[row + j] * _k[j][i];
                    }

                    _stage[i] = sum;
                }

                Evaluate(Time + Alpha[s] * h, _stage, _function);
            }

            // A stage without a new evaluation reuses the last one (for RODAS3's stage 2, f at the step start).
            if (s > 0 && NewFunction[s])
            {
                f = _function;
            }

            for (var i = 0; i < n; i++)
            {
                var sum = f[i] + h * GammaSum[s] * _timeDerivative[i];
                for (var j = 0; j < s; j++)
                {
                    sum += C[row + j] / h * _k[j][i];
                }

                k[i] = sum;
            }

            _lu.Solve(k);
        }

        for (var i = 0; i < n; i++)
        {
            var sum = x[i];
            for (var s = 0; s < Stages; s++)
            {
                sum += M[s] * _k[s][i];
            }

            _nextState[i] = sum;
        }

        if (FirstNonFinite(_nextState) >= 0)
        {
            return false;
        }

        Evaluate(newTime, _nextState, _nextDerivative);
        return FirstNonFinite(_nextDerivative) < 0;
    }

    /// <summary>The RMS norm of the embedded error estimate in tolerance units.</summary>
    private double ErrorNorm()
    {
        var n = CurrentState.Length;
        if (n == 0)
        {
            return 0;
        }

        var sum = 0.0;
        for (var i = 0; i < n; i++)
        {
            var error = 0.0;
            for (var s = 0; s < Stages; s++)
            {
                error += E[s] * _k[s][i];
            }

            var scale = _absoluteTolerance[i] + _relativeTolerance[i] * Math.Max(Math.Abs(CurrentState[i]), Math.Abs(_nextState[i]));
            var ratio = error / scale;
            sum += ratio * ratio;
        }

        return Math.Sqrt(sum / n);
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
        for (var i = 0; i < x.Length; i++)
        {
            x[i] = h00 * PreviousState[i] + h10 * PreviousDerivative[i] + h01 * CurrentState[i] + h11 * CurrentDerivative[i];
        }
    }
}
