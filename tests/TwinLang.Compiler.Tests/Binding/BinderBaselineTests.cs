using System.Globalization;
using System.Text;
using TwinLang.Binding;
using TwinLang.Diagnostics;
using TwinLang.Parsing;
using TwinLang.Text;
using Xunit;

namespace TwinLang.Compiler.Tests.Binding;

/// <summary>
/// Golden cases of the binder: every <c>tests/Baselines/&lt;Case&gt;/main.twin</c> whose case name starts with
/// <c>Binding_</c>, <c>Invalid_Names_</c>, <c>Invalid_Units_</c> or <c>Invalid_Equations_</c> is parsed and bound with
/// the standard library; <c>main.diagnostics.txt</c> (syntax and binder diagnostics) and <c>main.symbols.txt</c>
/// repeat each source line followed by its records. <c>TWINLANG_UPDATE_BASELINES=1</c> writes them instead.
/// TODO(baselines): fold into the compiler-wide baseline theory once it lands, so one theory runs every case.
/// </summary>
public class BinderBaselineTests
{
    private static readonly string[] Prefixes = ["Binding_", "Invalid_Names_", "Invalid_Units_", "Invalid_Equations_"];

    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        var root = Path.Combine(StandardLibrary.RepositoryRoot(), "tests", "Baselines");
        foreach (var directory in Directory.Exists(root) ? Directory.GetDirectories(root).Order(StringComparer.Ordinal).ToArray() : [])
        {
            var name = Path.GetFileName(directory);
            if (Prefixes.Any(p => name.StartsWith(p, StringComparison.Ordinal)) && File.Exists(Path.Combine(directory, "main.twin")))
            {
                data.Add(name);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Case_MatchesBaselines(string name)
    {
        var folder = Path.Combine("tests", "Baselines", name);
        var text = File.ReadAllText(Path.Combine(StandardLibrary.RepositoryRoot(), folder, "main.twin")).ReplaceLineEndings("\n");
        var tree = TwinParser.Parse(new SourceText(text, "main.twin"));
        var model = Binder.Bind([.. StandardLibrary.SyntaxTrees, tree]);
        var diagnostics = tree.Diagnostics.Concat(model.Diagnostics.Where(d => ReferenceEquals(d.Source, tree.Text))).ToList();

        if (name.StartsWith("Invalid_", StringComparison.Ordinal))
        {
            Assert.Contains(diagnostics, d => d.IsError);
        }
        else
        {
            Assert.Empty(diagnostics);
        }

        AssertMatches(PrintDiagnostics(tree.Text, diagnostics), Path.Combine(folder, "main.diagnostics.txt"));
        AssertMatches(SymbolPrinter.Print(model, tree), Path.Combine(folder, "main.symbols.txt"));
    }

    /// <summary>Each source line, then <c>//@[line:col) CODE Severity: message</c> for diagnostics starting on it (1-based).</summary>
    internal static string PrintDiagnostics(SourceText text, IEnumerable<Diagnostic> diagnostics)
    {
        var byLine = diagnostics
            .OrderBy(d => d.Span.Start).ThenBy(d => d.Code, StringComparer.Ordinal)
            .GroupBy(d => d.Start.Line)
            .ToDictionary(g => g.Key, g => g.ToList());
        var output = new StringBuilder();
        var lineCount = text.LineStarts.Count;
        for (var line = 0; line < lineCount; line++)
        {
            if (line == lineCount - 1 && line > 0 && text.LineStarts[line] == text.Length && !byLine.ContainsKey(line))
            {
                break;
            }

            output.Append(text.GetLineText(line)).Append('\n');
            foreach (var diagnostic in byLine.GetValueOrDefault(line) ?? [])
            {
                output.Append(CultureInfo.InvariantCulture, $"//@[{diagnostic.Start.Line + 1}:{diagnostic.Start.Column + 1}) {diagnostic.Code} {diagnostic.Severity}: {diagnostic.Message}\n");
            }
        }

        return output.ToString();
    }

    private static void AssertMatches(string actual, string relativePath)
    {
        var path = Path.Combine(StandardLibrary.RepositoryRoot(), relativePath);
        actual = actual.ReplaceLineEndings("\n");
        if (!actual.EndsWith('\n'))
        {
            actual += "\n";
        }

        if (Environment.GetEnvironmentVariable("TWINLANG_UPDATE_BASELINES") == "1")
        {
            File.WriteAllText(path, actual);
            return;
        }

        var expected = File.Exists(path) ? File.ReadAllText(path).ReplaceLineEndings("\n") : string.Empty;
        if (expected == actual)
        {
            return;
        }

        var expectedLines = expected.Split('\n');
        var actualLines = actual.Split('\n');
        var first = Enumerable.Range(0, Math.Max(expectedLines.Length, actualLines.Length))
            .First(i => i >= expectedLines.Length || i >= actualLines.Length || expectedLines[i] != actualLines[i]);
        Assert.Fail(
            $"{relativePath} differs at line {first + 1}:\n" +
            $"  expected: {(first < expectedLines.Length ? expectedLines[first] : "<end>")}\n" +
            $"  actual:   {(first < actualLines.Length ? actualLines[first] : "<end>")}\n" +
            "Accept with: TWINLANG_UPDATE_BASELINES=1 dotnet test tests/TwinLang.Compiler.Tests --filter BinderBaselineTests");
    }
}
