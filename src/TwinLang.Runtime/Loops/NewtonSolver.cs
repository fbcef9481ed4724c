using System.Globalization;
using TwinLang.Runtime.Solvers;

namespace TwinLang.Runtime.Loops;

/// <summary>
/// Damped Newton's method for one algebraic loop of generated code, written as a state machine so the generated
/// code keeps the evaluation of residuals and Jacobian inline (no delegates, no allocation): set
/// <see cref="Unknowns"/> to the start guess (the previous solution), call <see cref="Start"/>, then repeatedly
/// write <see cref="Residuals"/> and <see cref="Jacobian"/> at <see cref="Unknowns"/> and call <see cref="Next"/>
/// until it returns <see cref="NewtonStatus.Converged"/> or <see cref="NewtonStatus.Failed"/>.
/// </summary>
/// <remarks>
/// The step comes from a dense LU of the Jacobian (<see cref="DenseLu"/>; loops are small). A backtracking line
/// search on <c>|F|²/2</c> with the Armijo condition (Dennis and Schnabel, algorithm A6.3.1, halving the step)
/// keeps the iteration from diverging far from the solution. A linear loop is solved by exactly one step: the
/// solver then returns after the evaluation at the new point, whatever the residual's size.
/// </remarks>
public sealed class NewtonSolver
{
    private const double Armijo = 1e-4;
    private const double MinimumDamping = 1.0 / 1024;
    private readonly int _n;
    private readonly bool _isLinear;
    private readonly DenseLu _lu;
    private readonly double[] _unknowns;
    private readonly double[] _residuals;
    private readonly double[] _jacobian;
    private readonly double[] _base;
    private readonly double[] _step;
    private double _baseNorm;
    private double _damping;
    private bool _trial;

    /// <summary>Allocates a solver for a loop of <paramref name="size"/> unknowns.</summary>
    /// <param name="size">The number of unknowns and equations.</param>
    /// <param name="isLinear">True when the residuals are linear in the unknowns: one step solves them.</param>
    public NewtonSolver(int size, bool isLinear)
    {
        _n = size;
        _isLinear = isLinear;
        _lu = new DenseLu(size);
        _unknowns = new double[size];
        _residuals = new double[size];
        _jacobian = new double[size * size];
        _base = new double[size];
        _step = new double[size];
    }

    /// <summary>The point to evaluate at; holds the start guess before <see cref="Start"/> and the solution after convergence.</summary>
    public double[] Unknowns => _unknowns;

    /// <summary>The residuals at <see cref="Unknowns"/>, written by the caller.</summary>
    public double[] Residuals => _residuals;

    /// <summary>The row-major Jacobian of the residuals at <see cref="Unknowns"/>, written by the caller.</summary>
    public double[] Jacobian => _jacobian;

    /// <summary>Relative tolerance on the Newton step.</summary>
    public double RelativeTolerance { get; set; } = 1e-10;

    /// <summary>Absolute tolerance on the Newton step (SI units).</summary>
    public double AbsoluteTolerance { get; set; } = 1e-12;

    /// <summary>The most Newton steps per solve.</summary>
    public int MaxIterations { get; set; } = 50;

    /// <summary>The Newton steps (LU solves) of the last solve.</summary>
    public int Iterations { get; private set; }

    /// <summary>The Newton steps over every solve of this instance.</summary>
    public long TotalIterations { get; private set; }

    /// <summary>Why the last solve failed (a lower-case clause ending with a period), or empty.</summary>
    public string FailureReason { get; private set; } = string.Empty;

    /// <summary>Begins a solve from the current <see cref="Unknowns"/> (non-finite guesses start at zero).</summary>
    public void Start()
    {
        for (var i = 0; i < _n; i++)
        {
            if (!double.IsFinite(_unknowns[i]))
            {
                _unknowns[i] = 0;
            }
        }

        Iterations = 0;
        FailureReason = string.Empty;
        _trial = false;
    }

    /// <summary>Takes the evaluation at <see cref="Unknowns"/> and says what to do next.</summary>
    public NewtonStatus Next()
    {
        var norm = HalfSquaredNorm(_residuals);
        if (_trial)
        {
            var accepted = double.IsFinite(norm) && norm <= (1 - (2 * Armijo * _damping)) * _baseNorm;
            if (!accepted && !(double.IsFinite(norm) && _isLinear))
            {
                _damping *= 0.5;
                if (_damping < MinimumDamping)
                {
                    return Fail($"the line search could not reduce the residual (|F| = {Format(Math.Sqrt(2 * _baseNorm))}).");
                }

                for (var i = 0; i < _n; i++)
                {
                    _unknowns[i] = _base[i] + (_damping * _step[i]);
                }

                return NewtonStatus.Evaluate;
            }

            if (_isLinear)
            {
                return NewtonStatus.Converged;
            }
        }
        else if (!double.IsFinite(norm))
        {
            return Fail("a residual is NaN or infinite at the start guess.");
        }

        if (norm == 0)
        {
            return NewtonStatus.Converged;
        }

        if (Iterations >= MaxIterations)
        {
            return Fail($"no convergence after {MaxIterations.ToString(CultureInfo.InvariantCulture)} iterations (|F| = {Format(Math.Sqrt(2 * norm))}).");
        }

        _jacobian.AsSpan().CopyTo(_lu.Matrix);
        if (!_lu.Factor())
        {
            return Fail("the Jacobian of the loop is singular.");
        }

        for (var i = 0; i < _n; i++)
        {
            _step[i] = -_residuals[i];
        }

        _lu.Solve(_step);
        Iterations++;
        TotalIterations++;
        var small = true;
        for (var i = 0; i < _n; i++)
        {
            _base[i] = _unknowns[i];
            small &= Math.Abs(_step[i]) <= (RelativeTolerance * Math.Abs(_unknowns[i])) + AbsoluteTolerance;
            _unknowns[i] += _step[i];
        }

        if (small && !_isLinear)
        {
            return NewtonStatus.Converged;
        }

        _baseNorm = norm;
        _damping = 1;
        _trial = true;
        return NewtonStatus.Evaluate;
    }

    private NewtonStatus Fail(string reason)
    {
        FailureReason = reason;
        return NewtonStatus.Failed;
    }

    private static double HalfSquaredNorm(double[] values)
    {
        var sum = 0.0;
        foreach (var value in values)
        {
            sum += value * value;
        }

        return sum / 2;
    }

    private static string Format(double value) => value.ToString("G3", CultureInfo.InvariantCulture);
}
