using System.Text.RegularExpressions;
using Xunit;

namespace TwinLang.Units;

/// <summary>
/// Every TW2000..TW2049 code has an entry in docs/diagnostics.md, and each entry's example that holds only
/// unit and quantity declarations produces exactly its code (the compiler-wide documentation test covers the
/// examples that need the parser and binder).
/// </summary>
public partial class UnitDiagnosticsDocumentationTests
{
    public static TheoryData<string> DocumentedUnitExamples()
    {
        var data = new TheoryData<string>();
        foreach (var (code, example) in Entries())
        {
            if (example.Split('\n', StringSplitOptions.RemoveEmptyEntries).All(l => l.StartsWith("unit ", StringComparison.Ordinal) || l.StartsWith("quantity ", StringComparison.Ordinal)))
            {
                data.Add(code);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(DocumentedUnitExamples))]
    public void DocumentedExample_BuiltWithStandardLibrary_ProducesExactlyItsCode(string code)
    {
        var example = Entries().Single(e => e.Code == code).Example;

        var (_, diagnostics) = UnitTestContext.BuildWithStandard(example);

        Assert.Equal([code], diagnostics.Select(d => d.Code));
    }

    [Fact]
    public void Catalog_EveryUnitsCode_IsDocumented()
    {
        var documented = Entries().Select(e => e.Code).ToHashSet(StringComparer.Ordinal);
        var source = File.ReadAllText(Path.Combine(UnitTestContext.RepositoryRoot(), "src", "TwinLang.Core", "Diagnostics", "DiagnosticBuilder.Units.cs"));
        var codes = CodeInCatalog().Matches(source).Select(m => m.Groups[1].Value).Distinct().ToList();

        Assert.Equal(12, codes.Count);
        Assert.All(codes, code => Assert.Contains(code, documented));
        Assert.All(codes, code => Assert.InRange(int.Parse(code[2..], System.Globalization.CultureInfo.InvariantCulture), 2000, 2049));
    }

    private static IEnumerable<(string Code, string Example)> Entries()
    {
        var text = File.ReadAllText(Path.Combine(UnitTestContext.RepositoryRoot(), "docs", "diagnostics.md")).ReplaceLineEndings("\n");
        return DocumentationEntry().Matches(text).Select(m => (m.Groups[1].Value, m.Groups[2].Value));
    }

    [GeneratedRegex(@"^### (TW20[0-4]\d): [^\n]*\n(?:(?!###)[^\n]*\n)*?```twin\n(.*?)```", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex DocumentationEntry();

    [GeneratedRegex(@"""(TW\d{4})""")]
    private static partial Regex CodeInCatalog();
}
