using BenchmarkDotNet.Attributes;
using TwinLang.Compiler;
using TwinLang.Text;

namespace TwinLang.Benchmarks;

/// <summary>
/// Parse-only (the baseline) against parse+bind of a 10 000-line file with the standard library. The
/// standard library's parse is shared by every compilation in a process, so the figures are the user file's.
/// </summary>
[MemoryDiagnoser]
public class ParseBindBenchmarks
{
    private SourceText _text = new("");

    /// <summary>Generates the model once.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _text = new SourceText(ModelGenerator.Generate(10_000), "fleet.twin");
        // Warm the shared standard library so it is not measured.
        _ = Compilation.Create([new SourceText("", "warm.twin")], StandardLibrary.Default).Diagnostics;
    }

    /// <summary>Parsing only.</summary>
    [Benchmark(Baseline = true)]
    public int Parse() => Compilation.Create([_text], StandardLibrary.Default).SyntaxTrees[0].Diagnostics.Length;

    /// <summary>Parsing and binding with the standard library; every diagnostic collected.</summary>
    [Benchmark]
    public int ParseAndBind() => Compilation.Create([_text], StandardLibrary.Default).Diagnostics.Length;
}
