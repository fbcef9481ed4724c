using System.Text.RegularExpressions;
using TwinLang.Testing;
using TwinLang.Text;
using Xunit;

namespace TwinLang.Parsing.Tests;

/// <summary>Every parsing code (TW0001–TW0099) is in the catalog once and has a docs/diagnostics.md entry whose example produces exactly it.</summary>
public sealed partial class DiagnosticsDocumentationTests
{
    public static TheoryData<string> DocumentedParsingCodes()
    {
        var data = new TheoryData<string>();
        foreach (var (code, _) in Entries().Where(e => IsParsingCode(e.Code)))
        {
            data.Add(code);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(DocumentedParsingCodes))]
    public void DocumentedExample_Parsed_ProducesExactlyItsCode(string code)
    {
        var example = Entries().Single(e => e.Code == code).Example;
        var tree = TwinParser.Parse(new SourceText(example, "example.twin"));
        Assert.True(tree.Diagnostics.Select(d => d.Code).SequenceEqual([code]), $"{code}: got [{string.Join(", ", tree.Diagnostics)}]");
    }

    [Fact]
    public void Catalog_EveryParsingCode_IsUniqueAndDocumented()
    {
        var source = File.ReadAllText(Path.Combine(Baseline.RepositoryRoot(), "src", "TwinLang.Core", "Diagnostics", "DiagnosticBuilder.Parsing.cs"));
        var codes = CodeInCatalog().Matches(source).Select(m => m.Groups[1].Value).ToList();
        var documented = Entries().Select(e => e.Code).ToList();

        Assert.NotEmpty(codes);
        Assert.Equal(codes.Count, codes.Distinct().Count());
        Assert.All(codes, code => Assert.True(IsParsingCode(code), code));
        Assert.All(codes, code => Assert.Single(documented, d => d == code));
    }

    private static bool IsParsingCode(string code) => string.CompareOrdinal(code, "TW0001") >= 0 && string.CompareOrdinal(code, "TW0099") <= 0;

    private static IEnumerable<(string Code, string Example)> Entries()
    {
        var text = File.ReadAllText(Path.Combine(Baseline.RepositoryRoot(), "docs", "diagnostics.md")).ReplaceLineEndings("\n");
        return DocumentationEntry().Matches(text).Select(m => (m.Groups[1].Value, m.Groups[2].Value));
    }

    [GeneratedRegex(@"^### (TW\d{4}): [^\n]*\n(?:(?!###)[^\n]*\n)*?```twin\n(.*?)```", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex DocumentationEntry();

    [GeneratedRegex(@"""(TW\d{4})""")]
    private static partial Regex CodeInCatalog();
}
