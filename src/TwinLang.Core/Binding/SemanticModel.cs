using TwinLang.Diagnostics;
using TwinLang.Syntax;
using TwinLang.Text;

namespace TwinLang.Binding;

/// <summary>
/// The result of binding: every symbol, the type of every expression, every name occurrence and the
/// diagnostics. Query structures for the language server (position lookups, references) are built on first
/// use and cached, since the server rebuilds the model on every edit but asks only a few questions.
/// </summary>
public sealed class SemanticModel
{
    private readonly List<SymbolReference> _references;
    private readonly Dictionary<ExpressionSyntax, TwinType> _types;
    private readonly List<FileContext> _files;
    private readonly Dictionary<VariableSymbol, ConstantValue?> _constants;
    private readonly Dictionary<NumberLiteralSyntax, ConstantValue> _literals;
    private readonly Dictionary<AssetSymbol, BoundAssetBody> _bodies = [];
    private Dictionary<SourceText, SymbolReference[]>? _referencesBySource;
    private Dictionary<Symbol, List<SymbolReference>>? _referencesBySymbol;

    internal SemanticModel(
        IReadOnlyList<SyntaxTree> trees,
        IReadOnlyList<PackageSymbol> packages,
        IReadOnlyList<Diagnostic> diagnostics,
        List<SymbolReference> references,
        Dictionary<ExpressionSyntax, TwinType> types,
        List<FileContext> files,
        Dictionary<VariableSymbol, ConstantValue?> constants,
        Dictionary<NumberLiteralSyntax, ConstantValue> literals)
    {
        _constants = constants;
        _literals = literals;
        Trees = trees;
        Packages = packages;
        Diagnostics = diagnostics;
        _references = references;
        _types = types;
        _files = files;
    }

    /// <summary>The trees that were bound, in the order given.</summary>
    public IReadOnlyList<SyntaxTree> Trees { get; }

    /// <summary>Every package, by name (ordinal); the unnamed package of a folder has the empty name.</summary>
    public IReadOnlyList<PackageSymbol> Packages { get; }

    /// <summary>Binder diagnostics (TW1xxx, TW2xxx, TW3xxx), sorted by path, offset and code.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    /// <summary>True when any binder diagnostic is an error.</summary>
    public bool HasErrors => Diagnostics.Any(d => d.IsError);

    /// <summary>Every asset of every package, in package then declaration order.</summary>
    public IEnumerable<AssetSymbol> Assets => Packages.SelectMany(p => p.Members.Values.OfType<AssetSymbol>());

    /// <summary>The top-level symbol with a dotted name such as <c>energy.battery.Cell</c> (or a plain name in the unnamed package).</summary>
    public Symbol? LookupQualified(string qualifiedName)
    {
        var lastDot = qualifiedName.LastIndexOf('.');
        var packageName = lastDot < 0 ? string.Empty : qualifiedName[..lastDot];
        var name = qualifiedName[(lastDot + 1)..];
        return Packages.Where(p => p.Name == packageName).Select(p => p.Members.GetValueOrDefault(name)).FirstOrDefault(s => s is not null);
    }

    /// <summary>Every declaration (of any symbol, locals and iterators included) in <paramref name="source"/>, in source order.</summary>
    public IReadOnlyList<SymbolReference> GetDeclarations(SourceText source) =>
        ReferencesIn(source).Where(r => r.IsDeclaration).ToList();

    /// <summary>The top-level symbols declared in <paramref name="source"/>, in source order.</summary>
    public IReadOnlyList<Symbol> GetDeclaredSymbols(SourceText source) =>
        ReferencesIn(source).Where(r => r.IsDeclaration && r.Symbol.Container is PackageSymbol).Select(r => r.Symbol).ToList();

    /// <summary>The type of a bound expression, or null when it was not bound (e.g. inside a broken construct).</summary>
    public TwinType? GetType(ExpressionSyntax expression) => _types.GetValueOrDefault(expression);

    /// <summary>
    /// The symbol a name in <paramref name="source"/> declares or refers to: a <see cref="NameSyntax"/>, a
    /// name expression, the member of a member access, or the callee of a call. Null when it did not resolve.
    /// Lowering uses this to map every name of the syntax tree to its symbol.
    /// </summary>
    public Symbol? GetSymbol(SourceText source, SyntaxNode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        var name = node switch
        {
            NameSyntax n => n,
            NameExpressionSyntax e => e.Name,
            MemberAccessExpressionSyntax m => m.Member,
            CallExpressionSyntax { Callee.Parts: [.., var last] } => last,
            IteratorSyntax i => i.Name,
            _ => null,
        };
        return name is not null && GetReferenceAt(source, name.Span.Start) is { } reference && reference.Location.Span == name.Span
            ? reference.Symbol
            : null;
    }

