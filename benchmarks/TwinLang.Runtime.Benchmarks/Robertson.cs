using TwinLang.Runtime.Solvers;

namespace TwinLang.Runtime.Benchmarks;

/// <summary>Robertson's stiff chemical kinetics (Hairer and Wanner, Solving ODEs II, §IV.1) with its analytic Jacobian.</summary>
internal sealed class Robertson : IOdeSystem, IOdeJacobian
{
    public int Dimension => 3;

    public string StateName(int index) => index switch { 0 => "y1", 1 => "y2", _ => "y3" };

    public void Evaluate(double t, ReadOnlySpan<double> x, Span<double> dxdt)
    {
        dxdt[0] = -0.04 * x[0] + 1e4 * x[1] * x[2];
        dxdt[2] = 3e7 * x[1] * x[1];
        dxdt[1] = -dxdt[0] - dxdt[2];
    }

    public void Jacobian(double t, ReadOnlySpan<double> x, Span<double> j)
    {
        j[0] = -0.04;
        j[1] = 1e4 * x[2];
        j[2] = 1e4 * x[1];
        j[6] = 0;
        j[7] = 6e7 * x[1];
        j[8] = 0;
        j[3] = -j[0] - j[6];
        j[4] = -j[1] - j[7];
        j[5] = -j[2] - j[8];
    }

    /// <summary>Integrates from (1, 0, 0) at t = 0 to <paramref name="end"/>; the solver tells how far it got and at what cost.</summary>
    public static OdeSolver Run(SolverKind kind, double end)
    {
        var options = new SolverOptions { Kind = kind, RelativeTolerance = 1e-6, AbsoluteTolerance = 1e-10 };
        var solver = SolverFactory.Create(new Robertson(), options);
        if (!solver.Initialize(0, [1, 0, 0]))
        {
            throw new InvalidOperationException(solver.Failure?.Message);
        }

        while (solver.Time < end && solver.Step(end))
        {
        }

        return solver;
    }
}
