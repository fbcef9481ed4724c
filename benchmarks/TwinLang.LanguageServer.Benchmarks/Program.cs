using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using TwinLang.LanguageServer.Benchmarks;

// In process: the server is driven through pipes anyway, and a separate build of the whole compiler per run
// costs minutes on a small machine. Monitoring: each invocation is one edit or one request, timed whole.
var job = Job.Default
    .WithStrategy(RunStrategy.Monitoring)
    .WithLaunchCount(1)
    .WithWarmupCount(3)
    .WithIterationCount(20)
    .WithToolchain(InProcessEmitToolchain.Instance);
BenchmarkSwitcher.FromAssembly(typeof(EditingBenchmarks).Assembly).Run(args, DefaultConfig.Instance.AddJob(job));