    /// <summary>The SI value of a number literal (<c>2.5 A*h</c> is 9000), when it was bound.</summary>
    public ConstantValue? GetLiteralValue(NumberLiteralSyntax literal) => _literals.TryGetValue(literal, out var value) ? value : null;

    /// <summary>
    /// The bound body of an asset's own declaration, built on first request and cached: what lowering reads
    /// instead of syntax. Inherited equations are in the bases' bodies (<see cref="StructuredTypeSymbol.SelfAndBases"/>).
    /// </summary>
    public BoundAssetBody GetBoundBody(AssetSymbol asset)
    {
        ArgumentNullException.ThrowIfNull(asset);
        lock (_bodies)
        {
            if (!_bodies.TryGetValue(asset, out var body))
            {
                var source = asset.Location?.Source ?? throw new InvalidOperationException("Every asset is declared in a source.");
                body = new BoundTreeBuilder(this, source).BuildAsset(asset);
                _bodies.Add(asset, body);
            }

            return body;
        }
    }

    /// <summary>The bound form of any bound expression of <paramref name="source"/> (couplings, assimilations, scenarios).</summary>
    public BoundExpression GetBoundExpression(SourceText source, ExpressionSyntax expression) =>
        new BoundTreeBuilder(this, source).Expression(expression);

    /// <summary>The compile-time value of a parameter's or constant's default, when it is constant.</summary>
    public ConstantValue? GetConstantValue(VariableSymbol variable) => _constants.GetValueOrDefault(variable);

    /// <summary>The symbol whose name is at <paramref name="offset"/> (declaration or use), for hover and go-to-definition.</summary>
    public Symbol? GetSymbolAt(SourceText source, int offset) => GetReferenceAt(source, offset)?.Symbol;

    /// <summary>The name occurrence at <paramref name="offset"/>, if any.</summary>
    public SymbolReference? GetReferenceAt(SourceText source, int offset)
    {
        var references = ReferencesIn(source);
        var low = 0;
        var high = references.Length - 1;
        var best = -1;
        while (low <= high)
        {
            var middle = (low + high) / 2;
            if (references[middle].Location.Span.Start <= offset)
            {
                best = middle;
                low = middle + 1;
            }
            else
            {
                high = middle - 1;
            }
        }

        for (var i = best; i >= 0 && i >= best - 1; i--)
        {
            if (references[i].Location.Span.ContainsOrTouches(offset))
            {
                return references[i];
            }
        }

        return null;
    }

    /// <summary>Every occurrence of <paramref name="symbol"/> across files: its declaration (when asked) and its uses, in file then offset order.</summary>
    public IReadOnlyList<SymbolLocation> FindReferences(Symbol symbol, bool includeDeclaration = true)
    {
        _referencesBySymbol ??= _references.GroupBy(r => r.Symbol).ToDictionary(g => g.Key, g => g.ToList());
        if (!_referencesBySymbol.TryGetValue(symbol, out var found))
        {
            return [];
        }

        return found.Where(r => includeDeclaration || !r.IsDeclaration)
            .Select(r => r.Location)
            .Distinct()
            .OrderBy(l => l.Source.Path, StringComparer.Ordinal)
            .ThenBy(l => l.Span.Start)
            .ToList();
    }

    /// <summary>
    /// The names visible at <paramref name="offset"/> for completion: members of the enclosing asset (or the
    /// parameters of the enclosing function), the declarations of the package, imports, the prelude and the
    /// built-in types, without duplicates, ordered by name.
    /// </summary>
    public IReadOnlyList<Symbol> GetVisibleSymbols(SourceText source, int offset)
    {
        var file = _files.Find(f => ReferenceEquals(f.Source, source));
        if (file is null)
        {
            return [];
        }

        var result = new List<Symbol>();
        var declaration = file.Declarations.FirstOrDefault(d => d.Span.ContainsOrTouches(offset));
        if (declaration is not null && file.Package.Members.TryGetValue(declaration.Name.Text, out var enclosing))
        {
            switch (enclosing)
            {
                case StructuredTypeSymbol type:
                    result.AddRange(type.AllMembers);
                    break;
                case CallableSymbol callable:
                    result.AddRange(callable.Parameters);
                    break;
                case AssimilationSymbol { Target: { } target } assimilation:
                    result.AddRange(target.AllMembers);
                    result.AddRange(assimilation.Observations);
                    break;
                case ScenarioSymbol { Target: { } target }:
                    result.AddRange(target.AllMembers);
                    break;
            }
        }

        result.AddRange(file.VisibleGlobals());
        var seen = new HashSet<string>(StringComparer.Ordinal);
        return result.Where(s => seen.Add(s.Name)).OrderBy(s => s.Name, StringComparer.Ordinal).ToList();
    }

