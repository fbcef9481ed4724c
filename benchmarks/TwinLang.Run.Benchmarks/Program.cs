using BenchmarkDotNet.Running;

namespace TwinLang.Run.Benchmarks;

/// <summary>Hands the command line to BenchmarkDotNet's switcher (<c>--filter '*'</c> runs everything).</summary>
public static class Program
{
    public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
}
