using TwinLang.Runtime.Solvers;
using TwinLang.Runtime.Tests.Models;
using Xunit;

namespace TwinLang.Runtime.Tests;

/// <summary>How the Rosenbrock engine gets a compiled model's Jacobian: analytic sparse, pattern only, or none.</summary>
public sealed class RosenbrockModelTests
{
    private const int Cells = 64;

    private static SimulationResult Run(ITwinModel model) => Simulator.Run(model, new SimulationOptions
    {
        StopTime = 10,
        OutputInterval = 1,
        Solver = new SolverOptions { Kind = SolverKind.Rodas4, RelativeTolerance = 1e-6, AbsoluteTolerance = 1e-9 },
    });

    [Fact]
    public void ModelWithJacobian_ManyStates_FactorsSparselyWithTheAnalyticValues()
    {
        var model = new CooledChainWithJacobian();
        var result = Run(model);

        Assert.True(result.Succeeded, result.Failure?.Message);
        Assert.True(result.Statistics.SparseLinearAlgebra);
        Assert.Equal(result.Statistics.JacobianEvaluations, model.JacobianCalls);
    }

    [Fact]
    public void ModelWithPatternOnly_DifferencesByColouringAndAgreesWithTheAnalyticRun()
    {
        var analytic = Run(new CooledChainWithJacobian());
        var coloured = Run(new CooledChain());

        Assert.True(coloured.Succeeded, coloured.Failure?.Message);
        Assert.True(coloured.Statistics.SparseLinearAlgebra);

        // Tridiagonal: three colours, so a differenced Jacobian costs 3 evaluations, not 64.
        var s = coloured.Statistics;
        Assert.Equal(1 + s.Steps * 6 + s.JacobianEvaluations * (1 + 3), s.FunctionEvaluations);
        for (var i = 0; i < Cells; i += 9)
        {
            Assert.True(Math.Abs(coloured.Series[coloured.Series.Count - 1, i] - analytic.Series[analytic.Series.Count - 1, i]) < 1e-6, $"x{i}");
        }
    }

    /// <summary>A chain of cells conducting to their neighbours, each cooled: <c>x_i' = k (x_{i−1} − 2x_i + x_{i+1}) − x_i</c>.</summary>
    private class CooledChain() : TestModel(Shape), ITwinModelSparsity
    {
        protected const double K = 500;
        private static readonly ModelDescription Shape = new(
            "CooledChain",
            [.. Enumerable.Range(0, Cells).Select(i => new VariableInfo("x" + i.ToString(System.Globalization.CultureInfo.InvariantCulture), "1"))],
            [],
            [],
            []);

        private static readonly SparsityPattern Tridiagonal = Build();

        public SparsityPattern JacobianPattern => Tridiagonal;

        public override void InitialState(Span<double> x0)
        {
            for (var i = 0; i < Cells; i++)
            {
                x0[i] = i % 2;
            }
        }

        public override void Derivatives(double t, ReadOnlySpan<double> x, Span<double> dxdt)
        {
            for (var i = 0; i < Cells; i++)
            {
                var left = i > 0 ? x[i - 1] : x[i];
                var right = i < Cells - 1 ? x[i + 1] : x[i];
                dxdt[i] = K * (left - 2 * x[i] + right) - x[i];
            }
        }

        protected override TestModel CreateEmpty() => new CooledChain();

        private static SparsityPattern Build()
        {
            var rowPointers = new int[Cells + 1];
            var columns = new List<int>();
            for (var i = 0; i < Cells; i++)
            {
                for (var j = Math.Max(0, i - 1); j <= Math.Min(Cells - 1, i + 1); j++)
                {
                    columns.Add(j);
                }

                rowPointers[i + 1] = columns.Count;
            }

            return new SparsityPattern(Cells, Cells, rowPointers, [.. columns]);
        }
    }

    /// <summary>The chain with its analytic Jacobian as generated code provides it.</summary>
    private sealed class CooledChainWithJacobian : CooledChain, ITwinModelJacobian
    {
        public int JacobianCalls { get; private set; }

        public void Jacobian(double t, ReadOnlySpan<double> x, Span<double> values)
        {
            JacobianCalls++;
            var count = 0;
            for (var i = 0; i < Cells; i++)
            {
                var boundary = (i == 0 ? 1 : 0) + (i == Cells - 1 ? 1 : 0);
                for (var j = Math.Max(0, i - 1); j <= Math.Min(Cells - 1, i + 1); j++)
                {
                    values[count++] = j == i ? -2 * K + boundary * K - 1 : K;
                }
            }
        }

        protected override TestModel CreateEmpty() => new CooledChainWithJacobian();
    }
}
