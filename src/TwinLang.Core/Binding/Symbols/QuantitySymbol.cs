using TwinLang.Syntax;
using TwinLang.Units;

namespace TwinLang.Binding;

/// <summary><c>quantity Voltage = V</c>: a named dimension with its display unit.</summary>
public sealed class QuantitySymbol : Symbol
{
    internal QuantitySymbol(Symbol container, SymbolLocation location, QuantityDeclarationSyntax syntax)
        : base(syntax.Name.Text, container, location)
    {
        Syntax = syntax;
        Type = RealType.Dimensionless;
    }

    /// <inheritdoc />
    public override SymbolKind Kind => SymbolKind.Quantity;

    /// <summary>The declaration.</summary>
    public QuantityDeclarationSyntax Syntax { get; }

    /// <summary>The display unit, or null when it did not resolve.</summary>
    public Unit? Unit { get; internal set; }

    /// <summary>The type of a variable declared with this quantity.</summary>
    public RealType Type { get; internal set; }

    /// <summary>The dimension.</summary>
    public Dimension Dimension => Type.Dimension;
}

/// <summary><c>unit h = 3600 s</c>: a declared unit.</summary>
public sealed class UnitSymbol : Symbol
{
    internal UnitSymbol(Symbol container, SymbolLocation location, UnitDeclarationSyntax syntax)
        : base(syntax.Name.Text, container, location)
    {
        Syntax = syntax;
    }

    /// <inheritdoc />
    public override SymbolKind Kind => SymbolKind.Unit;

    /// <summary>The declaration.</summary>
    public UnitDeclarationSyntax Syntax { get; }

    /// <summary>The unit as the registry knows it, or null when its definition did not resolve.</summary>
    public Unit? Unit { get; internal set; }
}

/// <summary><c>Real</c>, <c>Int</c>, <c>Bool</c>, <c>String</c>.</summary>
public sealed class BuiltinTypeSymbol : Symbol
{
    /// <summary>Real (dimensionless).</summary>
    public static readonly BuiltinTypeSymbol Real = new("Real", RealType.Dimensionless);

    /// <summary>Int.</summary>
    public static readonly BuiltinTypeSymbol Int = new("Int", IntType.Instance);

    /// <summary>Bool.</summary>
    public static readonly BuiltinTypeSymbol Bool = new("Bool", BoolType.Instance);

    /// <summary>String.</summary>
    public static readonly BuiltinTypeSymbol String = new("String", StringType.Instance);

    private BuiltinTypeSymbol(string name, TwinType type)
        : base(name, null, null)
    {
        Type = type;
    }

    /// <summary>Every built-in type.</summary>
    public static IReadOnlyList<BuiltinTypeSymbol> All { get; } = [Real, Int, Bool, String];

    /// <inheritdoc />
    public override SymbolKind Kind => SymbolKind.BuiltinType;

    /// <summary>The type it names.</summary>
    public TwinType Type { get; }
}
