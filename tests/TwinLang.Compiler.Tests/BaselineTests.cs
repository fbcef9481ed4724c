using System.Globalization;
using System.Text;
using TwinLang.Binding;
using TwinLang.Compiler.Tests.Binding;
using TwinLang.Diagnostics;
using TwinLang.Formatting;
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
        var outputs = CaseOutputs.Compute(text);

        Baseline.AssertMatches(outputs.Syntax, $"{folder}/main.syntax.txt");
        Baseline.AssertMatches(outputs.Diagnostics, $"{folder}/main.diagnostics.txt");
        Baseline.AssertMatches(outputs.Symbols, $"{folder}/main.symbols.txt");

        if (caseName.StartsWith("Invalid", StringComparison.Ordinal))
        {
            Assert.Contains(outputs.DiagnosticList, d => d.IsError);
        }
        else
        {
            Assert.Empty(outputs.DiagnosticList);
        }

        AssertRoundTrips(outputs.Tree);
        AssertSpansNest(outputs.Tree);
        AssertCultureChangesNothing(text, outputs);
    }

    /// <summary>
    /// Parse → print → parse gives an equivalent tree. A clean tree is printed by the formatter; a broken one
    /// (which the formatter refuses) by its tokens with every same-line gap cut to one space.
    /// </summary>
    private static void AssertRoundTrips(SyntaxTree tree)
    {
        var hasSyntaxErrors = tree.Diagnostics.Any(d => d.IsError);
        var printed = hasSyntaxErrors ? PrintTokens(tree) : TwinFormatter.Format(tree);
        var reparsed = TwinParser.Parse(new SourceText(printed, tree.Text.Path));

        Assert.True(SyntaxEquivalence.AreEquivalent(tree.Root, reparsed.Root), $"The printed case parses to another tree:\n{printed}");
        Assert.Equal(tree.Diagnostics.Select(d => d.Code), reparsed.Diagnostics.Select(d => d.Code));
    }

    private static string PrintTokens(SyntaxTree tree)
    {
        var source = tree.Text.Text;
        var output = new StringBuilder();
        var end = 0;
        foreach (var token in tree.Tokens)
        {
            var gap = source[end..token.Span.Start];
            output.Append(gap.Contains('\n', StringComparison.Ordinal) || gap.Length == 0 ? gap : " ");
            output.Append(token.Text);
            end = token.Span.End;
        }

        return output.Append(source[end..]).ToString();
    }

    private static void AssertSpansNest(SyntaxTree tree)
    {
        foreach (var node in tree.Root.DescendantsAndSelf())
        {
            Assert.All(node.GetChildren(), child => Assert.True(node.Span.Contains(child.Span), $"{child.GetType().Name} {child.Span} is outside {node.GetType().Name} {node.Span}."));
        }
    }

    /// <summary>Parsing, binding, printing and formatting under fr-FR (decimal comma) give the same text.</summary>
    private static void AssertCultureChangesNothing(SourceText text, CaseOutputs expected)
    {
        var previous = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CaseOutputs french;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("fr-FR");
            french = CaseOutputs.Compute(text);
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = previous;
        }

        Assert.Equal(expected.Syntax, french.Syntax);
        Assert.Equal(expected.Diagnostics, french.Diagnostics);
        Assert.Equal(expected.Symbols, french.Symbols);
        Assert.Equal(expected.Formatted, french.Formatted);
    }

    private sealed record CaseOutputs(SyntaxTree Tree, IReadOnlyList<Diagnostic> DiagnosticList, string Syntax, string Diagnostics, string Symbols, string? Formatted)
    {
        public static CaseOutputs Compute(SourceText text)
        {
            var tree = TwinParser.Parse(text);
            var model = Binder.Bind([.. RepositoryStandardLibrary.SyntaxTrees, tree]);
            var diagnostics = tree.Diagnostics.Concat(model.Diagnostics.Where(d => ReferenceEquals(d.Source, text))).ToList();
            var formatted = tree.Diagnostics.Any(d => d.IsError) ? null : TwinFormatter.Format(tree);
            return new CaseOutputs(tree, diagnostics, SyntaxTreePrinter.Print(tree), PrintDiagnostics(text, diagnostics), SymbolPrinter.Print(model, tree), formatted);
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
