using System.Globalization;
using System.Text.RegularExpressions;
using TwinLang.Binding;
using TwinLang.Parsing;
using TwinLang.Text;
using Xunit;

namespace TwinLang.Compiler.Tests.Binding;

/// <summary>
/// Every binder code (TW1000..TW1999, TW2050..TW2999, TW3000..TW3099) has a docs/diagnostics.md entry whose
/// example, parsed and bound with the standard library, produces exactly that code.
/// </summary>
public partial class BinderDiagnosticsDocumentationTests
{
    public static TheoryData<string> DocumentedBinderCodes()
    {
        var data = new TheoryData<string>();
        foreach (var (code, _) in Entries().Where(e => IsBinderCode(e.Code)))
        {
            data.Add(code);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(DocumentedBinderCodes))]
    public void DocumentedExample_WithStandardLibrary_ProducesExactlyItsCode(string code)
    {
        var example = Entries().Single(e => e.Code == code).Example;
        var tree = TwinParser.Parse(new SourceText(example, "example.twin"));
        var model = Binder.Bind([.. RepositoryStandardLibrary.SyntaxTrees, tree]);

        var codes = tree.Diagnostics.Concat(model.Diagnostics).Select(d => d.Code).ToList();
        Assert.True(codes.SequenceEqual([code]), $"{code}: got [{string.Join(", ", tree.Diagnostics.Concat(model.Diagnostics))}]");
    }

    [Fact]
    public void StandardLibrary_BindsWithoutDiagnostics()
    {
        var model = Binder.Bind(RepositoryStandardLibrary.SyntaxTrees);

        Assert.Empty(model.Diagnostics);
    }

    [Fact]
    public void Catalog_EveryBinderCode_IsUniqueAndDocumented()
    {
        var documented = Entries().Select(e => e.Code).ToList();
        var codes = new List<string>();
        foreach (var phase in new[] { "Names", "Types", "Equations" })
        {
            var source = File.ReadAllText(Path.Combine(RepositoryStandardLibrary.RepositoryRoot(), "src", "TwinLang.Core", "Diagnostics", $"DiagnosticBuilder.{phase}.cs"));
            codes.AddRange(CodeInCatalog().Matches(source).Select(m => m.Groups[1].Value));
        }

        Assert.Equal(codes.Count, codes.Distinct().Count());
        Assert.All(codes, code => Assert.True(IsBinderCode(code), code));
        Assert.All(codes, code => Assert.Single(documented, d => d == code));
    }

    private static bool IsBinderCode(string code)
    {
        var number = int.Parse(code[2..], CultureInfo.InvariantCulture);
        return number is (>= 1000 and <= 1999) or (>= 2050 and <= 2999) or (>= 3000 and <= 3099);
    }

    private static IEnumerable<(string Code, string Example)> Entries()
    {
        var text = File.ReadAllText(Path.Combine(RepositoryStandardLibrary.RepositoryRoot(), "docs", "diagnostics.md")).ReplaceLineEndings("\n");
        return DocumentationEntry().Matches(text).Select(m => (m.Groups[1].Value, m.Groups[2].Value));
    }

    [GeneratedRegex(@"^### (TW\d{4}): [^\n]*\n(?:(?!###)[^\n]*\n)*?```twin\n(.*?)```", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex DocumentationEntry();

    [GeneratedRegex(@"""(TW\d{4})""")]
    private static partial Regex CodeInCatalog();
}
