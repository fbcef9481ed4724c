using TwinLang.Binding;

namespace TwinLang.Lowering.Scenarios;

/// <summary>Resolves the flattened variable names scenarios and results use back to their declarations.</summary>
public static class FlattenedNames
{
    /// <summary>
    /// The symbol a flattened name (<c>cells[3].soc</c> or <c>cells[*].r0</c>) declares, following components from
    /// <paramref name="asset"/>; indices are ignored. Null when a part is not a member.
    /// </summary>
    public static Symbol? Declaration(AssetSymbol? asset, string name)
    {
        StructuredTypeSymbol? owner = asset;
        Symbol? found = null;
        foreach (var part in name.Split('.'))
        {
            var bracket = part.IndexOf('[', StringComparison.Ordinal);
            found = owner?.LookupMember(bracket < 0 ? part : part[..bracket]);
            owner = (found as ComponentSymbol)?.ComponentType;
        }

        return found;
    }
}
