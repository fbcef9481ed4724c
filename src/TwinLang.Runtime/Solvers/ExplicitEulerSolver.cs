namespace TwinLang.Runtime.Solvers;

/// <summary>Fixed-step explicit Euler: <c>x' = x + h·f(t, x)</c>, order 1, one evaluation per step.</summary>
public sealed class ExplicitEulerSolver : ExplicitFixedStepSolver
{
    /// <summary>Creates the solver; <see cref="SolverOptions.FixedStep"/> must be set.</summary>
    public ExplicitEulerSolver(IOdeSystem system, SolverOptions options)
        : base(system, options)
    {
    }

    /// <inheritdoc/>
    public override int Order => 1;

    /// <inheritdoc/>
    private protected override ReadOnlySpan<double[]> StageDerivatives => [];

    /// <inheritdoc/>
    private protected override void Advance(double t, double h, ReadOnlySpan<double> x, ReadOnlySpan<double> f, Span<double> next)
    {
        for (var i = 0; i < next.Length; i++)
        {
            next[i] = x[i] + h * f[i];
        }
    }
}