    /// <summary>The members of a type, for completion after '.': asset/connector members (arrays: of their element) or enumeration literals.</summary>
    public static IReadOnlyList<Symbol> GetMembers(TwinType type) => type.ElementType switch
    {
        ObjectType o => o.Symbol.AllMembers.ToList(),
        EnumType e => e.Symbol.Members.ToList<Symbol>(),
        _ => [],
    };

    /// <summary>The functions callable without a declaration (<c>der</c>, <c>sqrt</c>, <c>sum</c>, ...), for completion.</summary>
    public static IReadOnlyList<string> BuiltinFunctions { get; } = Binder.BuiltinFunctionNames.ToList();

    /// <summary>
    /// The compile-time default or start value and the min/max bounds of <paramref name="variable"/>, in SI;
    /// each part is null when not given or not constant (for interface emitters, which never evaluate syntax).
    /// </summary>
    public VariableValues GetValues(VariableSymbol variable) => VariableValues.GetValueOrDefault(variable);

    /// <summary>The value a modifier of <paramref name="component"/> gives to <paramref name="member"/> (<c>Resistor(r = 1 kOhm)</c>), in SI, if constant.</summary>
    public ConstantValue? GetModifierValue(ComponentSymbol component, VariableSymbol member) =>
        ModifierValues.TryGetValue((component, member), out var value) ? value : null;

    /// <summary>The constant time steps of a coupling's two sides, in seconds (each null when not given or not constant).</summary>
    public CouplingSteps GetSteps(CouplingSymbol coupling) => StepsByCoupling.GetValueOrDefault(coupling);

    internal Dictionary<VariableSymbol, VariableValues> VariableValues { get; init; } = [];

    internal Dictionary<CouplingSymbol, CouplingSteps> StepsByCoupling { get; init; } = [];

    internal Dictionary<(ComponentSymbol, VariableSymbol), ConstantValue> ModifierValues { get; init; } = [];

    /// <summary>The outline of a file: top-level declarations with their members as children.</summary>
    public IReadOnlyList<DocumentSymbol> GetDocumentSymbols(SourceText source)
    {
        var result = new List<DocumentSymbol>();
        foreach (var symbol in GetDeclaredSymbols(source))
        {
            if (symbol.Location is not { } location)
            {
                continue;
            }

            var span = DeclarationSpan(symbol) ?? location.Span;
            IEnumerable<Symbol> children = symbol switch
            {
                StructuredTypeSymbol type => type.OwnMembers,
                EnumSymbol e => e.Members,
                AssimilationSymbol a => a.Observations,
                _ => [],
            };
            var childSymbols = children
                .Select(c => c.Location is { } l && ReferenceEquals(l.Source, source) ? new DocumentSymbol(c, DeclarationSpan(c) ?? l.Span, l.Span, []) : null)
                .OfType<DocumentSymbol>()
                .ToList();
            result.Add(new DocumentSymbol(symbol, span, location.Span, childSymbols));
        }

        return result;
    }

    /// <summary>The span of a symbol's whole declaration (not just its name), or null for symbols without one.</summary>
    public static TextSpan? DeclarationSpan(Symbol symbol) => symbol switch
    {
        StructuredTypeSymbol s => s.Syntax.Span,
        EnumSymbol e => e.Syntax.Span,
        CallableSymbol c => c.Syntax.Span,
        QuantitySymbol q => q.Syntax.Span,
        UnitSymbol u => u.Syntax.Span,
        AssimilationSymbol a => a.Syntax.Span,
        ScenarioSymbol s => s.Syntax.Span,
        VariableSymbol v => v.Syntax.Span,
        ComponentSymbol c => c.Syntax.Span,
        CouplingSymbol c => c.Syntax.Span,
        ObservationSymbol o => o.Syntax.Span,
        _ => null,
    };

    private SymbolReference[] ReferencesIn(SourceText source)
    {
        _referencesBySource ??= _references
            .GroupBy(r => r.Location.Source)
            .ToDictionary(g => g.Key, g => g.OrderBy(r => r.Location.Span.Start).ThenBy(r => r.IsDeclaration ? 0 : 1).ToArray());
        return _referencesBySource.GetValueOrDefault(source) ?? [];
    }
}

/// <summary>One entry of a file outline: the symbol, the span of its whole declaration, the span of its name, and its children.</summary>
public sealed record DocumentSymbol(Symbol Symbol, TextSpan Span, TextSpan NameSpan, IReadOnlyList<DocumentSymbol> Children);
