using System.Text.RegularExpressions;
using TwinLang.Emit.Interfaces;
using TwinLang.Testing;
using Xunit;

namespace TwinLang.Emit.Tests.Interfaces;

/// <summary>
/// Every emission code (TW4xxx) in the catalog has a docs/diagnostics.md entry whose <c>files</c> example,
/// emitted in the format its <c>$ twin emit</c> line names, produces that code. (The CLI's documentation test
/// runs the same examples through <c>twin emit</c>; this one needs no CLI.)
/// </summary>
public partial class EmitDiagnosticsDocumentationTests
{
    public static TheoryData<string> DocumentedEmissionCodes()
    {
        var data = new TheoryData<string>();
        foreach (var (code, _, _) in Entries())
        {
            data.Add(code);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(DocumentedEmissionCodes))]
    public void DocumentedExample_Emitted_ProducesExactlyItsCode(string code)
    {
        var (_, format, source) = Entries().Single(e => e.Code == code);

        var result = InterfaceTestHost.EmitSource(source, format);

        Assert.True(result.Diagnostics.Select(d => d.Code).Distinct().SequenceEqual([code]), $"{code}: got [{string.Join(", ", result.Diagnostics)}]");
        Assert.Equal(code.StartsWith("TW460", StringComparison.Ordinal), result.Documents.Count == 0);
    }

    [Fact]
    public void Catalog_EveryEmissionCode_IsDocumented()
    {
        var catalog = File.ReadAllText(Path.Combine(Baseline.RepositoryRoot(), "src", "TwinLang.Core", "Diagnostics", "DiagnosticBuilder.Emit.cs"));
        var codes = CatalogCode().Matches(catalog).Select(m => m.Groups[1].Value).ToList();

        Assert.NotEmpty(codes);
        Assert.Equal(codes.Count, codes.Distinct().Count());
        Assert.Equal(codes.Order(StringComparer.Ordinal), Entries().Select(e => e.Code).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void ErrorInModel_Emission_WritesNothingAndReportsNothing()
    {
        var result = InterfaceTestHost.EmitSource("asset A {\n  parameter k: Real = 1 m\n}\n");

        Assert.Empty(result.Documents);
        Assert.Empty(result.Diagnostics);
    }

    private static IEnumerable<(string Code, InterfaceFormats Format, string Source)> Entries()
    {
        var text = File.ReadAllText(Path.Combine(Baseline.RepositoryRoot(), "docs", "diagnostics.md")).ReplaceLineEndings("\n");
        foreach (Match match in Entry().Matches(text))
        {
            var format = match.Groups[2].Value switch
            {
                "dtdl" => InterfaceFormats.Dtdl,
                "aas" => InterfaceFormats.Aas,
                "fmi" => InterfaceFormats.Fmi,
                _ => InterfaceFormats.All,
            };
            yield return (match.Groups[1].Value, format, match.Groups[3].Value);
        }
    }

    [GeneratedRegex(@"^### (TW4\d{3}): [^\n]*\n(?:(?!###)[^\n]*\n)*?```files\n\$ twin emit (\w+) main\.twin -o out\n--- main\.twin\n(.*?)```", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex Entry();

    [GeneratedRegex(@"""(TW\d{4})""")]
    private static partial Regex CatalogCode();
}
