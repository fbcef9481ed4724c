using System.Collections.Immutable;
using TwinLang.Diagnostics;
using TwinLang.Syntax;
using TwinLang.Text;

namespace TwinLang.Binding;

/// <summary>
/// Builds the semantic model of a set of files: declares every symbol, resolves names across files and
/// packages, types every expression with its dimension, and checks equations, couplings, assimilations and
/// scenarios. Phases run in order over all files (declare, resolve types, bind bodies), so no declaration
/// order matters and every lookup is a dictionary hit (no quadratic scans).
/// </summary>
public sealed partial class Binder
{
    private readonly IReadOnlyList<SyntaxTree> _trees;
    private readonly DiagnosticBag _diagnostics = new();
    private readonly Dictionary<string, PackageSymbol> _packages = new(StringComparer.Ordinal);
    private readonly List<FileContext> _files = [];
    private readonly Dictionary<Symbol, FileContext> _fileOf = [];
    private readonly SemanticModelBuilder _model = new();

    private Binder(IReadOnlyList<SyntaxTree> trees) => _trees = trees;

    /// <summary>
    /// Binds <paramref name="trees"/> (user files, the standard library and library files) into one model.
    /// Never throws on any syntax tree; a compiler bug surfaces as TW9001.
    /// </summary>
    public static SemanticModel Bind(IReadOnlyList<SyntaxTree> trees)
    {
        ArgumentNullException.ThrowIfNull(trees);
        var binder = new Binder(trees);
        try
        {
            binder.Run();
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            var source = trees.Count > 0 ? trees[0].Text : new SourceText(string.Empty);
            binder._diagnostics.Add(DiagnosticCatalog.At(source, new TextSpan(0, 0)).InternalError("binding", exception.Message));
        }

        return binder._model.Build(binder._trees, binder._packages, binder._diagnostics.ToSortedList(), binder._constantCache);
    }

    private void Run()
    {
        foreach (var tree in _trees)
        {
            DeclareFile(tree);
        }

        foreach (var file in _files)
        {
            ResolveImports(file);
        }

        BuildUnitRegistry();
        foreach (var file in _files)
        {
            ResolveSignatures(file);
        }

        CheckInheritanceCycles();
        foreach (var file in _files)
        {
            ApplyArraySizes(file);
        }

        CheckRecursiveComposition();
        foreach (var file in _files)
        {
            BindBodies(file);
        }

        CheckAssets();

        // Every parameter and constant with a constant default gets its value, for lowering and hovers.
        foreach (var (_, type) in AllStructuredTypes())
        {
            foreach (var variable in type.OwnMembers.OfType<VariableSymbol>())
            {
                GetConstantValue(variable);
            }
        }
    }

    private void Report(Diagnostic diagnostic) => _diagnostics.Add(diagnostic);

    private static DiagnosticBuilder At(FileContext file, TextSpan span) => DiagnosticCatalog.At(file.Source, span);

    private static string Describe(SymbolLocation location)
    {
        var position = location.Source.GetLinePosition(location.Span.Start);
        var path = location.Source.Path.Length > 0 ? location.Source.Path : "<input>";
        return $"{path}({position.Line + 1},{position.Column + 1})";
    }

    private static SymbolLocation LocationOf(FileContext file, NameSyntax name) => new(file.Source, name.Span);
}

/// <summary>What the binder knows about one file: its package and what its imports bring into scope.</summary>
internal sealed class FileContext
{
    public FileContext(SyntaxTree tree, PackageSymbol package)
    {
        Tree = tree;
        Package = package;
    }

    public SyntaxTree Tree { get; }

    public SourceText Source => Tree.Text;

    public PackageSymbol Package { get; }

    /// <summary>Single-declaration imports and aliases by the name they bring in.</summary>
    public Dictionary<string, Symbol> Imported { get; } = new(StringComparer.Ordinal);

    /// <summary>Packages imported with <c>.*</c>, in import order.</summary>
    public List<PackageSymbol> Wildcards { get; } = [];

    /// <summary>The prelude packages (std.units, std.quantities) that exist in this compilation.</summary>
    public List<PackageSymbol> Prelude { get; } = [];

    public ImmutableArray<DeclarationSyntax> Declarations => Tree.Root.Members;

    /// <summary>Every name visible at file level, for did-you-mean and completion.</summary>
    public IEnumerable<Symbol> VisibleGlobals() =>
        Package.Members.Values
            .Concat(Imported.Values)
            .Concat(Wildcards.SelectMany(p => p.Members.Values))
            .Concat(Prelude.SelectMany(p => p.Members.Values))
            .Concat(BuiltinTypeSymbol.All);
}
