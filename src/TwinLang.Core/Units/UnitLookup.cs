namespace TwinLang.Units;

/// <summary>How a unit symbol was read by <see cref="UnitRegistry.Lookup"/>.</summary>
public enum UnitLookupStatus
{
    /// <summary>The symbol names a unit, exactly or with an SI prefix.</summary>
    Found,

    /// <summary>The symbol is an SI prefix on an affine unit (<c>mdegC</c>), which has no meaning.</summary>
    PrefixOnAffineUnit,

    /// <summary>No unit has this name, with or without a prefix.</summary>
    Unknown,
}

/// <summary>
/// The result of reading a unit symbol: the unit (<see cref="Unit.Error"/> unless found), the prefix that was
/// split off if any, and the definition of the named unit.
/// </summary>
public readonly record struct UnitLookup(UnitLookupStatus Status, Unit Unit, SiPrefix? Prefix, UnitDefinition? Definition);
