using TwinLang.Syntax;
using TwinLang.Units;

namespace TwinLang.Binding;

/// <summary>A variable of an asset or connector: parameter, constant, input, output, state, variable, discrete, potential, flow.</summary>
public sealed class VariableSymbol : Symbol
{
    internal VariableSymbol(StructuredTypeSymbol container, SymbolLocation location, VariableDeclarationSyntax syntax)
        : base(syntax.Name.Text, container, location)
    {
        Syntax = syntax;
    }

    /// <inheritdoc />
    public override SymbolKind Kind => SymbolKind.Variable;

    /// <summary>The declaration.</summary>
    public VariableDeclarationSyntax Syntax { get; }

    /// <summary>The role of the variable.</summary>
    public VariableKind VariableKind => Syntax.Kind;

    /// <summary>The declared type (an <see cref="ArrayType"/> for arrays).</summary>
    public TwinType Type { get; internal set; } = ErrorType.Instance;

    /// <summary>The display unit (<c>unit = mV</c> modifier, else the quantity's unit), if real.</summary>
    public Unit? DisplayUnit { get; internal set; }

    /// <summary>
    /// The default (parameter, input, constant), start value (state, discrete) or binding equation
    /// (output, variable).
    /// </summary>
    public ExpressionSyntax? Value => Syntax.Value;

    /// <summary>The trailing description string.</summary>
    public string? Description => Syntax.Description?.Value;

    /// <summary>The asset or connector that declares the variable.</summary>
    public StructuredTypeSymbol Owner => (StructuredTypeSymbol)(Container ?? throw new InvalidOperationException("A variable always has an owner."));
}

/// <summary>A sub-component (<c>component cells: Cell[n]</c>) or port (<c>port p: Pin</c>).</summary>
public sealed class ComponentSymbol : Symbol
{
    internal ComponentSymbol(StructuredTypeSymbol container, SymbolLocation location, ComponentDeclarationSyntax syntax)
        : base(syntax.Name.Text, container, location)
    {
        Syntax = syntax;
    }

    /// <inheritdoc />
    public override SymbolKind Kind => Syntax.IsPort ? SymbolKind.Port : SymbolKind.Component;

    /// <summary>The declaration.</summary>
    public ComponentDeclarationSyntax Syntax { get; }

    /// <summary>True for a port (a connector instance).</summary>
    public bool IsPort => Syntax.IsPort;

    /// <summary>The asset or connector instantiated, or null when it did not resolve.</summary>
    public StructuredTypeSymbol? ComponentType { get; internal set; }

    /// <summary>The type of the member: the object type, or an array of it.</summary>
    public TwinType Type { get; internal set; } = ErrorType.Instance;

    /// <summary>The array sizes with the declaring asset's defaults (empty for a scalar component).</summary>
    public IReadOnlyList<int?> Sizes => Type is ArrayType a ? a.Sizes : [];

    /// <summary>The asset that declares the component.</summary>
    public StructuredTypeSymbol Owner => (StructuredTypeSymbol)(Container ?? throw new InvalidOperationException("A component always has an owner."));
}
