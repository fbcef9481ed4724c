using TwinLang.Diagnostics;
using TwinLang.Parsing;
using TwinLang.Syntax;
using TwinLang.Text;
using Xunit;

namespace TwinLang.Units;

/// <summary>
/// Shared setup for unit tests: the standard library's unit system, systems built from snippets, and unit
/// expressions and literals read with the real parser (each snippet must parse without diagnostics).
/// </summary>
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

    /// <summary>The parsed <c>stdlib/std/*.twin</c>: <c>units.twin</c> and <c>quantities.twin</c> first, then the rest in ordinal order.</summary>
    public static IReadOnlyList<SyntaxTree> StandardLibraryTrees()
    {
        var directory = Path.Combine(RepositoryRoot(), "stdlib", "std");
        string[] prelude = ["units.twin", "quantities.twin"];
        var rest = Directory.GetFiles(directory, "*.twin")
            .Select(Path.GetFileName)
            .OfType<string>()
            .Where(name => !prelude.Contains(name))
            .Order(StringComparer.Ordinal);
        return prelude.Concat(rest)
            .Select(name => Parse(File.ReadAllText(Path.Combine(directory, name)), $"std/{name}"))
            .ToList();
    }

    /// <summary>Builds a system from the standard library plus <paramref name="userText"/> and returns its diagnostics.</summary>
    public static (UnitSystem System, IReadOnlyList<Diagnostic> Diagnostics) BuildWithStandard(string userText)
    {
        var diagnostics = new DiagnosticBag();
        var trees = StandardLibraryTrees().Append(Parse(userText, "main.twin"));
        var system = UnitSystem.Build(trees, diagnostics);
        return (system, diagnostics.ToSortedList());
    }

    /// <summary>Builds a system from <paramref name="texts"/> alone (built-in units only) and returns its diagnostics.</summary>
    public static (UnitSystem System, IReadOnlyList<Diagnostic> Diagnostics) Build(params string[] texts)
    {
        var diagnostics = new DiagnosticBag();
        var trees = texts.Select((text, i) => Parse(text, $"file{i}.twin"));
        var system = UnitSystem.Build(trees, diagnostics);
        return (system, diagnostics.ToSortedList());
    }

    /// <summary>The unit expression <paramref name="unit"/>, read as the display unit of a parameter.</summary>
    public static (SourceText Source, UnitExpressionSyntax Unit) ParseUnit(string unit)
    {
        var tree = Parse($"asset T {{ parameter p: Real(unit = {unit}) }}", "snippet.twin");
        return (tree.Text, tree.Root.DescendantsAndSelf().OfType<UnitModifierSyntax>().Single().Unit);
    }

    /// <summary>The number literal <paramref name="literal"/> (<c>25 degC</c>), read as a parameter's value.</summary>
    public static (SourceText Source, NumberLiteralSyntax Literal) ParseLiteral(string literal)
    {
        var tree = Parse($"asset T {{ parameter p: Real = {literal} }}", "snippet.twin");
        return (tree.Text, tree.Root.DescendantsAndSelf().OfType<NumberLiteralSyntax>().Single());
    }

    /// <summary>The repository root (the shared test helper finds it).</summary>
    public static string RepositoryRoot() => TwinLang.Testing.Baseline.RepositoryRoot();

    /// <summary>Parses <paramref name="text"/>, which must have no syntax diagnostics.</summary>
    public static SyntaxTree Parse(string text, string path)
    {
        var tree = TwinParser.Parse(new SourceText(text, path));
        Assert.Empty(tree.Diagnostics);
        return tree;
    }
}
