using TwinLang.Syntax;

namespace TwinLang.Binding;

/// <summary>Something called like a function inside equations: a function, a table or a surrogate.</summary>
public sealed class CallableSymbol : Symbol
{
    private readonly SymbolKind _kind;

    internal CallableSymbol(SymbolKind kind, Symbol container, SymbolLocation location, DeclarationSyntax syntax)
        : base(syntax.Name.Text, container, location)
    {
        _kind = kind;
        Syntax = syntax;
    }

    /// <inheritdoc />
    public override SymbolKind Kind => _kind;

    /// <summary>The declaration (function, table or surrogate).</summary>
    public DeclarationSyntax Syntax { get; }

    /// <summary>The parameters in order.</summary>
    public IReadOnlyList<FunctionParameterSymbol> Parameters { get; internal set; } = [];

    /// <summary>The result type.</summary>
    public TwinType ReturnType { get; internal set; } = ErrorType.Instance;
}

/// <summary>A parameter of a function, table or surrogate.</summary>
public sealed class FunctionParameterSymbol : Symbol
{
    internal FunctionParameterSymbol(CallableSymbol container, SymbolLocation location, string name, int ordinal)
        : base(name, container, location)
    {
        Ordinal = ordinal;
    }

    /// <inheritdoc />
    public override SymbolKind Kind => SymbolKind.FunctionParameter;

    /// <summary>Zero-based position.</summary>
    public int Ordinal { get; }

    /// <summary>The declared type.</summary>
    public TwinType Type { get; internal set; } = ErrorType.Instance;
}

/// <summary>
/// A named value local to a body: <c>let a = expr</c> in a function, or the implicit <c>innovation</c> and
/// <c>sigma</c> of a <c>reject</c> condition (those have no location).
/// </summary>
public sealed class LocalSymbol : Symbol
{
    internal LocalSymbol(Symbol? container, SymbolLocation? location, string name)
        : base(name, container, location)
    {
    }

    /// <inheritdoc />
    public override SymbolKind Kind => SymbolKind.Local;

    /// <summary>The type of the bound value.</summary>
    public TwinType Type { get; internal set; } = ErrorType.Instance;
}

/// <summary>An iterator of a for-equation, coupling rule or reduction.</summary>
public sealed class IteratorSymbol : Symbol
{
    internal IteratorSymbol(Symbol? container, SymbolLocation location, string name)
        : base(name, container, location)
    {
    }

    /// <inheritdoc />
    public override SymbolKind Kind => SymbolKind.Iterator;

    /// <summary>The number of values, when known: from the range, or inferred from the arrays it indexes.</summary>
    public int? Count { get; internal set; }

    /// <summary>The first value (1 when inferred).</summary>
    public int? Start { get; internal set; }

    /// <summary>True when no range was written and the size comes from the indexed arrays.</summary>
    public bool IsInferred { get; internal init; }

    /// <summary>True once an inferred iterator indexed an array (even one of unknown size).</summary>
    internal bool IndexesArray { get; set; }
}
