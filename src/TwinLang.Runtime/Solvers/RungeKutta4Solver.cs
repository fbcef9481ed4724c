namespace TwinLang.Runtime.Solvers;

/// <summary>Fixed-step classic Runge–Kutta of order 4: four evaluations per step, the first reused from the previous step's end.</summary>
public sealed class RungeKutta4Solver : ExplicitFixedStepSolver
{
    private readonly double[] _k2;
    private readonly double[] _k3;
    private readonly double[] _k4;
    private readonly double[] _stage;

    /// <summary>Creates the solver; <see cref="SolverOptions.FixedStep"/> must be set.</summary>
    public RungeKutta4Solver(IOdeSystem system, SolverOptions options)
        : base(system, options)
    {
        var n = system.Dimension;
        _k2 = new double[n];
        _k3 = new double[n];
        _k4 = new double[n];
        _stage = new double[n];
    }

    /// <inheritdoc/>
    public override int Order => 4;

    /// <inheritdoc/>
    private protected override ReadOnlySpan<double[]> StageDerivatives => new[] { _k2, _k3, _k4 };

    /// <inheritdoc/>
    private protected override void Advance(double t, double h, ReadOnlySpan<double> x, ReadOnlySpan<double> f, Span<double> next)
    {
        var n = next.Length;
        var half = 0.5 * h;
        var stage = _stage.AsSpan();
        for (var i = 0; i < n; i++)
        {
            stage[i] = x[i] + half * f[i];
        }

        Evaluate(t + half, stage, _k2);
        for (var i = 0; i < n; i++)
        {
            stage[i] = x[i] + half * _k2[i];
        }

        Evaluate(t + half, stage, _k3);
        for (var i = 0; i < n; i++)
        {
            stage[i] = x[i] + h * _k3[i];
        }

        Evaluate(t + h, stage, _k4);
        var sixth = h / 6.0;
        for (var i = 0; i < n; i++)
        {
            next[i] = x[i] + sixth * (f[i] + 2.0 * (_k2[i] + _k3[i]) + _k4[i]);
        }
    }
}
