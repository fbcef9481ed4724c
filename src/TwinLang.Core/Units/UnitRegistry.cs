using System.Diagnostics.CodeAnalysis;
using TwinLang.Text;

namespace TwinLang.Units;

/// <summary>
/// The named units of one compilation and the rules for reading a symbol: an exact name first, then an
/// SI prefix on a name (<c>min</c> is the minute, <c>mOhm</c> milli-ohm, <c>cd</c> the candela, not a
/// centi-day). Only the SI base units and the gram are built in; every other unit comes from a declaration.
/// Names are case-sensitive (<c>mS</c> is millisiemens, <c>Ms</c> a megasecond).
/// </summary>
public sealed class UnitRegistry
{
    // Longest prefix first so "da" wins over "d" ("dam" is decametre); ordinal order among equals keeps
    // the reading deterministic.
    private static readonly SiPrefix[] PrefixesLongestFirst =
        SiPrefix.All.OrderByDescending(p => p.Symbol.Length).ThenBy(p => p.Symbol, StringComparer.Ordinal).ToArray();

    private readonly Dictionary<string, UnitDefinition> _definitions = new(StringComparer.Ordinal);

    /// <summary>Creates a registry holding the built-in units <c>m kg s A K mol cd g</c>.</summary>
    public UnitRegistry()
    {
        DefineBuiltIn("m", Dimension.LengthDimension, 1, "metre");
        DefineBuiltIn("kg", Dimension.MassDimension, 1, "kilogram");
        DefineBuiltIn("s", Dimension.TimeDimension, 1, "second");
        DefineBuiltIn("A", Dimension.CurrentDimension, 1, "ampere");
        DefineBuiltIn("K", Dimension.TemperatureDimension, 1, "kelvin");
        DefineBuiltIn("mol", Dimension.AmountDimension, 1, "mole");
        DefineBuiltIn("cd", Dimension.LuminosityDimension, 1, "candela");
        DefineBuiltIn("g", Dimension.MassDimension, 0.001, "gram");
    }

    /// <summary>Every defined name (built-in and declared), ordinal order; for completion lists.</summary>
    public IReadOnlyList<string> Names => _definitions.Keys.Order(StringComparer.Ordinal).ToList();

    /// <summary>Every definition, ordinal order of names.</summary>
    public IReadOnlyList<UnitDefinition> Definitions =>
        _definitions.Values.OrderBy(d => d.Name, StringComparer.Ordinal).ToList();

    /// <summary>Adds a unit; false (and nothing changes) when the name is already defined.</summary>
    public bool Define(UnitDefinition definition) => _definitions.TryAdd(definition.Name, definition);

    /// <summary>True when <paramref name="name"/> is defined exactly (no prefix reading).</summary>
    public bool IsDefined(string name) => _definitions.ContainsKey(name);

    /// <summary>The definition of an exact name.</summary>
    public bool TryGetDefinition(string name, [NotNullWhen(true)] out UnitDefinition? definition) =>
        _definitions.TryGetValue(name, out definition);

    /// <summary>Reads <paramref name="symbol"/> as an exact name, else as an SI prefix plus a name.</summary>
    public UnitLookup Lookup(string symbol)
    {
        if (_definitions.TryGetValue(symbol, out var exact))
        {
            return new UnitLookup(UnitLookupStatus.Found, exact.Unit, null, exact);
        }

        UnitLookup? affine = null;
        foreach (var (prefix, name) in PrefixReadings(symbol))
        {
            if (!_definitions.TryGetValue(name, out var named))
            {
                continue;
            }

            if (named.Unit.IsAffine)
            {
                affine ??= new UnitLookup(UnitLookupStatus.PrefixOnAffineUnit, Unit.Error, prefix, named);
                continue;
            }

            if (named.AcceptsPrefix)
            {
                var unit = named.Unit.IsError ? Unit.Error : named.Unit.Times(prefix.Factor).WithSymbol(symbol);
                return new UnitLookup(UnitLookupStatus.Found, unit, prefix, named);
            }
        }

        return affine ?? new UnitLookup(UnitLookupStatus.Unknown, Unit.Error, null, null);
    }

    /// <summary>The unit <paramref name="symbol"/> names (see <see cref="Lookup"/>), if it names one.</summary>
    public bool TryResolve(string symbol, [NotNullWhen(true)] out Unit? unit)
    {
        var lookup = Lookup(symbol);
        unit = lookup.Status == UnitLookupStatus.Found ? lookup.Unit : null;
        return unit is not null;
    }

    /// <summary>
    /// A did-you-mean for an unknown symbol: the closest exact name (<c>Ohms</c> → <c>Ohm</c>, <c>degc</c> →
    /// <c>degC</c>), else a prefix plus the closest name (<c>kOhms</c> → <c>kOhm</c>); null when nothing is close.
    /// </summary>
    public string? Suggest(string symbol)
    {
        var exact = NameSuggester.Suggest(symbol, _definitions.Keys);
        if (exact is not null)
        {
            return exact;
        }

        // A prefixed suggestion only when what follows the prefix is long enough to be a misspelt name;
        // otherwise every short typo would be "corrected" to some exotic prefixed unit (mtr -> msr).
        var prefixable = _definitions.Values.Where(d => d.AcceptsPrefix && !d.Unit.IsError).Select(d => d.Name).ToList();
        foreach (var (prefix, rest) in PrefixReadings(symbol).Where(r => r.Name.Length >= 3))
        {
            if (NameSuggester.Suggest(rest, prefixable) is { } name)
            {
                return prefix.Symbol + name;
            }
        }

        return null;
    }

    /// <summary>
    /// Every way to split <paramref name="symbol"/> into an SI prefix and a non-empty rest, longest prefix
    /// first; whether the rest names a unit is for the caller to check.
    /// </summary>
    internal static IEnumerable<(SiPrefix Prefix, string Name)> PrefixReadings(string symbol) =>
        PrefixesLongestFirst
            .Where(p => symbol.Length > p.Symbol.Length && symbol.StartsWith(p.Symbol, StringComparison.Ordinal))
            .Select(p => (p, symbol[p.Symbol.Length..]));

    private void DefineBuiltIn(string name, Dimension dimension, double scale, string description) =>
        Define(new UnitDefinition(name, new Unit(name, dimension, scale), description));
}
