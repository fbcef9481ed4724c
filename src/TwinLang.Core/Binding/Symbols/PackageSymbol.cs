namespace TwinLang.Binding;

/// <summary>A package: the declarations of every file that names it (or of one folder, for the unnamed package).</summary>
public sealed class PackageSymbol : Symbol
{
    private readonly Dictionary<string, Symbol> _members = new(StringComparer.Ordinal);

    internal PackageSymbol(string name, SymbolLocation? location)
        : base(name, null, location)
    {
    }

    /// <inheritdoc />
    public override SymbolKind Kind => SymbolKind.Package;

    /// <summary>The declared semantic version, if any file gave one.</summary>
    public string? Version { get; internal set; }

    /// <summary>True for the standard library's prelude packages (always in scope).</summary>
    public bool IsPrelude => Name is "std.units" or "std.quantities";

    /// <summary>The top-level declarations by name.</summary>
    public IReadOnlyDictionary<string, Symbol> Members => _members;

    internal bool TryAdd(Symbol member) => _members.TryAdd(member.Name, member);
}
