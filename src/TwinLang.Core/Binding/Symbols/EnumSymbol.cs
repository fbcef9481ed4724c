using TwinLang.Syntax;

namespace TwinLang.Binding;

/// <summary><c>enum Mode { off, heating, cooling }</c>.</summary>
public sealed class EnumSymbol : Symbol
{
    private readonly List<EnumMemberSymbol> _members = [];

    internal EnumSymbol(Symbol container, SymbolLocation location, EnumDeclarationSyntax syntax)
        : base(syntax.Name.Text, container, location)
    {
        Syntax = syntax;
        Type = new EnumType(this);
    }

    /// <inheritdoc />
    public override SymbolKind Kind => SymbolKind.Enum;

    /// <summary>The declaration.</summary>
    public EnumDeclarationSyntax Syntax { get; }

    /// <summary>The type of a value of this enumeration.</summary>
    public EnumType Type { get; }

    /// <summary>The literals in order.</summary>
    public IReadOnlyList<EnumMemberSymbol> Members => _members;

    /// <summary>Finds a literal by name.</summary>
    public EnumMemberSymbol? LookupMember(string name) => _members.Find(m => m.Name == name);

    internal void Add(EnumMemberSymbol member) => _members.Add(member);
}

/// <summary>One literal of an enumeration.</summary>
public sealed class EnumMemberSymbol : Symbol
{
    internal EnumMemberSymbol(EnumSymbol container, SymbolLocation location, string name, int ordinal)
        : base(name, container, location)
    {
        Ordinal = ordinal;
    }

    /// <inheritdoc />
    public override SymbolKind Kind => SymbolKind.EnumMember;

    /// <summary>Zero-based position in the enumeration.</summary>
    public int Ordinal { get; }

    /// <summary>The enumeration.</summary>
    public EnumSymbol Enum => (EnumSymbol)(Container ?? throw new InvalidOperationException("A literal always has its enumeration."));
}
