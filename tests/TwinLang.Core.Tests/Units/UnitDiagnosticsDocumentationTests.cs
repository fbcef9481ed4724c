using System.Text.RegularExpressions;
using TwinLang.Binding;
using Xunit;

namespace TwinLang.Units;

/// <summary>
/// Every TW2000..TW2049 code has an entry in docs/diagnostics.md, and each entry's example produces exactly
/// its code with the standard library (the compiler-wide documentation test checks the same through the binder).
/// </summary>
public partial class UnitDiagnosticsDocumentationTests
{
    public static TheoryData<string> DocumentedUnitCodes()
    {
        var data = new TheoryData<string>();
        foreach (var (code, _) in Entries())
        {
            data.Add(code);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(DocumentedUnitCodes))]
    public void DocumentedExample_BoundWithStandardLibrary_ProducesExactlyItsCode(string code)
    {
        var example = Entries().Single(e => e.Code == code).Example;
        var tree = UnitTestContext.Parse(example, "main.twin");

        var model = Binder.Bind([.. UnitTestContext.StandardLibraryTrees(), tree]);

        Assert.Equal([code], model.Diagnostics.Select(d => d.Code));
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
