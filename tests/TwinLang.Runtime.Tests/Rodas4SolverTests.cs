using TwinLang.Runtime.Solvers;
using Xunit;

namespace TwinLang.Runtime.Tests;

/// <summary>RODAS4 on the stiff reference problems of Hairer and Wanner and the IVP test set.</summary>
public sealed class Rodas4SolverTests
{
    private static OdeSolver Integrate(IOdeSystem system, SolverOptions options, double[] x0, double tEnd)
    {
        Assert.Null(options.Validate(system.Dimension));
        var solver = SolverFactory.Create(system, options);
        Assert.True(solver.Initialize(0, x0));
        while (solver.Time < tEnd)
        {
            Assert.True(solver.Step(tEnd), solver.Failure?.Message);
        }

        return solver;
    }

    private static SolverOptions Rodas4(double rtol, double atol) => new() { Kind = SolverKind.Rodas4, RelativeTolerance = rtol, AbsoluteTolerance = atol };

    private static void AssertRelative(double expected, double actual, double tolerance, string what) =>
        Assert.True(Math.Abs(actual - expected) <= tolerance * Math.Abs(expected), $"{what}: {actual:R} vs {expected:R}");

    [Fact]
    public void Factory_Rodas4AndRodasNames_CreateTheRosenbrockEngineWithTheRodas4Tableau()
    {
        Assert.True(SolverKindNames.TryParse("rodas4", out var kind));
        Assert.Equal(SolverKind.Rodas4, kind);
        var solver = Assert.IsType<RosenbrockSolver>(SolverFactory.Create(new VanDerPolSystem(1), new SolverOptions { Kind = kind }));
        Assert.Same(RosenbrockTableau.Rodas4, solver.Tableau);
        Assert.Equal(4, solver.Order);
    }

    [Fact]
    public void Robertson_ToForty_MatchesHairerWannersReferenceValues()
    {
        // The published reference y(40) of the ROBER problem (as in Hairer and Wanner's stiff test problems).
        var solver = Integrate(new RobertsonSystem(), Rodas4(1e-8, 1e-14), [1, 0, 0], 40);

        AssertRelative(0.7158270687193e0, solver.State[0], 1e-6, "y1");
        AssertRelative(0.9185534764529e-5, solver.State[1], 1e-5, "y2");
        AssertRelative(0.2841637457800e0, solver.State[2], 1e-6, "y3");
    }

    [Fact]
    public void Robertson_ToOneHundredThousand_AgreesWithATightRunWithinTheTolerance()
    {
        var loose = Integrate(new RobertsonSystem(), Rodas4(1e-6, 1e-12), [1, 0, 0], 1e5);
        var tight = Integrate(new RobertsonSystem(), Rodas4(1e-11, 1e-17), [1, 0, 0], 1e5);

        for (var i = 0; i < 3; i++)
        {
            AssertRelative(tight.State[i], loose.State[i], 1e-4, $"y{i + 1}");
        }

        // The published references are at t = 40 and 1e11 (tests above); at 1e5 the tight run itself is the
        // reference, and these pin it (y1 ≈ 1.79 %, y2 ≈ 7.3e-8) so a regression in both runs cannot hide.
        AssertRelative(1.786592e-2, tight.State[0], 1e-4, "y1");
        AssertRelative(7.274e-8, tight.State[1], 1e-2, "y2");
        Assert.True(Math.Abs(tight.State[0] + tight.State[1] + tight.State[2] - 1) < 1e-10);
        Assert.True(loose.Statistics.AcceptedSteps < 500, $"{loose.Statistics.AcceptedSteps} steps");
    }

    [Fact]
    public void Robertson_ToTenToTheEleventh_MatchesTheIvpTestSetReference()
    {
        // Reference (Mazzia and Magherini, Test Set for IVP Solvers, problem ROBER): y(1e11).
        var solver = Integrate(new RobertsonSystem(), new SolverOptions { Kind = SolverKind.Rodas4, RelativeTolerance = 1e-8, AbsoluteTolerances = [1e-14, 1e-20, 1e-14] }, [1, 0, 0], 1e11);

        AssertRelative(0.2083340149701255e-07, solver.State[0], 1e-4, "y1");
        AssertRelative(0.8333360770334713e-13, solver.State[1], 1e-4, "y2");
        AssertRelative(0.9999999791665050e+00, solver.State[2], 1e-12, "y3");
    }

    [Fact]
    public void VanDerPol_MuOneThousand_MatchesTheIvpTestSetReference()
    {
        // Reference (Test Set for IVP Solvers, problem VDPOL, ε = 1e-6 on [0, 2]): y(2).
        var solver = Integrate(new ScaledVanDerPolSystem(), Rodas4(1e-8, 1e-8), [2, 0], 2);

        AssertRelative(0.1706167732170483e1, solver.State[0], 1e-6, "y1");
        AssertRelative(-0.8928097010247975e0, solver.State[1], 1e-5, "y2");
    }

    [Fact]
    public void FixedStep_HalvingTheStep_ShowsOrderFour()
    {
        // Checks the tableau's order conditions numerically, the non-autonomous (∂f/∂t) ones included.
        double Error(double h, int component)
        {
            var solver = Integrate(new NonlinearTestSystem(), new SolverOptions { Kind = SolverKind.Rodas4, FixedStep = h }, [1, 0], 2);
            var exact = component == 0 ? 1.0 / 5.0 : 1 + Math.Exp(-2);
            return Math.Abs(solver.State[component] - exact);
        }

        for (var component = 0; component < 2; component++)
        {
            var e1 = Error(0.1, component);
            var e2 = Error(0.05, component);
            var e3 = Error(0.025, component);
            Assert.True(e3 > 1e-13, $"error {e3} is down at roundoff level");
            Assert.InRange(Math.Log2(e1 / e2), 3.6, 4.5);
            Assert.InRange(Math.Log2(e2 / e3), 3.6, 4.5);
        }
    }

