using TwinLang.Syntax;

namespace TwinLang.Binding;

/// <summary>An asset: variables, components, ports, equations, events, couplings; may extend a base asset.</summary>
public sealed class AssetSymbol : StructuredTypeSymbol
{
    internal AssetSymbol(string name, Symbol container, SymbolLocation location, AssetDeclarationSyntax syntax)
        : base(name, container, location, syntax)
    {
        Declaration = syntax;
    }

    /// <inheritdoc />
    public override SymbolKind Kind => SymbolKind.Asset;

    /// <summary>The asset declaration.</summary>
    public AssetDeclarationSyntax Declaration { get; }

    /// <summary>The couplings among the members.</summary>
    public IEnumerable<CouplingSymbol> Couplings => AllMembers.OfType<CouplingSymbol>();

    /// <summary>True when this asset or a base has a <c>sampled</c> (clocked) section.</summary>
    public bool HasSampledSections => AllBodyMembers.Any(m => m is SampledSectionSyntax);

    /// <summary>The body members of this asset and its bases (equations, when and sampled sections included), bases first.</summary>
    public IEnumerable<MemberSyntax> AllBodyMembers =>
        SelfAndBases().Reverse().OfType<AssetSymbol>().SelectMany(a => a.Declaration.Members);
}

/// <summary>A connector: potential and flow variables shared through <c>connect</c>.</summary>
public sealed class ConnectorSymbol : StructuredTypeSymbol
{
    internal ConnectorSymbol(string name, Symbol container, SymbolLocation location, ConnectorDeclarationSyntax syntax)
        : base(name, container, location, syntax)
    {
    }

    /// <inheritdoc />
    public override SymbolKind Kind => SymbolKind.Connector;
}
