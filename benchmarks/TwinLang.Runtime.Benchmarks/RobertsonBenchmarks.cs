using BenchmarkDotNet.Attributes;
using TwinLang.Runtime.Solvers;

namespace TwinLang.Runtime.Benchmarks;

/// <summary>
/// The stiff Robertson problem (rtol 1e-6, atol 1e-10): RODAS4 and <c>auto</c> against DOPRI5, whose steps are
/// limited by stability rather than accuracy. To t = 40 DOPRI5 gets there at great cost (the baseline); to
/// t = 1e5 it runs out of its million-step budget, while RODAS4 needs a few hundred steps. The
/// <see cref="StiffWorkColumn"/> shows the work and how far each run got.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 2, iterationCount: 5)]
public class RobertsonBenchmarks
{
    /// <summary>The solver and end time of each benchmark method, for the work column.</summary>
    public static (SolverKind Kind, double End)? Configuration(string method) => method switch
    {
        nameof(Dopri5To40) => (SolverKind.DormandPrince5, 40),
        nameof(Rodas4To40) => (SolverKind.Rodas4, 40),
        nameof(AutoTo40) => (SolverKind.Auto, 40),
        nameof(Dopri5To1e5) => (SolverKind.DormandPrince5, 1e5),
        nameof(Rodas4To1e5) => (SolverKind.Rodas4, 1e5),
        nameof(AutoTo1e5) => (SolverKind.Auto, 1e5),
        _ => null,
    };

    [Benchmark(Baseline = true, Description = "DOPRI5 to t = 40")]
    public double Dopri5To40() => Robertson.Run(SolverKind.DormandPrince5, 40).Time;

    [Benchmark(Description = "RODAS4 to t = 40")]
    public double Rodas4To40() => Robertson.Run(SolverKind.Rodas4, 40).Time;

    [Benchmark(Description = "auto to t = 40")]
    public double AutoTo40() => Robertson.Run(SolverKind.Auto, 40).Time;

    [Benchmark(Description = "DOPRI5 to t = 1e5 (fails)")]
    public double Dopri5To1e5() => Robertson.Run(SolverKind.DormandPrince5, 1e5).Time;

    [Benchmark(Description = "RODAS4 to t = 1e5")]
    public double Rodas4To1e5() => Robertson.Run(SolverKind.Rodas4, 1e5).Time;

    [Benchmark(Description = "auto to t = 1e5")]
    public double AutoTo1e5() => Robertson.Run(SolverKind.Auto, 1e5).Time;
}
