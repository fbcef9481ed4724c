using TwinLang.Syntax;

namespace TwinLang.Binding;

/// <summary>An asset or a connector: a type with named members.</summary>
public abstract class StructuredTypeSymbol : Symbol
{
    private readonly List<Symbol> _ownMembers = [];
    private readonly Dictionary<string, Symbol> _ownByName = new(StringComparer.Ordinal);
    private Dictionary<string, Symbol>? _allByName;
    private List<Symbol>? _allMembers;

    private protected StructuredTypeSymbol(string name, Symbol? container, SymbolLocation location, DeclarationSyntax syntax)
        : base(name, container, location)
    {
        Syntax = syntax;
        Type = new ObjectType(this);
    }

    /// <summary>The declaration.</summary>
    public DeclarationSyntax Syntax { get; }

    /// <summary>The type of an instance.</summary>
    public ObjectType Type { get; }

    /// <summary>The base asset (<c>extends</c>), if any; null for connectors and on a cycle.</summary>
    public AssetSymbol? BaseAsset { get; internal set; }

    /// <summary>Members declared in this body, in source order.</summary>
    public IReadOnlyList<Symbol> OwnMembers => _ownMembers;

    /// <summary>Every member, inherited ones first, in declaration order.</summary>
    public IReadOnlyList<Symbol> AllMembers
    {
        get
        {
            EnsureAllMembers();
            return _allMembers ?? [];
        }
    }

    /// <summary>The variables among <see cref="AllMembers"/>.</summary>
    public IEnumerable<VariableSymbol> Variables => AllMembers.OfType<VariableSymbol>();

    /// <summary>The components and ports among <see cref="AllMembers"/>.</summary>
    public IEnumerable<ComponentSymbol> Components => AllMembers.OfType<ComponentSymbol>();

    /// <summary>Finds a member (own or inherited) by name.</summary>
    public Symbol? LookupMember(string name)
    {
        EnsureAllMembers();
        return _allByName is not null && _allByName.TryGetValue(name, out var member) ? member : null;
    }

    /// <summary>This type and its bases, most derived first.</summary>
    public IEnumerable<StructuredTypeSymbol> SelfAndBases()
    {
        var seen = new HashSet<StructuredTypeSymbol>();
        for (StructuredTypeSymbol? current = this; current is not null && seen.Add(current); current = current.BaseAsset)
        {
            yield return current;
        }
    }

    internal Symbol? TryAddOwn(Symbol member)
    {
        if (_ownByName.TryGetValue(member.Name, out var existing))
        {
            return existing;
        }

        _ownByName.Add(member.Name, member);
        _ownMembers.Add(member);
        return null;
    }

    internal Symbol? LookupOwn(string name) => _ownByName.GetValueOrDefault(name);

    private void EnsureAllMembers()
    {
        if (_allByName is not null)
        {
            return;
        }

        var chain = SelfAndBases().Reverse().ToList();
        var all = new List<Symbol>();
        var byName = new Dictionary<string, Symbol>(StringComparer.Ordinal);
        foreach (var type in chain)
        {
            foreach (var member in type._ownMembers)
            {
                if (byName.TryAdd(member.Name, member))
                {
                    all.Add(member);
                }
            }
        }

        _allMembers = all;
        _allByName = byName;
    }
}
