using System.Globalization;

namespace TwinLang.Runtime.Solvers;

/// <summary>
/// The Rosenbrock engine for stiff systems: one implementation for every method, whose coefficients are a
/// <see cref="RosenbrockTableau"/> (<see cref="RosenbrockTableau.Rodas3"/>, <see cref="RosenbrockTableau.Rodas4"/>).
/// Per step it evaluates the Jacobian once (the system's own, dense or sparse, else differences) and <c>∂f/∂t</c>
/// by a forward difference, then factors <c>I/(γh) − J</c> once per trial step size, densely or with
/// <see cref="SparseLu"/> (see <see cref="RosenbrockMatrix"/>). Error control uses the embedded solution; dense
/// output is the tableau's continuous extension, else cubic Hermite. With <see cref="SolverOptions.FixedStep"/> set
/// it takes fixed steps without error control.
/// </summary>
public sealed class RosenbrockSolver : AdaptiveSolver
{
    private readonly RosenbrockTableau _tableau;
    private readonly double[][] _k;
    private readonly double[] _stage;
    private readonly double[] _function;
    private readonly double[] _timeDerivative;
    private readonly double[] _scaledError;
    private readonly double[] _relativeTolerance;
    private readonly double[] _absoluteTolerance;
    private readonly RosenbrockMatrix? _matrix;
    private readonly bool _adaptive;
    private double[] _nextState;
    private double[] _nextDerivative;
    private FixedStepClock _clock;

    /// <summary>Creates the solver with <paramref name="tableau"/> and allocates its work arrays; the options must be valid for the system.</summary>
    public RosenbrockSolver(IOdeSystem system, SolverOptions options, RosenbrockTableau tableau)
        : this(system, options, tableau, new SolverStatistics())
    {
    }

    /// <summary>Creates the solver counting into <paramref name="statistics"/> (shared with the automatic switcher).</summary>
    internal RosenbrockSolver(IOdeSystem system, SolverOptions options, RosenbrockTableau tableau, SolverStatistics statistics)
        : base(system, options, statistics)
    {
        _tableau = tableau;
        var n = system.Dimension;
        _k = new double[tableau.Stages][];
        for (var i = 0; i < tableau.Stages; i++)
        {
            _k[i] = new double[n];
        }

        _stage = new double[n];
        _function = new double[n];
        _timeDerivative = new double[n];
        _scaledError = new double[n];
        _nextState = new double[n];
        _nextDerivative = new double[n];
        _relativeTolerance = options.RelativeTolerancesFor(n);
        _absoluteTolerance = options.AbsoluteTolerancesFor(n);
        _matrix = RosenbrockMatrix.Create(system, Evaluate);
        _adaptive = options.FixedStep is null;
        _clock = new FixedStepClock(options.FixedStep ?? 0);
        Statistics.MatrixStorage = _matrix?.StorageSize ?? 0;
        Statistics.SparseLinearAlgebra = _matrix?.IsSparse ?? false;
    }

    /// <summary>The most states a system without a Jacobian pattern may have: its iteration matrix is dense.</summary>
    public const int MaxDenseDimension = RosenbrockMatrix.MaxDenseDimension;

    /// <summary>The method's coefficients.</summary>
    public RosenbrockTableau Tableau => _tableau;

    /// <inheritdoc/>
    public override int Order => _tableau.Order;

    /// <summary>Whether the iteration matrix is stored and factored sparsely.</summary>
    public bool UsesSparseLu => _matrix?.IsSparse ?? false;

    // Only reached after OnInitialized has checked that the matrix exists.
    private RosenbrockMatrix Matrix => _matrix ?? throw new InvalidOperationException("The solver has no iteration matrix.");

    /// <inheritdoc/>
    private protected override void OnInitialized()
    {
        _clock.Reset(Time);
        ResetStepSize();
        if (_matrix is null)
        {
            var n = CurrentState.Length.ToString(CultureInfo.InvariantCulture);
            Failure = new SimulationFailure(
                SimulationFailureKind.InvalidSetup,
                Time,
                VariableKind.State,
                -1,
                string.Empty,
                $"The model has {n} states but no Jacobian sparsity pattern, so {_tableau.Name} would need a dense {n} x {n} matrix. Use 'dopri5', or give the model its Jacobian pattern.");
        }
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
            Failure = LastTrouble;
            return false;
        }