    [Fact]
    public void DenseOutput_MidStep_HasLocalErrorOfOrderFour()
    {
        // One step of size h from the exact start value: Hairer's order-3 continuous extension has a local error
        // O(h^4) inside the step, so halving h divides the mid-step error by about 16.
        double MidError(double h)
        {
            var solver = SolverFactory.Create(new NonlinearTestSystem(), new SolverOptions { Kind = SolverKind.Rodas4, FixedStep = h });
            Assert.True(solver.Initialize(0, [1, 0]));
            Assert.True(solver.Step(h));
            Span<double> x = stackalloc double[2];
            var t = 0.5 * h;
            solver.Interpolate(t, x);
            return Math.Max(Math.Abs(x[0] - 1.0 / (1 + t * t)), Math.Abs(x[1] - (t - 1 + Math.Exp(-t))));
        }

        var e1 = MidError(0.2);
        var e2 = MidError(0.1);
        var e3 = MidError(0.05);
        Assert.True(e3 > 1e-14, $"error {e3} is down at roundoff level");
        Assert.InRange(Math.Log2(e1 / e2), 3.5, 5.2);
        Assert.InRange(Math.Log2(e2 / e3), 3.5, 5.2);
    }

    [Fact]
    public void Robertson_FiniteDifferences_AgreeWithTheAnalyticJacobian()
    {
        var analytic = Integrate(new RobertsonSystem(), Rodas4(1e-8, 1e-14), [1, 0, 0], 1e3);
        var differenced = Integrate(new RobertsonWithoutJacobian(), Rodas4(1e-8, 1e-14), [1, 0, 0], 1e3);

        for (var i = 0; i < 3; i++)
        {
            AssertRelative(analytic.State[i], differenced.State[i], 1e-5, $"y{i + 1}");
        }
    }

    [Fact]
    public void DiffusionChain_PatternOnly_DifferencesByColouringAndMatchesTheAnalyticJacobian()
    {
        const int n = 200;
        var x0 = Enumerable.Range(0, n).Select(i => Math.Sin(Math.PI * (i + 1) / (n + 1))).ToArray();
        var analyticSystem = new DiffusionChain(n, 1e4, 1);
        var coloured = new DiffusionChainPatternOnly(n, 1e4, 1);
        var analytic = Integrate(analyticSystem, Rodas4(1e-7, 1e-10), x0, 1e-3);
        var differenced = Integrate(coloured, Rodas4(1e-7, 1e-10), x0, 1e-3);

        Assert.True(((RosenbrockSolver)analytic).UsesSparseLu);
        Assert.True(((RosenbrockSolver)differenced).UsesSparseLu);
        Assert.True(analyticSystem.JacobianCalls > 0);
        for (var i = 0; i < n; i += 17)
        {
            Assert.True(Math.Abs(analytic.State[i] - differenced.State[i]) <= 1e-6 * Math.Abs(x0[i]) + 1e-12, $"x{i}: {differenced.State[i]} vs {analytic.State[i]}");
        }

        // A tridiagonal pattern needs three colours: 3 evaluations per Jacobian instead of 200, plus 1 for ∂f/∂t.
        var stats = differenced.Statistics;
        var perStepEvaluations = 6 + 3 + 1;
        Assert.True(stats.FunctionEvaluations <= 1 + perStepEvaluations * stats.Steps + stats.Steps, $"{stats.FunctionEvaluations} evaluations for {stats.Steps} steps");
    }

    [Fact]
    public void DiffusionChain_HundredThousandStates_TakesStiffStepsWithPatternSizedStorage()
    {
        const int n = 100_000;
        var system = new DiffusionChain(n, 1e6, 1);
        var x0 = Enumerable.Range(0, n).Select(i => i % 7 == 0 ? 1.0 : 0.0).ToArray();
        var solver = (RosenbrockSolver)SolverFactory.Create(system, new SolverOptions { Kind = SolverKind.Rodas4, FixedStep = 1e-3 });
        Assert.True(solver.Initialize(0, x0));
        for (var i = 0; i < 3; i++)
        {
            Assert.True(solver.Step(1), solver.Failure?.Message);
        }

        // h·λ ≈ 4000 at the fastest mode: stable only because the method is implicit in J.
        Assert.True(solver.UsesSparseLu);
        Assert.True(solver.Statistics.MatrixStorage < 30L * n, $"{solver.Statistics.MatrixStorage} doubles held, n = {n}");
        Assert.All(solver.State.ToArray(), v => Assert.InRange(v, -1e-3, 1));
    }

    /// <summary>Robertson's equations hiding the analytic Jacobian, so the solver differences.</summary>
    private sealed class RobertsonWithoutJacobian : IOdeSystem
    {
        private readonly RobertsonSystem _inner = new();

        public int Dimension => 3;

        public string StateName(int index) => _inner.StateName(index);

        public void Evaluate(double t, ReadOnlySpan<double> x, Span<double> dxdt) => _inner.Evaluate(t, x, dxdt);
    }
}
