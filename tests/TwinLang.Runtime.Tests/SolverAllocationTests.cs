using TwinLang.Runtime.Signals;
using TwinLang.Runtime.Solvers;
using TwinLang.Runtime.Tests.Models;
using Xunit;

namespace TwinLang.Runtime.Tests;

/// <summary>After setup, stepping and dense output must not allocate (GC counters, not timing).</summary>
public sealed class SolverAllocationTests
{
    [Theory]
    [InlineData(SolverKind.ExplicitEuler, 0.001)]
    [InlineData(SolverKind.RungeKutta4, 0.001)]
    [InlineData(SolverKind.DormandPrince5, 0.001)]
    [InlineData(SolverKind.DormandPrince5, null)]
    public void Step_AfterWarmUp_AllocatesNothing(SolverKind kind, double? fixedStep)
    {
        var model = new RcCircuit();
        var inputs = new SignalInputProvider(1);
        inputs.Set(0, new PiecewiseLinearSignal([0.0, 1.0, 2.0], [0.0, 5.0, 2.0]));
        var options = new SolverOptions { Kind = kind, FixedStep = fixedStep, RelativeTolerance = 1e-8, AbsoluteTolerance = 1e-10 };
        var solver = SolverFactory.Create(new ModelOdeSystem(model, inputs), options);
        var x = new double[1];
        model.InitialState(x);
        Assert.True(solver.Initialize(0, x));
        StepAndSample(solver, x, 10);

        var before = GC.GetAllocatedBytesForCurrentThread();
        StepAndSample(solver, x, 200);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
        Assert.True(solver.Statistics.AcceptedSteps >= 210);
    }

    [Theory]
    [InlineData(SolverKind.Rodas4, false)]
    [InlineData(SolverKind.Rodas4, true)]
    [InlineData(SolverKind.Auto, false)]
    public void StiffStep_SparseAfterWarmUp_AllocatesNothing(SolverKind kind, bool patternOnly)
    {
        const int n = 500;
        IOdeSystem system = patternOnly ? new DiffusionChainPatternOnly(n, 1e4, 1) : new DiffusionChain(n, 1e4, 1);
        var solver = SolverFactory.Create(system, new SolverOptions { Kind = kind, RelativeTolerance = 1e-6, AbsoluteTolerance = 1e-9 });
        var x = Enumerable.Range(0, n).Select(i => Math.Sin(0.1 * i)).ToArray();
        Assert.True(solver.Initialize(0, x));
        StepAndSample(solver, x, 40);
        while (solver is AutoSolver { IsStiff: false })
        {
            // The switch allocates the stiff part once; measure after it.
            StepAndSample(solver, x, 1);
        }

        StepAndSample(solver, x, 2);
        var before = GC.GetAllocatedBytesForCurrentThread();
        StepAndSample(solver, x, 40);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
        Assert.True(solver.Statistics.SparseLinearAlgebra);
    }

    private static void StepAndSample(OdeSolver solver, double[] x, int steps)
    {
        for (var i = 0; i < steps; i++)
        {
            Assert.True(solver.Step(1000));
            solver.Interpolate(0.5 * (solver.PreviousTime + solver.Time), x);
        }
    }
}