        _clock.Advance(newTime, timeLimit);
        AcceptStep(newTime, ref _nextState, ref _nextDerivative);
        return true;
    }

    /// <inheritdoc/>
    private protected override double FirstStepSize(double timeLimit) => 1e-6 * Math.Max(Math.Abs(timeLimit - Time), 1e-3);

    /// <inheritdoc/>
    private protected override double TrialStep(double h, double newTime) => TryComputeStep(h, newTime) ? ErrorNorm() : double.NaN;

    /// <inheritdoc/>
    private protected override SimulationFailure StepUnderflow(double h) => UnderflowFailure(h, _scaledError);

    /// <inheritdoc/>
    private protected override void AcceptTrial(double h, double newTime) => AcceptStep(newTime, ref _nextState, ref _nextDerivative);

    private SimulationFailure SingularFailure(double h) => new(
        SimulationFailureKind.SingularMatrix,
        Time,
        VariableKind.State,
        -1,
        string.Empty,
        $"The {_tableau.Name} iteration matrix I/(gamma h) - J was singular at t = {FormatTime(Time)} with step {h.ToString("G3", CultureInfo.InvariantCulture)}.");

    /// <summary>J at (Time, State) and ∂f/∂t, once per step: rejected attempts reuse them.</summary>
    private void EvaluateJacobian()
    {
        Statistics.JacobianEvaluations++;
        var n = CurrentState.Length;
        var t = Time;
        var f0 = CurrentDerivative;
        Matrix.EvaluateJacobian(t, CurrentState, f0);
        var dt = Math.Sqrt(MachineEpsilon) * Math.Max(1e-5, Math.Abs(t));
        Evaluate(t + dt, CurrentState, _function);
        if (FirstNonFinite(_function) >= 0)
        {
            // Just short of the edge of the model's domain in time: difference backwards instead.
            dt = -dt;
            Evaluate(t + dt, CurrentState, _function);
        }

        for (var i = 0; i < n; i++)
        {
            _timeDerivative[i] = (_function[i] - f0[i]) / dt;
        }
    }

    /// <summary>Computes the stages, the new state and its derivative; false (with the trouble recorded) when that fails.</summary>
    private bool TryComputeStep(double h, double newTime)
    {
        var n = CurrentState.Length;
        var tableau = _tableau;
        Statistics.LuDecompositions++;
        if (!Matrix.Factor(1.0 / (tableau.Gamma * h)))
        {
            LastTrouble = SingularFailure(h);
            return false;
        }

        var x = CurrentState;
        for (var s = 0; s < tableau.Stages; s++)
        {
            var k = _k[s];
            var row = s * (s - 1) / 2;
            ReadOnlySpan<double> f = CurrentDerivative;
            if (s > 0 && tableau.NewFunction[s])
            {
                for (var i = 0; i < n; i++)
                {
                    var sum = x[i];
                    for (var j = 0; j < s; j++)
                    {
                        sum += tableau.A[row + j] * _k[j][i];
                    }

                    _stage[i] = sum;
                }

                var stageTime = Time + tableau.Alpha[s] * h;
                Evaluate(stageTime, _stage, _function);
                var bad = FirstNonFinite(_function);
                if (bad >= 0)
                {
                    // Blame the stage evaluation: after the linear solve a NaN would have spread to every state.
                    LastTrouble = NonFiniteFailure(stageTime, bad, _function[bad], isDerivative: true);
                    return false;
                }

                f = _function;
            }

            // A stage without a new evaluation reuses the last one (for RODAS3's stage 2, f at the step start).
            var timeWeight = h * tableau.GammaSum[s];
            for (var i = 0; i < n; i++)
            {
                var sum = f[i] + timeWeight * _timeDerivative[i];
                for (var j = 0; j < s; j++)
                {
                    sum += tableau.C[row + j] / h * _k[j][i];
                }

                k[i] = sum;
            }

            Matrix.Solve(k);
        }

        for (var i = 0; i < n; i++)
        {
            var sum = x[i];
            for (var s = 0; s < tableau.Stages; s++)
            {
                sum += tableau.M[s] * _k[s][i];
            }

            _nextState[i] = sum;
        }

        if (FirstNonFinite(_nextState) >= 0)
        {
            LastTrouble = DescribeNonFinite(newTime, _k, _nextState);
            return false;
        }

        Evaluate(newTime, _nextState, _nextDerivative);
        var index = FirstNonFinite(_nextDerivative);
        if (index >= 0)
        {
            LastTrouble = NonFiniteFailure(newTime, index, _nextDerivative[index], isDerivative: true);
            return false;
        }

        return true;
    }

    /// <summary>The RMS norm of the embedded error estimate in tolerance units.</summary>
    private double ErrorNorm()
    {
        var n = CurrentState.Length;
        if (n == 0)
        {
            return 0;
        }

        var e = _tableau.E;
        var sum = 0.0;
        for (var i = 0; i < n; i++)
        {
            var error = 0.0;
            for (var s = 0; s < e.Length; s++)
            {
                error += e[s] * _k[s][i];
            }

            var scale = _absoluteTolerance[i] + _relativeTolerance[i] * Math.Max(Math.Abs(CurrentState[i]), Math.Abs(_nextState[i]));
            var ratio = error / scale;
            _scaledError[i] = ratio;
            sum += ratio * ratio;
        }

        return Math.Sqrt(sum / n);
    }

    /// <inheritdoc/>
    private protected override void InterpolateCore(double t, Span<double> x)
    {
        // The stages of the last accepted step stay untouched until the next Step call.
        var h = Time - PreviousTime;
        var s = (t - PreviousTime) / h;
        if (_tableau.DenseOutput is [var d2, var d3])
        {
            var s1 = 1 - s;
            for (var i = 0; i < x.Length; i++)
            {
                var c2 = 0.0;
                var c3 = 0.0;
                for (var j = 0; j < d2.Length; j++)
                {
                    c2 += d2[j] * _k[j][i];
                    c3 += d3[j] * _k[j][i];
                }

                x[i] = s1 * PreviousState[i] + s * (CurrentState[i] + s1 * (c2 + s * c3));
            }

            return;
        }

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
