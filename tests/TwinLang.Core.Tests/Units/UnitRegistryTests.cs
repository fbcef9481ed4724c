using Xunit;

namespace TwinLang.Units;

/// <summary>How symbols are read: exact names first, then an SI prefix on a name.</summary>
public class UnitRegistryTests
{
    private static UnitRegistry Units => UnitTestContext.Standard.Units;

    [Theory]
    [InlineData("min", 60)]
    [InlineData("Pa", 1)]
    [InlineData("cd", 1)]
    [InlineData("ha", 1e4)]
    [InlineData("nmi", 1852)]
    [InlineData("ft", 0.3048)]
    [InlineData("yd", 0.9144)]
    [InlineData("mmHg", 133.322387415)]
    [InlineData("T", 1)]
    [InlineData("kat", 1)]
    public void Lookup_ExactName_WinsOverPrefixReading(string symbol, double expectedScale)
    {
        var lookup = Units.Lookup(symbol);

        Assert.Equal(UnitLookupStatus.Found, lookup.Status);
        Assert.Null(lookup.Prefix);
        Assert.Equal(expectedScale, lookup.Unit.Scale, 1e-12);
    }

    [Theory]
    [InlineData("mOhm", "m", "Ohm", 1e-3)]
    [InlineData("kWh", "k", "Wh", 3.6e6)]
    [InlineData("dam", "da", "m", 10)]
    [InlineData("dm", "d", "m", 0.1)]
    [InlineData("um", "u", "m", 1e-6)]
    [InlineData("\u00b5m", "\u00b5", "m", 1e-6)]
    [InlineData("\u03bcm", "\u03bc", "m", 1e-6)]
    [InlineData("mS", "m", "S", 1e-3)]
    [InlineData("Ms", "M", "s", 1e6)]
    [InlineData("ms", "m", "s", 1e-3)]
    [InlineData("mmol", "m", "mol", 1e-3)]
    [InlineData("mcd", "m", "cd", 1e-3)]
    [InlineData("TJ", "T", "J", 1e12)]
    [InlineData("Qm", "Q", "m", 1e30)]
    [InlineData("qg", "q", "g", 1e-33)]
    [InlineData("hPa", "h", "Pa", 100)]
    [InlineData("GWh", "G", "Wh", 3.6e12)]
    public void Lookup_PrefixedName_SplitsPrefix(string symbol, string prefix, string name, double expectedScale)
    {
        var lookup = Units.Lookup(symbol);

        Assert.Equal(UnitLookupStatus.Found, lookup.Status);
        Assert.Equal(prefix, lookup.Prefix?.Symbol);
        Assert.Equal(name, lookup.Definition?.Name);
        Assert.Equal(symbol, lookup.Unit.Symbol);
        Assert.Equal(expectedScale, lookup.Unit.Scale, expectedScale * 1e-12);
    }

    [Theory]
    [InlineData("mdegC")]
    [InlineData("kdegF")]
    public void Lookup_PrefixOnAffineUnit_ReportsAffine(string symbol)
    {
        Assert.Equal(UnitLookupStatus.PrefixOnAffineUnit, Units.Lookup(symbol).Status);
        Assert.False(Units.TryResolve(symbol, out _));
    }

    [Theory]
    [InlineData("mkg")]
    [InlineData("ohm")]
    [InlineData("KM")]
    [InlineData("mmm")]
    [InlineData("k")]
    [InlineData("")]
    [InlineData("kkm")]
    public void Lookup_NoReading_IsUnknown(string symbol)
    {
        Assert.Equal(UnitLookupStatus.Unknown, Units.Lookup(symbol).Status);
    }

    [Fact]
    public void Lookup_PrefixedDeltaUnit_IsAllowed()
    {
        Assert.True(Units.TryResolve("mdeltadegC", out var unit));
        Assert.Equal(1e-3, unit.Scale, 1e-15);
    }

    [Theory]
    [InlineData("Ohms", "Ohm")]
    [InlineData("ohm", "Ohm")]
    [InlineData("degc", "degC")]
    [InlineData("kOhms", "kOhm")]
    [InlineData("mtr", null)]
    [InlineData("xyzzy", null)]
    public void Suggest_Misspelling_GivesClosestName(string symbol, string? expected)
    {
        Assert.Equal(expected, Units.Suggest(symbol));
    }

    [Fact]
    public void Names_Always_SortedOrdinalAndIncludeBuiltIns()
    {
        var names = Units.Names;

        Assert.Equal(names.Order(StringComparer.Ordinal), names);
        Assert.Contains("kg", names);
        Assert.Contains("degC", names);
    }

    [Fact]
    public void Define_ExistingName_ReturnsFalse()
    {
        var registry = new UnitRegistry();

        Assert.False(registry.Define(new UnitDefinition("m", Unit.One, null)));
        Assert.True(registry.Define(new UnitDefinition("x", Unit.One, null)));
    }

    [Fact]
    public void Definition_BuiltIn_IsBuiltInAndDescribed()
    {
        Assert.True(Units.TryGetDefinition("K", out var kelvin));
        Assert.True(kelvin.IsBuiltIn);
        Assert.Equal("kelvin", kelvin.Description);
        Assert.True(Units.TryGetDefinition("degC", out var celsius));
        Assert.False(celsius.IsBuiltIn);
        Assert.False(celsius.AcceptsPrefix);
    }
}
