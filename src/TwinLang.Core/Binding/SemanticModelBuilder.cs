using TwinLang.Diagnostics;
using TwinLang.Syntax;
using TwinLang.Text;

namespace TwinLang.Binding;

/// <summary>One occurrence of a symbol's name: its declaration or a use.</summary>
public readonly record struct SymbolReference(Symbol Symbol, SymbolLocation Location, bool IsDeclaration);

/// <summary>Collects what the binder learns for the semantic model: name occurrences and expression types.</summary>
internal sealed class SemanticModelBuilder
{
    private readonly List<SymbolReference> _references = [];
    private readonly Dictionary<ExpressionSyntax, TwinType> _types = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<Symbol, DeclarationSyntax> _declarations = [];
    private readonly List<FileContext> _files = [];
    private readonly Dictionary<NumberLiteralSyntax, ConstantValue> _literals = new(ReferenceEqualityComparer.Instance);

    public void AddReference(SourceText source, TextSpan span, Symbol symbol, bool isDeclaration) =>
        _references.Add(new SymbolReference(symbol, new SymbolLocation(source, span), isDeclaration));

    public void AddDeclaration(Symbol symbol, DeclarationSyntax syntax) => _declarations[symbol] = syntax;

    public void AddFile(FileContext file) => _files.Add(file);

    public void SetType(ExpressionSyntax expression, TwinType type) => _types[expression] = type;

    public void SetLiteralValue(NumberLiteralSyntax literal, ConstantValue value) => _literals[literal] = value;

    public TwinType? TypeOf(ExpressionSyntax expression) => _types.GetValueOrDefault(expression);

    public SemanticModel Build(IReadOnlyList<SyntaxTree> trees, Dictionary<string, PackageSymbol> packages, IReadOnlyList<Diagnostic> diagnostics, Dictionary<VariableSymbol, ConstantValue?> constants) =>
        new(trees, packages.Values.OrderBy(p => p.Name, StringComparer.Ordinal).ToList(), diagnostics, _references, _types, _files, constants, _literals);
}
