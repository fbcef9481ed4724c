using TwinLang.Binding;
using TwinLang.Emit.Interfaces;
using TwinLang.Parsing;
using TwinLang.Syntax;
using TwinLang.Testing;
using TwinLang.Text;

namespace TwinLang.Emit.Tests.Interfaces;

/// <summary>Parses and binds sources with the standard library and emits their interfaces.</summary>
internal static class InterfaceTestHost
{
    private static readonly Lazy<IReadOnlyList<SyntaxTree>> Stdlib = new(() => Load(Path.Combine(Baseline.RepositoryRoot(), "stdlib")));

    public static IReadOnlyList<SyntaxTree> StandardLibrary => Stdlib.Value;

    /// <summary>The example folders (examples/*), by name.</summary>
    public static IEnumerable<string> ExampleNames() =>
        Directory.GetDirectories(Path.Combine(Baseline.RepositoryRoot(), "examples")).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal);

    public static IReadOnlyList<SyntaxTree> LoadExample(string name) => Load(Path.Combine(Baseline.RepositoryRoot(), "examples", name));

    public static SemanticModel Bind(IReadOnlyList<SyntaxTree> trees) => Binder.Bind([.. trees, .. StandardLibrary]);

    public static SemanticModel BindSource(string source) => Bind([TwinParser.Parse(new SourceText(source, "main.twin"))]);

    /// <summary>Emits every asset declared in <paramref name="trees"/> (or the whole standard library when empty).</summary>
    public static InterfaceEmitResult Emit(IReadOnlyList<SyntaxTree> trees, InterfaceFormats formats = InterfaceFormats.All)
    {
        var model = Bind(trees);
        var sources = trees.Count == 0 ? StandardLibrary : trees;
        var assets = sources.SelectMany(t => model.GetDeclaredSymbols(t.Text)).OfType<AssetSymbol>().ToList();
        return InterfaceEmitter.Emit(model, assets, formats);
    }

    public static InterfaceEmitResult EmitSource(string source, InterfaceFormats formats = InterfaceFormats.All) =>
        Emit([TwinParser.Parse(new SourceText(source, "main.twin"))], formats);

    private static IReadOnlyList<SyntaxTree> Load(string folder) =>
        Directory.GetFiles(folder, "*.twin", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .Select(path => TwinParser.Parse(new SourceText(File.ReadAllText(path).ReplaceLineEndings("\n"), Path.GetRelativePath(Baseline.RepositoryRoot(), path).Replace('\\', '/'))))
            .ToList();
}
