using TwinLang.Text;
using Xunit;

namespace TwinLang.Compiler.Tests.Examples;

/// <summary>
/// The shipped examples and model libraries compile without a single diagnostic against the repository's
/// standard library, so a language change that breaks them fails here rather than in a user's first try.
/// </summary>
public sealed class ExampleCompilationTests
{
    private static readonly Lazy<StandardLibrary> RepositoryStandardLibrary = new(() => StandardLibrary.Load(RepositoryRoot.Combine(StandardLibrary.FolderName)));

    public static TheoryData<string> ExampleFolders()
    {
        var data = new TheoryData<string>();
        foreach (var folder in Directory.GetDirectories(RepositoryRoot.Combine("examples")).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(folder));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ExampleFolders))]
    public void Compile_ExampleFolder_HasNoDiagnostics(string example)
    {
        var folder = RepositoryRoot.Combine(Path.Combine("examples", example));
        var sources = Directory.GetFiles(folder, "*.twin").Order(StringComparer.Ordinal)
            .Select(file => new SourceText(File.ReadAllText(file), Path.GetRelativePath(RepositoryRoot.Path, file).Replace('\\', '/')))
            .ToList();

        var compilation = Compilation.Create(sources, RepositoryStandardLibrary.Value);

        Assert.NotEmpty(sources);
        Assert.Empty(compilation.Diagnostics.Select(Describe));
    }

    [Fact]
    public void Compile_StandardLibraryAlone_HasNoDiagnostics()
    {
        var compilation = Compilation.Create([], RepositoryStandardLibrary.Value);

        Assert.Contains(compilation.AllSyntaxTrees, tree => tree.Text.Path.EndsWith("electrical.twin", StringComparison.Ordinal));
        Assert.Empty(RepositoryStandardLibrary.Value.LoadDiagnostics.Concat(compilation.Diagnostics).Select(Describe));
    }

    [Fact]
    public void Compile_ExampleWithAnError_ReportsIt()
    {
        var broken = new SourceText("import std.electrical.*\nasset A {\n  component r: Resistor(r = 1 V)\n}\n", "broken.twin");

        var compilation = Compilation.Create([broken], RepositoryStandardLibrary.Value);

        Assert.Contains(compilation.Diagnostics, d => d.IsError && d.Source.Path == "broken.twin");
    }

    private static string Describe(Diagnostics.Diagnostic d) =>
        $"{d.Source.Path}({d.Source.GetLinePosition(d.Span.Start).Line + 1}): {d.Code} {d.Message}";
}
