using TwinLang.Runtime.Solvers;
using TwinLang.Runtime.Tests.Models;
using Xunit;

namespace TwinLang.Runtime.Tests;

/// <summary>The stiff solvers end every numerical failure in a coded <see cref="SimulationFailure"/>, never an exception.</summary>
public sealed class RosenbrockFailureTests
{
    private static SimulationResult Run(ITwinModel model, SolverKind kind, double stop, double? fixedStep = null) =>
        Simulator.Run(model, new SimulationOptions { StopTime = stop, Solver = new SolverOptions { Kind = kind, FixedStep = fixedStep } });

    [Fact]
    public void Rodas4_FixedStepHittingAnEigenvalue_ReportsASingularMatrix()
    {
        // x' = 40 x with h = 0.1: I/(γh) − J = 40 − 40 = 0 for RODAS4's γ = 0.25.
        var result = Run(new Linear(40), SolverKind.Rodas4, 1, fixedStep: 0.1);

        var failure = Assert.IsType<SimulationFailure>(result.Failure);
        Assert.Equal(SimulationFailureKind.SingularMatrix, failure.Kind);
        Assert.Equal(0, failure.Time);
        Assert.Contains("RODAS4", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rodas4_JacobianTurnsNaN_ReportsASingularMatrixAtThatTime()
    {
        var result = Run(new NaNJacobianAfterOne(), SolverKind.Rodas4, 3);

        var failure = Assert.IsType<SimulationFailure>(result.Failure);
        Assert.Equal(SimulationFailureKind.SingularMatrix, failure.Kind);
        Assert.InRange(failure.Time, 1, 1.1);
    }

    [Fact]
    public void Rodas4_DerivativeNaNPastItsDomain_ReportsTheNonFiniteDerivative()
    {
        var result = Run(new DomainLimited(), SolverKind.Rodas4, 3);

        var failure = Assert.IsType<SimulationFailure>(result.Failure);
        Assert.Equal(SimulationFailureKind.NonFiniteValue, failure.Kind);
        Assert.Equal("der(b)", failure.VariableName);
        Assert.InRange(failure.Time, 2 - 1e-6, 2 + 1e-6);
    }

    [Fact]
    public void Rodas4_FiniteTimeBlowUp_ReportsStepSizeUnderflowNamingTheGrowingState()
    {
        var result = Run(new FiniteTimeBlowUp(), SolverKind.Rodas4, 2);

        var failure = Assert.IsType<SimulationFailure>(result.Failure);
        Assert.Equal(SimulationFailureKind.StepSizeUnderflow, failure.Kind);
        Assert.Equal("x", failure.VariableName);
        Assert.Contains("The state 'x' contributes the largest error.", failure.Message, StringComparison.Ordinal);
        Assert.InRange(failure.Time, 0.99, 1.000001);
    }

    [Fact]
    public void Auto_DerivativeNaNPastItsDomain_ReportsTheNonFiniteDerivative()
    {
        var result = Run(new DomainLimited(), SolverKind.Auto, 3);

        var failure = Assert.IsType<SimulationFailure>(result.Failure);
        Assert.Equal(SimulationFailureKind.NonFiniteValue, failure.Kind);
        Assert.Equal("der(b)", failure.VariableName);
    }

    [Fact]
    public void Rodas4_LargeSystemWithoutPattern_RefusesADenseMatrixWithAnInvalidSetup()
    {
        var solver = SolverFactory.Create(new StiffDecay(RosenbrockSolver.MaxDenseDimension + 1), new SolverOptions { Kind = SolverKind.Rodas4 });

        Assert.True(solver.Initialize(0, new double[RosenbrockSolver.MaxDenseDimension + 1]));
        Assert.False(solver.Step(1));
        Assert.Equal(SimulationFailureKind.InvalidSetup, solver.Failure?.Kind);
        Assert.Contains("no Jacobian sparsity pattern", solver.Failure?.Message, StringComparison.Ordinal);
        Assert.Equal(0, solver.Statistics.MatrixStorage);
    }

    [Fact]
    public void Auto_LargeStiffSystemWithoutPattern_StaysExplicit()
    {
        var n = RosenbrockSolver.MaxDenseDimension + 1;
        var solver = (AutoSolver)SolverFactory.Create(new StiffDecay(n), new SolverOptions { Kind = SolverKind.Auto });
        Assert.True(solver.Initialize(0, [.. Enumerable.Repeat(1.0, n)]));
        while (solver.Time < 0.1)
        {
            Assert.True(solver.Step(0.1), solver.Failure?.Message);
        }

        Assert.False(solver.IsStiff);
        Assert.Equal(SolverKind.DormandPrince5, solver.Statistics.Method);
    }

    /// <summary>n independent stiff decays x_i' = −1e4 x_i with no Jacobian information.</summary>
    private sealed class StiffDecay(int n) : IOdeSystem
    {
        public int Dimension => n;

        public string StateName(int index) => "x" + index.ToString(System.Globalization.CultureInfo.InvariantCulture);

        public void Evaluate(double t, ReadOnlySpan<double> x, Span<double> dxdt)
        {
            for (var i = 0; i < x.Length; i++)
            {
                dxdt[i] = -1e4 * x[i];
            }
        }
    }

    /// <summary>x' = λ x with its analytic Jacobian.</summary>
    private sealed class Linear(double lambda) : TestModel(Shape), ITwinModelJacobian
    {
        private static readonly ModelDescription Shape = new("Linear", Variables(("x", "1")), [], [], []);

        public SparsityPattern JacobianPattern { get; } = new(1, 1, [0, 1], [0]);

        public override void InitialState(Span<double> x0) => x0[0] = 1;

        public override void Derivatives(double t, ReadOnlySpan<double> x, Span<double> dxdt) => dxdt[0] = lambda * x[0];

        public void Jacobian(double t, ReadOnlySpan<double> x, Span<double> values) => values[0] = lambda;

        protected override TestModel CreateEmpty() => new Linear(lambda);
    }

    /// <summary>x' = −x whose analytic Jacobian (wrongly) turns NaN after t = 1, as a generated one might outside its domain.</summary>
    private sealed class NaNJacobianAfterOne() : TestModel(Shape), ITwinModelJacobian
    {
        private static readonly ModelDescription Shape = new("NaNJacobian", Variables(("x", "1")), [], [], []);

        public SparsityPattern JacobianPattern { get; } = new(1, 1, [0, 1], [0]);

        public override void InitialState(Span<double> x0) => x0[0] = 1;

        public override void Derivatives(double t, ReadOnlySpan<double> x, Span<double> dxdt) => dxdt[0] = -x[0];

        public void Jacobian(double t, ReadOnlySpan<double> x, Span<double> values) => values[0] = t > 1 ? double.NaN : -1;

        protected override TestModel CreateEmpty() => new NaNJacobianAfterOne();
    }
}
