using TwinLang.Runtime.Solvers;
using TwinLang.Runtime.Tests.Models;
using Xunit;

namespace TwinLang.Runtime.Tests;

/// <summary>RODAS3 driven through models: the simulator, and the model's analytic Jacobian.</summary>
public sealed class Rodas3ModelTests
{
    [Fact]
    public void SimulatorRun_Rodas3OnExponentialDecay_MatchesTheAnalyticSolution()
    {
        var options = new SimulationOptions
        {
            StopTime = 5,
            OutputInterval = 0.5,
            Solver = new SolverOptions { Kind = SolverKind.Rodas3, RelativeTolerance = 1e-8, AbsoluteTolerance = 1e-10 },
        };

        var result = Simulator.Run(new ExponentialDecay(k: 2.0), options);

        Assert.True(result.Succeeded, result.Failure?.Message);
        for (var row = 0; row < result.Series.Count; row++)
        {
            var t = result.Series.Times[row];
            Assert.True(Math.Abs(result.Series[row, 0] - Math.Exp(-2 * t)) < 1e-6, $"x at t = {t}: {result.Series[row, 0]}");
        }
    }

    [Fact]
    public void ModelWithJacobian_Rodas3_UsesTheAnalyticJacobianInsteadOfDifferences()
    {
        var model = new StiffLinearPair();
        var solver = SolverFactory.Create(new ModelOdeSystem(model, null), new SolverOptions { Kind = SolverKind.Rodas3, RelativeTolerance = 1e-8, AbsoluteTolerance = 1e-10 });
        Assert.True(solver.Initialize(0, [0, 1]));
        while (solver.Time < 2)
        {
            Assert.True(solver.Step(2), solver.Failure?.Message);
        }

        Assert.Equal(solver.Statistics.AcceptedSteps, model.JacobianCalls);

        // Per step: one ∂f/∂t difference, two new stages, f at the step end; no Jacobian columns.
        Assert.Equal(1 + 4 * solver.Statistics.AcceptedSteps + 3 * solver.Statistics.RejectedSteps, solver.Statistics.FunctionEvaluations);
        Assert.True(Math.Abs(solver.State[1] - Math.Exp(-2)) < 1e-7, $"x2 = {solver.State[1]}");
        Assert.True(Math.Abs(solver.State[0] - (Math.Exp(-2) - Math.Exp(-2000)) / 999) < 1e-9, $"x1 = {solver.State[0]}");
    }
}
