using TwinLang.Runtime.Loops;
using Xunit;

namespace TwinLang.Runtime.Tests.Loops;

/// <summary>The Newton state machine that generated code drives for algebraic loops.</summary>
public sealed class NewtonSolverTests
{
    /// <summary>Runs the solver the way generated code does, with <paramref name="evaluate"/> writing F and J at z.</summary>
    private static NewtonStatus Solve(NewtonSolver solver, Action<double[], double[], double[]> evaluate, out int evaluations)
    {
        solver.Start();
        evaluations = 0;
        while (true)
        {
            evaluate(solver.Unknowns, solver.Residuals, solver.Jacobian);
            evaluations++;
            var status = solver.Next();
            if (status != NewtonStatus.Evaluate)
            {
                return status;
            }
        }
    }

    [Fact]
    public void LinearSystem_MarkedLinear_SolvedInOneStep()
    {
        // 2x + y = 5, x - 3y = -1  =>  x = 2, y = 1.
        var solver = new NewtonSolver(2, isLinear: true);
        var status = Solve(solver, (z, f, j) =>
        {
            f[0] = (2 * z[0]) + z[1] - 5;
            f[1] = z[0] - (3 * z[1]) + 1;
            (j[0], j[1], j[2], j[3]) = (2, 1, 1, -3);
        }, out var evaluations);

        Assert.Equal(NewtonStatus.Converged, status);
        Assert.Equal(1, solver.Iterations);
        Assert.Equal(2, evaluations);
        Assert.Equal(2.0, solver.Unknowns[0], 14);
        Assert.Equal(1.0, solver.Unknowns[1], 14);
    }

    [Fact]
    public void NonlinearSystem_FarStart_ConvergesWithLineSearch()
    {
        // atan(x) = 0 diverges with full Newton steps from x = 2; damping brings it home.
        var solver = new NewtonSolver(1, isLinear: false);
        solver.Unknowns[0] = 2;
        var status = Solve(solver, (z, f, j) =>
        {
            f[0] = Math.Atan(z[0]);
            j[0] = 1 / (1 + (z[0] * z[0]));
        }, out _);

        Assert.Equal(NewtonStatus.Converged, status);
        Assert.Equal(0.0, solver.Unknowns[0], 10);
    }

    [Fact]
    public void SingularJacobian_Fails_WithAReason()
    {
        var solver = new NewtonSolver(2, isLinear: false);
        var status = Solve(solver, (z, f, j) =>
        {
            f[0] = z[0] + z[1] - 1;
            f[1] = z[0] + z[1] - 2;
            (j[0], j[1], j[2], j[3]) = (1, 1, 1, 1);
        }, out _);

        Assert.Equal(NewtonStatus.Failed, status);
        Assert.Contains("singular", solver.FailureReason, StringComparison.Ordinal);
    }

    [Fact]
    public void NoRealRoot_Fails_WithoutThrowing()
    {
        var solver = new NewtonSolver(1, isLinear: false);
        solver.Unknowns[0] = 1;
        var status = Solve(solver, (z, f, j) =>
        {
            f[0] = (z[0] * z[0]) + 1;
            j[0] = 2 * z[0];
        }, out _);

        Assert.Equal(NewtonStatus.Failed, status);
        Assert.NotEmpty(solver.FailureReason);
    }

    [Fact]
    public void NonFiniteStartGuess_StartsAtZero()
    {
        var solver = new NewtonSolver(1, isLinear: true);
        solver.Unknowns[0] = double.NaN;
        var status = Solve(solver, (z, f, j) =>
        {
            f[0] = z[0] - 3;
            j[0] = 1;
        }, out _);

        Assert.Equal(NewtonStatus.Converged, status);
        Assert.Equal(3.0, solver.Unknowns[0], 15);
    }
}
