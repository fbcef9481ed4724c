using System.Globalization;
using System.Text;
using TwinLang.Binding;
using TwinLang.Compiler.Tests.Binding;
using TwinLang.Diagnostics;
using TwinLang.Parsing;
using TwinLang.Syntax;
using TwinLang.Testing;
using TwinLang.Text;
using Xunit;

namespace TwinLang.Compiler.Tests;

/// <summary>
/// The one golden-file theory (STYLE.md §4): every folder tests/Baselines/&lt;Case&gt;/ with a main.twin is
/// a case, named after its folder so <c>--filter</c> picks one. Each stage adds its outputs here.
/// </summary>
public sealed class BaselineTests
{
    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        var root = Path.Combine(Baseline.RepositoryRoot(), "tests", "Baselines");
        foreach (var folder in Directory.GetDirectories(root).Order(StringComparer.Ordinal))
        {
            if (File.Exists(Path.Combine(folder, "main.twin")))
            {
                data.Add(Path.GetFileName(folder));
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Baseline_Case_MatchesGoldenFiles(string caseName)
    {
        var folder = $"tests/Baselines/{caseName}";
        var path = Path.Combine(Baseline.RepositoryRoot(), "tests", "Baselines", caseName, "main.twin");
        var text = new SourceText(File.ReadAllText(path).ReplaceLineEndings("\n"), "main.twin");
        var tree = TwinParser.Parse(text);
        var model = Binder.Bind([.. RepositoryStandardLibrary.SyntaxTrees, tree]);
        var diagnostics = tree.Diagnostics.Concat(model.Diagnostics.Where(d => ReferenceEquals(d.Source, text))).ToList();

        Baseline.AssertMatches(SyntaxTreePrinter.Print(tree), $"{folder}/main.syntax.txt");
        Baseline.AssertMatches(PrintDiagnostics(text, diagnostics), $"{folder}/main.diagnostics.txt");
        Baseline.AssertMatches(SymbolPrinter.Print(model, tree), $"{folder}/main.symbols.txt");

        if (caseName.StartsWith("Invalid", StringComparison.Ordinal))
        {
            Assert.Contains(diagnostics, d => d.IsError);
        }
        else
        {
            Assert.Empty(diagnostics);
        }

        // Parse → print → parse gives an equal tree, and spans nest.
        Assert.True(SyntaxEquivalence.AreEquivalent(tree.Root, TwinParser.Parse(text).Root));
        foreach (var node in tree.Root.DescendantsAndSelf())
        {
            Assert.All(node.GetChildren(), child => Assert.True(node.Span.Contains(child.Span), $"{child.GetType().Name} {child.Span} is outside {node.GetType().Name} {node.Span}."));
        }
    }

    /// <summary>Each source line, then <c>//@[line:col) TW0003 Error: message</c> for the diagnostics starting on it.</summary>
    internal static string PrintDiagnostics(SourceText text, IEnumerable<Diagnostic> diagnostics)
    {
        var byLine = diagnostics
            .OrderBy(d => d.Span.Start)
            .ThenBy(d => d.Code, StringComparer.Ordinal)
            .GroupBy(d => d.Start.Line)
            .ToDictionary(g => g.Key, g => g.ToList());
        var output = new StringBuilder();
        var lineCount = text.LineStarts.Count;
        for (var line = 0; line < lineCount; line++)
        {
            var isTrailingEmptyLine = line == lineCount - 1 && line > 0 && text.LineStarts[line] == text.Length;
            if (isTrailingEmptyLine && !byLine.ContainsKey(line))
            {
                break;
            }

            output.Append(text.GetLineText(line)).Append('\n');
            foreach (var diagnostic in byLine.GetValueOrDefault(line) ?? [])
            {
                output.Append(CultureInfo.InvariantCulture, $"//@[{diagnostic.Start}) {diagnostic.Code} {diagnostic.Severity}: {diagnostic.Message}\n");
            }
        }

        return output.ToString();
    }
}
