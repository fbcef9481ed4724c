using System.Text;
using System.Text.RegularExpressions;
using TwinLang.Text;
using Xunit;
using Xunit.Abstractions;

namespace TwinLang.Compiler.Tests;

/// <summary>
/// Mutation fuzzing: every real <c>.twin</c> file (baselines, examples, the standard library, and the examples
/// of docs/language.md) is damaged by seeded random deletions, insertions, truncations and swaps; each result
/// must compile to well-formed coded diagnostics with no TW9001. The seed is fixed, so a failure reproduces.
/// </summary>
public sealed partial class MutationFuzzTests(ITestOutputHelper output)
{
    private const int Seed = 20_261_122;
    private const int TargetCases = 4_000;
    private const int MinimumCasesPerFile = 25;

    private static readonly string[] Fragments =
    [
        "package", "version", "import", "as", "quantity", "unit", "offset", "enum", "function", "let", "return", "table",
        "with", "from", "surrogate", "connector", "asset", "extends", "parameter", "constant", "input", "output", "state",
        "variable", "discrete", "potential", "flow", "component", "port", "equation", "initial", "when", "reinit",
        "terminate", "sampled", "every", "coupling", "between", "and", "step", "up", "down", "conserve", "tolerance",
        "assimilation", "for", "observe", "column", "estimate", "prior", "filter", "reject", "report", "scenario", "time",
        "solver", "set", "sweep", "in", "ensemble", "seed", "if", "then", "elseif", "else", "true", "false", "not", "or",
        "der", "connect", "sum", "(", ")", "{", "}", "[", "]", ",", ":", ";", ".", "..", "=", ":=", "->", "~", "+", "-",
        "*", "/", "^", "<", ">", "<=", ">=", "==", "!=", "@", "\"", "/*", "*/", "//", "///", "\n", "1e", "2.5", "1e999",
        "0x1F", "-0", "degC", "m/s^2", "A*h", "kWh", "x", "cells[i]", "[*]", "\\", "\u0000", "\uD800", "\u202E", "é", "🔋",
    ];

    [Fact]
    public void Compile_MutatedSources_GiveOnlyWellFormedDiagnostics()
    {
        var corpus = LoadCorpus();
        Assert.NotEmpty(corpus);
        var casesPerFile = Math.Max(MinimumCasesPerFile, TargetCases / corpus.Count);
        var failures = new List<string>();
        var cases = 0;
        for (var fileIndex = 0; fileIndex < corpus.Count; fileIndex++)
        {
            var (name, text) = corpus[fileIndex];
            var random = new Random(Seed + fileIndex);
            for (var i = 0; i < casesPerFile; i++)
            {
                var mutated = Mutate(text, random);
                cases++;
                var compilation = Compilation.Create([new SourceText(mutated, "main.twin")], StandardLibrary.Default);
                if (DiagnosticAssert.FindProblem(compilation.Diagnostics) is { } problem)
                {
                    failures.Add($"{name} case {i}: {problem}\n--- input ---\n{mutated}\n---");
                }
            }
        }

        output.WriteLine($"{cases} mutation cases over {corpus.Count} files, {failures.Count} failures.");
        Assert.True(failures.Count == 0, $"{failures.Count} of {cases} cases failed; first:\n{string.Join("\n", failures.Take(10))}");
    }

    private static string Mutate(string text, Random random)
    {
        var builder = new StringBuilder(text);
        var mutations = random.Next(1, 4);
        for (var m = 0; m < mutations; m++)
        {
            var position = random.Next(builder.Length + 1);
            switch (random.Next(6))
            {
                case 0:
                    builder.Remove(position, Math.Min(builder.Length - position, random.Next(1, 20)));
                    break;
                case 1:
                    builder.Insert(position, Fragments[random.Next(Fragments.Length)]);
                    break;
                case 2:
                    builder.Insert(position, (char)random.Next(0, 0x3000));
                    break;
                case 3:
                    builder.Length = position;
                    break;
                case 4:
                    Swap(builder, random);
                    break;
                default:
                    builder.Insert(position, Fragments[random.Next(Fragments.Length)] + " ");
                    break;
            }
        }

        return builder.ToString();
    }

    // Exchanges two non-overlapping slices, which keeps every token but breaks their order.
    private static void Swap(StringBuilder builder, Random random)
    {
        if (builder.Length < 4)
        {
            return;
        }

        var a = random.Next(builder.Length / 2);
        var lengthA = random.Next(1, Math.Min(30, builder.Length / 2 - a) + 1);
        var b = random.Next(builder.Length / 2, builder.Length);
        var lengthB = random.Next(1, Math.Min(30, builder.Length - b) + 1);
        var sliceA = builder.ToString(a, lengthA);
        var sliceB = builder.ToString(b, lengthB);
        builder.Remove(b, lengthB).Insert(b, sliceA);
        builder.Remove(a, lengthA).Insert(a, sliceB);
    }

    private static List<(string Name, string Text)> LoadCorpus()
    {
        var corpus = new List<(string, string)>();
        foreach (var folder in new[] { "tests/Baselines", "examples", "stdlib" })
        {
            var full = RepositoryRoot.Combine(folder);
            if (Directory.Exists(full))
            {
                corpus.AddRange(SourceFolder.EnumerateSourceFiles(full).Select(relative => ($"{folder}/{relative}", File.ReadAllText(Path.Combine(full, relative)))));
            }
        }

        var language = File.ReadAllText(RepositoryRoot.Combine("docs/language.md"));
        corpus.AddRange(TwinBlock().Matches(language).Select((match, i) => ($"docs/language.md#{i}", match.Groups["code"].Value)));
        return corpus;
    }

    [GeneratedRegex(@"```twin\n(?<code>.*?)```", RegexOptions.Singleline)]
    private static partial Regex TwinBlock();
}
