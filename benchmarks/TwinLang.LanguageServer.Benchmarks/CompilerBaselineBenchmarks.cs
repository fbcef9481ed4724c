using BenchmarkDotNet.Attributes;
using TwinLang.Compiler;
using TwinLang.Text;

namespace TwinLang.LanguageServer.Benchmarks;

/// <summary>
/// The compiler work inside one diagnostics run of <see cref="EditingBenchmarks"/>, without the server: what
/// is left of the edit-to-diagnostics figure after subtracting these is the server's own cost.
/// </summary>
[MemoryDiagnoser]
public class CompilerBaselineBenchmarks
{
    private readonly SourceText _text = new(LargeModel.Text, "/bench/large.twin");

    /// <summary>Parsing the 5 000-line file.</summary>
    [Benchmark]
    public int Parse() => Compilation.Create([_text]).SyntaxTrees[0].Tokens.Length;

    /// <summary>Parsing and binding it with the standard library: every diagnostic of a fresh compilation.</summary>
    [Benchmark]
    public int ParseAndBind() => Compilation.Create([_text]).Diagnostics.Length;
}
