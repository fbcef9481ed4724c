using TwinLang.Parsing;
using TwinLang.Syntax;
using TwinLang.Text;

namespace TwinLang.Compiler.Tests.Binding;

/// <summary>The repository's standard library and root, for tests that compile documentation and baselines.</summary>
internal static class RepositoryStandardLibrary
{
    private static readonly Lazy<IReadOnlyList<SyntaxTree>> Trees = new(() =>
        Directory.GetFiles(Path.Combine(RepositoryRoot(), "stdlib"), "*.twin", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .Select(path => TwinParser.Parse(new SourceText(File.ReadAllText(path).ReplaceLineEndings("\n"), Path.GetRelativePath(RepositoryRoot(), path).Replace('\\', '/'))))
            .ToList());

    /// <summary>The parsed standard library files (parsed once per test run; trees are immutable).</summary>
    public static IReadOnlyList<SyntaxTree> SyntaxTrees => Trees.Value;

    /// <summary>The folder that holds TwinLang.sln.</summary>
    public static string RepositoryRoot() => TwinLang.Testing.Baseline.RepositoryRoot();
}
