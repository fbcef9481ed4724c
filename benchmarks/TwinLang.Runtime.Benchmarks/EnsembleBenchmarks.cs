using BenchmarkDotNet.Attributes;
using TwinLang.Runtime.Ensembles;
using TwinLang.Runtime.Solvers;

namespace TwinLang.Runtime.Benchmarks;

/// <summary>
/// One operation is a whole Monte-Carlo ensemble: <see cref="Members"/> members of Lorenz-96 with 100 states, each
/// drawing its forcing from normal(8, 0.5) and running 5 time units with adaptive DOPRI5. The same ensemble runs on one
/// thread (the baseline) and on two; the Ratio column is time(2 threads) / time(1 thread), so the speed-up is its
/// inverse. The results of both are bit-identical (tested in TwinLang.Runtime.Tests).
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 2, iterationCount: 10)]
public class EnsembleBenchmarks
{
    private const int Members = 64;

    private readonly Lorenz96 _model = new(100);
    private readonly SimulationOptions _simulation = new()
    {
        StopTime = 5,
        OutputInterval = 0.1,
        Solver = new SolverOptions { Kind = SolverKind.DormandPrince5, RelativeTolerance = 1e-6, AbsoluteTolerance = 1e-9 },
    };

    [Benchmark(Baseline = true, Description = "64 members, 1 thread")]
    public double OneThread() => Run(1);

    [Benchmark(Description = "64 members, 2 threads")]
    public double TwoThreads() => Run(2);

    private double Run(int threads)
    {
        var result = EnsembleRunner.Run(_model, _simulation, new EnsembleOptions
        {
            Members = Members,
            Seed = 42,
            Draws = [new ParameterDraw("F", [0], new NormalDistribution(8, 0.5))],
            Threads = threads,
            Columns = ["x[1]"],
        });
        return result.Statistics?[0, 0] ?? throw new InvalidOperationException("Every member failed.");
    }
}
