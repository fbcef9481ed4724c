using TwinLang.Runtime.Solvers;
using TwinLang.Runtime.Tests.Models;
using Xunit;

namespace TwinLang.Runtime.Tests;

/// <summary>The <c>auto</c> solver: explicit while it can, RODAS4 once DOPRI5 finds the problem stiff.</summary>
public sealed class AutoSolverTests
{
    private static OdeSolver Integrate(IOdeSystem system, double[] x0, double tEnd, double rtol = 1e-6, double atol = 1e-10)
    {
        var options = new SolverOptions { Kind = SolverKind.Auto, RelativeTolerance = rtol, AbsoluteTolerance = atol };
        Assert.Null(options.Validate(system.Dimension));
        var solver = SolverFactory.Create(system, options);
        Assert.True(solver.Initialize(0, x0));
        while (solver.Time < tEnd)
        {
            Assert.True(solver.Step(tEnd), solver.Failure?.Message);
        }

        return solver;
    }

    [Fact]
    public void Robertson_Auto_SwitchesToRodas4AndMatchesTheReference()
    {
        var solver = Integrate(new RobertsonSystem(), [1, 0, 0], 40, rtol: 1e-8, atol: 1e-14);

        var statistics = solver.Statistics;
        Assert.Equal(SolverKind.Rodas4, statistics.Method);
        Assert.NotNull(statistics.StiffSwitchTime);
        Assert.InRange(statistics.StiffSwitchTime.Value, 0, 20);
        Assert.True(statistics.JacobianEvaluations > 0);
        Assert.True(((AutoSolver)solver).IsStiff);
        Assert.True(Math.Abs(solver.State[0] - 0.7158270687193) < 1e-6, $"y1 = {solver.State[0]}");
    }

    [Fact]
    public void Robertson_AutoToOneHundredThousand_CostsFarLessThanDopri5()
    {
        var auto = Integrate(new RobertsonSystem(), [1, 0, 0], 1e5);
        var dopri = SolverFactory.Create(new RobertsonSystem(), new SolverOptions { RelativeTolerance = 1e-6, AbsoluteTolerance = 1e-10, MaxSteps = 20_000 });
        Assert.True(dopri.Initialize(0, [1, 0, 0]));
        while (dopri.Time < 1e5 && dopri.Step(1e5))
        {
        }

        // DOPRI5 runs out of its step budget long before 1e5: its steps are bounded by stability, not accuracy.
        Assert.Equal(SimulationFailureKind.MaxStepsExceeded, dopri.Failure?.Kind);
        Assert.True(auto.Statistics.Steps < 1000, $"{auto.Statistics.Steps} steps");
    }

    [Fact]
    public void HarmonicOscillator_Auto_StaysExplicit()
    {
        var model = new HarmonicOscillator();
        var x0 = new double[2];
        model.InitialState(x0);
        var solver = Integrate(new ModelOdeSystem(model, null), x0, 10);

        Assert.Equal(SolverKind.DormandPrince5, solver.Statistics.Method);
        Assert.Null(solver.Statistics.StiffSwitchTime);
        Assert.Equal(0, solver.Statistics.JacobianEvaluations);
        Assert.Equal(0, solver.Statistics.MatrixStorage);
        Assert.True(Math.Abs(solver.State[0] - Math.Cos(2 * Math.PI * 10)) < 1e-4, $"x = {solver.State[0]}");
    }

    [Fact]
    public void Simulator_AutoOnVanDerPol_RecordsTheSwitchInTheStatisticsAndInterpolatesAcrossIt()
    {
        var options = new SimulationOptions
        {
            StopTime = 3000,
            OutputInterval = 10,
            Solver = new SolverOptions { Kind = SolverKind.Auto, RelativeTolerance = 1e-6, AbsoluteTolerance = 1e-8 },
        };
        var result = Simulator.Run(new VanDerPolModel(1000), options);

        Assert.True(result.Succeeded, result.Failure?.Message);
        Assert.Equal(SolverKind.Rodas4, result.Statistics.Method);
        Assert.NotNull(result.Statistics.StiffSwitchTime);
        Assert.Equal(301, result.Series.Count);
        for (var row = 0; row < result.Series.Count; row++)
        {
            Assert.InRange(result.Series[row, 0], -2.1, 2.1);
        }
    }

    [Fact]
    public void Validate_AutoWithAFixedStep_IsRejected()
    {
        var options = new SolverOptions { Kind = SolverKind.Auto, FixedStep = 0.1 };

        Assert.Equal("The solver 'auto' chooses its own steps and takes no fixed step size.", options.Validate(1));
    }

    /// <summary>Van der Pol as a model, for runs through the simulator.</summary>
    private sealed class VanDerPolModel(double mu) : TestModel(Shape)
    {
        private static readonly ModelDescription Shape = new("VanDerPol", Variables(("y1", "1"), ("y2", "1")), [], [], []);

        public override void InitialState(Span<double> x0)
        {
            x0[0] = 2;
            x0[1] = 0;
        }

        public override void Derivatives(double t, ReadOnlySpan<double> x, Span<double> dxdt)
        {
            dxdt[0] = x[1];
            dxdt[1] = mu * (1 - x[0] * x[0]) * x[1] - x[0];
        }

        protected override TestModel CreateEmpty() => new VanDerPolModel(mu);
    }
}
