using BenchmarkDotNet.Attributes;
using TwinLang.Runtime.Solvers;

namespace TwinLang.Runtime.Benchmarks;

/// <summary>
/// One operation is one accepted solver step on Lorenz-96 with 1 000 states (each invocation takes
/// <see cref="StepsPerInvoke"/> steps, continuing the same trajectory). The "Steps/s" column is 1 / mean; the
/// baseline row is a single evaluation of the model, for the cost of the solver around it.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 10)]
public class SolverStepBenchmarks
{
    private const int StepsPerInvoke = 1000;
    private const int Size = 1000;

    private readonly OdeSolver _rk4 = Create(new SolverOptions { Kind = SolverKind.RungeKutta4, FixedStep = 0.001 });
    private readonly OdeSolver _dopri5 = Create(new SolverOptions { Kind = SolverKind.DormandPrince5, RelativeTolerance = 1e-6, AbsoluteTolerance = 1e-9 });
    private readonly OdeSolver _dopri5Fixed = Create(new SolverOptions { Kind = SolverKind.DormandPrince5, FixedStep = 0.001 });

    private readonly Lorenz96 _model = new(Size);
    private readonly double[] _x = new double[Size];
    private readonly double[] _dxdt = new double[Size];

    /// <summary>The cost floor: one right-hand-side evaluation (RK4 needs 4 per step, DOPRI5 6).</summary>
    [Benchmark(OperationsPerInvoke = StepsPerInvoke, Baseline = true, Description = "f(t, x) only")]
    public double Derivatives()
    {
        for (var i = 0; i < StepsPerInvoke; i++)
        {
            _model.Derivatives(0, _x, _dxdt);
        }

        return _dxdt[0];
    }

    [Benchmark(OperationsPerInvoke = StepsPerInvoke, Description = "RK4, h = 1e-3")]
    public double RungeKutta4() => Steps(_rk4);

    [Benchmark(OperationsPerInvoke = StepsPerInvoke, Description = "DOPRI5 adaptive, rtol 1e-6")]
    public double DormandPrince5Adaptive() => Steps(_dopri5);

    [Benchmark(OperationsPerInvoke = StepsPerInvoke, Description = "DOPRI5 fixed, h = 1e-3")]
    public double DormandPrince5Fixed() => Steps(_dopri5Fixed);

    private static OdeSolver Create(SolverOptions options)
    {
        var model = new Lorenz96(Size);
        var solver = SolverFactory.Create(new ModelOdeSystem(model, null), options);
        var x0 = new double[Size];
        model.InitialState(x0);
        if (!solver.Initialize(0, x0))
        {
            throw new InvalidOperationException(solver.Failure?.Message);
        }

        return solver;
    }

    private static double Steps(OdeSolver solver)
    {
        for (var i = 0; i < StepsPerInvoke; i++)
        {
            if (!solver.Step(double.MaxValue))
            {
                throw new InvalidOperationException(solver.Failure?.Message);
            }
        }

        return solver.Time;
    }
}
