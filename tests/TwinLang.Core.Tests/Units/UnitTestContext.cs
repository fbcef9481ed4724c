using TwinLang.Diagnostics;
using TwinLang.Syntax;
using Xunit;

namespace TwinLang.Units;

/// <summary>Shared setup for unit tests: the standard library's unit system, and systems built from snippets.</summary>
internal static class UnitTestContext
{
    private static readonly Lazy<UnitSystem> StandardSystem = new(() =>
    {
        var diagnostics = new DiagnosticBag();
        var system = UnitSystem.Build(StandardLibraryTrees(), diagnostics);
        Assert.Empty(diagnostics.ToSortedList());
        return system;
    });

    /// <summary>The unit system of <c>stdlib/std/*.twin</c>, which must build without diagnostics.</summary>
    public static UnitSystem Standard => StandardSystem.Value;

    /// <summary>The trees of <c>stdlib/std/units.twin</c> and <c>quantities.twin</c>, units first.</summary>
    public static IReadOnlyList<SyntaxTree> StandardLibraryTrees() =>
        new[] { "units.twin", "quantities.twin" }
            .Select(name => UnitSyntaxReader.File(File.ReadAllText(Path.Combine(RepositoryRoot(), "stdlib", "std", name)), $"std/{name}"))
            .ToList();

    /// <summary>Builds a system from the standard library plus <paramref name="userText"/> and returns its diagnostics.</summary>
    public static (UnitSystem System, IReadOnlyList<Diagnostic> Diagnostics) BuildWithStandard(string userText)
    {
        var diagnostics = new DiagnosticBag();
        var trees = StandardLibraryTrees().Append(UnitSyntaxReader.File(userText, "main.twin"));
        var system = UnitSystem.Build(trees, diagnostics);
        return (system, diagnostics.ToSortedList());
    }

    /// <summary>Builds a system from <paramref name="texts"/> alone (built-in units only) and returns its diagnostics.</summary>
    public static (UnitSystem System, IReadOnlyList<Diagnostic> Diagnostics) Build(params string[] texts)
    {
        var diagnostics = new DiagnosticBag();
        var trees = texts.Select((text, i) => UnitSyntaxReader.File(text, $"file{i}.twin"));
        var system = UnitSystem.Build(trees, diagnostics);
        return (system, diagnostics.ToSortedList());
    }

    /// <summary>The repository root, found by walking up to <c>TwinLang.sln</c>.</summary>
    public static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "TwinLang.sln")))
        {
            directory = directory.Parent;
        }

        Assert.NotNull(directory);
        return directory.FullName;
    }
}
