using TwinLang.Runtime.Solvers;
using Xunit;

namespace TwinLang.Runtime.Tests;

/// <summary>The RODAS3 Rosenbrock solver on stiff and non-stiff reference problems.</summary>
public sealed class Rodas3SolverTests
{
    private static OdeSolver Integrate(IOdeSystem system, SolverOptions options, double t0, double[] x0, double tEnd)
    {
        Assert.Null(options.Validate(system.Dimension));
        var solver = SolverFactory.Create(system, options);
        Assert.True(solver.Initialize(t0, x0));
        while (solver.Time < tEnd)
        {
            Assert.True(solver.Step(tEnd), solver.Failure?.Message);
        }

        return solver;
    }

    private static double[] RobertsonAt(double tEnd, double rtol, out OdeSolver solver, List<double>? y1Samples = null)
    {
        var options = new SolverOptions { Kind = SolverKind.Rodas3, RelativeTolerance = rtol, AbsoluteTolerance = rtol * 1e-4 };
        var system = new RobertsonSystem();
        solver = SolverFactory.Create(system, options);
        Assert.True(solver.Initialize(0, [1, 0, 0]));
        while (solver.Time < tEnd)
        {
            Assert.True(solver.Step(tEnd), solver.Failure?.Message);
            y1Samples?.Add(solver.State[0]);
        }

        return solver.State.ToArray();
    }

    [Fact]
    public void Factory_Rodas3Kind_CreatesTheRosenbrockSolverByName()
    {
        Assert.True(SolverKindNames.TryParse("rodas3", out var kind));
        Assert.Equal(SolverKind.Rodas3, kind);
        var options = new SolverOptions { Kind = kind };
        Assert.True(options.IsAdaptive);
        Assert.Equal("RODAS3", Assert.IsType<RosenbrockSolver>(SolverFactory.Create(new VanDerPolSystem(1), options)).Tableau.Name);
    }

    [Fact]
    public void Robertson_ToOneHundredThousand_MatchesATightRunAndConservesMass()
    {
        var samples = new List<double>();
        var loose = RobertsonAt(1e5, 1e-6, out var looseSolver, samples);
        var tight = RobertsonAt(1e5, 1e-10, out _);

        for (var i = 0; i < 3; i++)
        {
            Assert.True(Math.Abs(loose[i] - tight[i]) <= 1e-4 * Math.Abs(tight[i]) + 1e-10, $"y{i + 1}: {loose[i]} vs {tight[i]}");
        }

        Assert.True(Math.Abs(tight[0] + tight[1] + tight[2] - 1) < 1e-8);
        Assert.True(Math.Abs(loose[0] + loose[1] + loose[2] - 1) < 1e-8);
        Assert.InRange(tight[0], 0.01, 0.03);
        for (var i = 1; i < samples.Count; i++)
        {
            Assert.True(samples[i] <= samples[i - 1], $"y1 rose at step {i}");
        }

        Assert.True(looseSolver.Statistics.AcceptedSteps < 2000, $"{looseSolver.Statistics.AcceptedSteps} steps");
    }

    [Fact]
    public void Robertson_FiniteDifferenceJacobian_AgreesWithTheAnalyticOne()
    {
        var analytic = RobertsonAt(1e3, 1e-7, out _);
        var options = new SolverOptions { Kind = SolverKind.Rodas3, RelativeTolerance = 1e-7, AbsoluteTolerance = 1e-11 };
        var differenced = Integrate(new RobertsonWithoutJacobian(), options, 0, [1, 0, 0], 1e3);

        for (var i = 0; i < 3; i++)
        {
            Assert.True(Math.Abs(differenced.State[i] - analytic[i]) <= 1e-5 * Math.Abs(analytic[i]) + 1e-12, $"y{i + 1}: {differenced.State[i]} vs {analytic[i]}");
        }
    }

