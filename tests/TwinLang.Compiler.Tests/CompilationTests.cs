using TwinLang.Diagnostics;
using TwinLang.Text;
using Xunit;

namespace TwinLang.Compiler.Tests;

public sealed class CompilationTests
{
    [Fact]
    public void Create_InMemoryTexts_ParsesEachFileOnceAndCachesTrees()
    {
        var compilation = Compilation.Create([new SourceText("asset A {}\n", "a.twin"), new SourceText("asset B {}\n", "b.twin")], StandardLibrary.Empty);

        var first = compilation.SyntaxTrees;
        var second = compilation.SyntaxTrees;

        Assert.Equal(["a.twin", "b.twin"], first.Select(t => t.Text.Path));
        Assert.Same(first[0], second[0]);
        Assert.Same(first[1], compilation.GetSyntaxTree("b.twin"));
        Assert.Null(compilation.GetSyntaxTree("c.twin"));
    }

    [Fact]
    public void WithSource_ChangedFile_ReusesOtherFilesTrees()
    {
        var compilation = Compilation.Create([new SourceText("asset A {}\n", "a.twin"), new SourceText("asset B {}\n", "b.twin")], StandardLibrary.Empty);
        var before = compilation.SyntaxTrees;

        var edited = compilation.WithSource(new SourceText("asset B2 {}\n", "b.twin"));

        Assert.Same(before[0], edited.SyntaxTrees[0]);
        Assert.Equal("asset B2 {}\n", edited.SyntaxTrees[1].Text.Text);
        Assert.Equal(2, edited.Sources.Length);
        Assert.Equal(3, edited.WithSource(new SourceText("", "c.twin")).Sources.Length);
        Assert.Equal(["a.twin"], edited.RemoveSource("b.twin").Sources.Select(s => s.Path));
    }

    [Fact]
    public void Diagnostics_FromSeveralFiles_AreSortedByPathThenOffset()
    {
        var load = new[]
        {
            DiagnosticCatalog.At(new SourceText("", "z.twin"), default).FileNotFound("z.twin"),
            DiagnosticCatalog.At(new SourceText("abc", "a.twin"), new TextSpan(2, 1)).InvalidUtf8(2),
            DiagnosticCatalog.At(new SourceText("abc", "a.twin"), new TextSpan(0, 1)).InvalidUtf8(0),
        };

        var compilation = Compilation.Create([], StandardLibrary.Empty, loadDiagnostics: load);

        Assert.Equal([("a.twin", 0), ("a.twin", 2), ("z.twin", 0)], compilation.Diagnostics.Select(d => (d.Path, d.Span.Start)));
        Assert.True(compilation.HasErrors);
    }

    [Fact]
    public void SemanticModel_WithStandardLibrary_IsBoundOnceAndSeesTheStandardUnits()
    {
        var compilation = Compilation.Create([new SourceText("asset Tank {\n  parameter volume: Volume = 2 m^3\n}\n", "main.twin")]);

        var model = compilation.SemanticModel;

        Assert.NotNull(model);
        Assert.Same(model, compilation.SemanticModel);
        Assert.Empty(compilation.Diagnostics);
        Assert.Contains(model.Assets, a => a.Name == "Tank");
    }

    [Fact]
    public void Diagnostics_SyntaxAndBindingErrors_AreBothReportedInOrder()
    {
        const string source = "asset Tank {\n  parameter volume: Volume = 2 m\n  parameter level: Length = \n}\n";

        var compilation = Compilation.Create([new SourceText(source, "main.twin")]);

        var codes = compilation.Diagnostics.Select(d => d.Code).ToList();
        Assert.Contains(codes, c => c.StartsWith("TW0", StringComparison.Ordinal));
        Assert.Contains(codes, c => c.StartsWith("TW2", StringComparison.Ordinal));
        Assert.Equal(compilation.Diagnostics.OrderBy(d => d.Span.Start).Select(d => d.Code), codes);
    }

    [Fact]
    public void Create_StandardLibraryFolder_CompilesItsFilesWithTheirPaths()
    {
        var folder = Directory.CreateTempSubdirectory("twin-std-").FullName;
        try
        {
            Directory.CreateDirectory(Path.Combine(folder, "std"));
            File.WriteAllBytes(Path.Combine(folder, "std", "units.twin"), [.. "// "u8, 0xFF]);
            File.WriteAllText(Path.Combine(folder, "std", "a.twin"), "");
            var library = StandardLibrary.Load(folder);

            var compilation = Compilation.Create([new SourceText("", "main.twin")], library);

            Assert.Equal([Path.Combine(folder, "std", "a.twin"), Path.Combine(folder, "std", "units.twin")], library.Sources.Select(s => s.Path));
            Assert.Equal(3, compilation.AllSyntaxTrees.Length);
            var diagnostic = Assert.Single(compilation.Diagnostics);
            Assert.Equal(("TW5003", Path.Combine(folder, "std", "units.twin")), (diagnostic.Code, diagnostic.Path));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Create_SourcesDeclaringAStandardPackage_ReplaceTheBundledFilesOfThatPackage()
    {
        var bundled = StandardLibrary.Default;
        var copies = bundled.Sources.Select(s => new SourceText(s.Text, "workspace/" + Path.GetFileName(s.Path))).ToList();

        var compilation = Compilation.Create(copies);

        Assert.NotEmpty(copies);
        Assert.Empty(compilation.Diagnostics);
        Assert.Equal(copies.Select(c => c.Path), compilation.AllSyntaxTrees.Select(t => t.Text.Path));
    }

    [Fact]
    public void Create_SourceDeclaringOneStandardPackage_KeepsTheOtherBundledPackages()
    {
        var math = Assert.Single(StandardLibrary.Default.Sources, s => s.Path.EndsWith("math.twin", StringComparison.Ordinal));
        var copy = new SourceText(math.Text, "workspace/math.twin");

        var compilation = Compilation.Create([copy]);

        Assert.Empty(compilation.Diagnostics);
        Assert.DoesNotContain(compilation.AllSyntaxTrees, t => ReferenceEquals(t.Text, math));
        Assert.Equal(StandardLibrary.Default.Sources.Length, compilation.AllSyntaxTrees.Length);
    }

    [Fact]
    public void Default_StandardLibrary_IsFoundNextToTheAssemblies()
    {
        var library = StandardLibrary.Default;

        Assert.Equal(Path.Combine(AppContext.BaseDirectory, "stdlib"), library.Folder);
        Assert.All(library.Sources, s => Assert.StartsWith(library.Folder, s.Path, StringComparison.Ordinal));
        Assert.Equal(Directory.Exists(RepositoryRoot.Combine("stdlib")), library.Sources.Length > 0);
    }
}
