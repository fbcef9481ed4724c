using TwinLang.Compiler.Tests;
using TwinLang.Parsing;
using TwinLang.Syntax;
using TwinLang.Text;
using Xunit;

namespace TwinLang.Formatting;

/// <summary>
/// Every <c>.twin</c> file the repository ships (golden cases, examples, the standard library) survives
/// formatting: the output parses to an equivalent tree, formatting it again changes nothing, and every
/// comment comes through with its text.
/// </summary>
public sealed class FormatterCorpusTests
{
    public static TheoryData<string> Files() => ToTheoryData(CorpusPaths());

    /// <summary>The examples are shipped in canonical layout, so formatting leaves them byte for byte alone.</summary>
    public static TheoryData<string> ExampleFiles() => ToTheoryData(CorpusPaths().Where(p => p.StartsWith("examples/", StringComparison.Ordinal)));

    [Theory]
    [MemberData(nameof(Files))]
    public void Format_CorpusFile_ReparsesToEquivalentTree(string path)
    {
        if (Parse(path) is not { } tree)
        {
            return;
        }

        var formatted = TwinParser.Parse(new SourceText(TwinFormatter.Format(tree), path));
        Assert.Empty(formatted.Diagnostics);
        Assert.True(SyntaxEquivalence.AreEquivalent(tree.Root, formatted.Root), $"Formatting changed the syntax tree of '{path}'.");
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Format_CorpusFile_IsIdempotent(string path)
    {
        if (Parse(path) is not { } tree)
        {
            return;
        }

        var once = TwinFormatter.Format(tree);
        var twice = TwinFormatter.Format(TwinParser.Parse(new SourceText(once, path)));
        Assert.Equal(once, twice);
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Format_CorpusFile_KeepsEveryComment(string path)
    {
        if (Parse(path) is not { } tree)
        {
            return;
        }

        var formatted = TwinParser.Parse(new SourceText(TwinFormatter.Format(tree), path));
        Assert.Equal(CommentTokens.Of(tree), CommentTokens.Of(formatted));
    }

    [Theory]
    [MemberData(nameof(ExampleFiles))]
    public void Format_ExampleFile_IsAlreadyCanonical(string path)
    {
        var tree = Parse(path) ?? throw new InvalidOperationException("Examples never have syntax errors.");
        Assert.Equal(tree.Text.Text.Replace("\r\n", "\n", StringComparison.Ordinal), TwinFormatter.Format(tree));
    }

    [Fact]
    public void Files_Repository_IncludesExamplesAndStandardLibrary()
    {
        var files = CorpusPaths();
        Assert.Contains(files, f => f.StartsWith("examples/", StringComparison.Ordinal));
        Assert.Contains(files, f => f.StartsWith("stdlib/", StringComparison.Ordinal));
    }

    private static TheoryData<string> ToTheoryData(IEnumerable<string> paths)
    {
        var data = new TheoryData<string>();
        foreach (var path in paths)
        {
            data.Add(path);
        }

        return data;
    }

    /// <summary>Repository-relative paths of the shipped <c>.twin</c> files, in ordinal order.</summary>
    private static List<string> CorpusPaths()
    {
        var root = RepositoryRoot.Path;
        var paths = new List<string>();
        foreach (var folder in new[] { "tests/Baselines", "examples", "stdlib" })
        {
            var directory = Path.Combine(root, folder);
            if (Directory.Exists(directory))
            {
                paths.AddRange(Directory.EnumerateFiles(directory, "*.twin", SearchOption.AllDirectories)
                    .Select(file => Path.GetRelativePath(root, file).Replace('\\', '/')));
            }
        }

        paths.Sort(StringComparer.Ordinal);
        return paths;
    }

    /// <summary>The parsed file, or null for a deliberately broken golden case (the formatter refuses those).</summary>
    private static SyntaxTree? Parse(string path)
    {
        var text = File.ReadAllText(Path.Combine(RepositoryRoot.Path, path));
        var tree = TwinParser.Parse(new SourceText(text, path));
        if (!tree.Diagnostics.Any(d => d.IsError))
        {
            return tree;
        }

        Assert.True(path.StartsWith("tests/Baselines/", StringComparison.Ordinal), $"'{path}' has syntax errors: {tree.Diagnostics.First(d => d.IsError).Message}");
        return null;
    }
}