    /// <summary>Robertson's equations hiding the analytic Jacobian, so the solver differences.</summary>
    private sealed class RobertsonWithoutJacobian : IOdeSystem
    {
        private readonly RobertsonSystem _inner = new();

        public int Dimension => 3;

        public string StateName(int index) => _inner.StateName(index);

        public void Evaluate(double t, ReadOnlySpan<double> x, Span<double> dxdt) => _inner.Evaluate(t, x, dxdt);
    }

    [Fact]
    public void VanDerPol_StiffMuOneThousand_StaysBoundedWithFarFewerStepsThanDopri5()
    {
        const double mu = 1000;
        const double period = 1614; // (3 − 2 ln 2) mu, the relaxation period for large mu, rounded.
        var rodas = Integrate(new VanDerPolSystem(mu), new SolverOptions { Kind = SolverKind.Rodas3, RelativeTolerance = 1e-5, AbsoluteTolerance = 1e-8 }, 0, [2, 0], period);
        var dopri = Integrate(new VanDerPolSystem(mu), new SolverOptions { Kind = SolverKind.DormandPrince5, RelativeTolerance = 1e-5, AbsoluteTolerance = 1e-8 }, 0, [2, 0], period);

        Assert.True(double.IsFinite(rodas.State[0]) && Math.Abs(rodas.State[0]) <= 2.1, $"y1 = {rodas.State[0]}");
        Assert.True(rodas.Statistics.Steps * 10 < dopri.Statistics.Steps, $"rodas3 {rodas.Statistics.Steps} vs dopri5 {dopri.Statistics.Steps}");
        Assert.True(Math.Abs(rodas.State[0] - dopri.State[0]) < 1e-2, $"{rodas.State[0]} vs {dopri.State[0]}");
    }

    [Fact]
    public void ExponentialDecay_Adaptive_MatchesTheAnalyticSolution()
    {
        var system = new NonlinearTestSystem();
        var solver = Integrate(system, new SolverOptions { Kind = SolverKind.Rodas3, RelativeTolerance = 1e-8, AbsoluteTolerance = 1e-10 }, 0, [1, 0], 5);

        Assert.True(Math.Abs(solver.State[0] - 1.0 / 26.0) < 1e-6, $"y = {solver.State[0]}");
        Assert.True(Math.Abs(solver.State[1] - (4 + Math.Exp(-5))) < 1e-6, $"z = {solver.State[1]}");
    }

    [Fact]
    public void FixedStep_HalvingTheStep_ShowsOrderThree()
    {
        // Verifies the tableau's order conditions numerically, including the ∂f/∂t (non-autonomous) ones.
        double Error(double h, int component)
        {
            var solver = Integrate(new NonlinearTestSystem(), new SolverOptions { Kind = SolverKind.Rodas3, FixedStep = h }, 0, [1, 0], 2);
            var exact = component == 0 ? 1.0 / 5.0 : 1 + Math.Exp(-2);
            return Math.Abs(solver.State[component] - exact);
        }

        for (var component = 0; component < 2; component++)
        {
            var e1 = Error(0.1, component);
            var e2 = Error(0.05, component);
            var e3 = Error(0.025, component);
            Assert.True(e3 > 1e-12, $"error {e3} is down at roundoff level");
            Assert.InRange(Math.Log2(e1 / e2), 2.75, 3.4);
            Assert.InRange(Math.Log2(e2 / e3), 2.75, 3.4);
        }
    }

    [Fact]
    public void Steps_AfterSetup_AllocateNothing()
    {
        var system = new VanDerPolSystem(1000);
        var solver = SolverFactory.Create(system, new SolverOptions { Kind = SolverKind.Rodas3 });
        Assert.True(solver.Initialize(0, [2, 0]));
        Assert.True(solver.Step(100));
        Span<double> x = stackalloc double[2];
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 50 && solver.Time < 100; i++)
        {
            Assert.True(solver.Step(100));
            solver.Interpolate(0.5 * (solver.PreviousTime + solver.Time), x);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}
