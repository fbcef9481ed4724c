using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace TwinLang.Benchmarks;

/// <summary>
/// <c>--quick</c>: the parse+bind benchmark in process with a short job (seconds, no child build);
/// <c>--emit path</c>: write the generated model; anything else goes to BenchmarkDotNet's switcher.
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        if (args is ["--emit", var path])
        {
            File.WriteAllText(path, ModelGenerator.Generate(10_000));
            return 0;
        }

        if (args is ["--quick"])
        {
            var config = DefaultConfig.Instance.AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance));
            BenchmarkRunner.Run<ParseBindBenchmarks>(config);
            return 0;
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return 0;
    }
}
