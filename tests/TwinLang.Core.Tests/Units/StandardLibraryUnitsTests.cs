using TwinLang.Diagnostics;
using TwinLang.Syntax;
using Xunit;

namespace TwinLang.Units;

/// <summary>The prelude in <c>stdlib/std</c>: it builds cleanly and every declaration is usable.</summary>
public class StandardLibraryUnitsTests
{
    [Fact]
    public void StandardLibrary_Build_HasNoDiagnostics()
    {
        var (_, diagnostics) = UnitTestContext.BuildWithStandard(string.Empty);

        Assert.Empty(diagnostics);
    }

    [Fact]
    public void StandardLibrary_EveryWrittenUnit_Resolves()
    {
        var diagnostics = new DiagnosticBag();
        var count = 0;
        foreach (var tree in UnitTestContext.StandardLibraryTrees())
        {
            foreach (var node in tree.Root.DescendantsAndSelf())
            {
                var unit = node switch
                {
                    NumberLiteralSyntax { Unit: { } written } => written,
                    UnitModifierSyntax modifier => modifier.Unit,
                    _ => null,
                };
                if (unit is not null)
                {
                    count++;
                    Assert.False(UnitTestContext.Standard.Resolve(unit, tree.Text, diagnostics).IsError, tree.Text.ToString(unit.Span));
                }
            }
        }

        Assert.True(count > 0);
        Assert.Empty(diagnostics.ToSortedList());
    }

    [Fact]
    public void StandardLibrary_EveryQuantity_HasResolvedUnit()
    {
        var quantities = UnitTestContext.Standard.Quantities;

        Assert.True(quantities.Names.Count >= 40);
        foreach (var name in quantities.Names)
        {
            Assert.True(quantities.TryGet(name, out var quantity));
            Assert.False(quantity.IsError, name);
            Assert.False(string.IsNullOrEmpty(quantity.Description), name);
        }
    }

    [Fact]
    public void StandardLibrary_EveryUnit_IsValidAndDocumented()
    {
        foreach (var definition in UnitTestContext.Standard.Units.Definitions)
        {
            Assert.False(definition.Unit.IsError, definition.Name);
            Assert.False(string.IsNullOrEmpty(definition.Description), definition.Name);
            Assert.True(double.IsFinite(definition.Unit.Scale) && definition.Unit.Scale > 0, definition.Name);
        }
    }

    [Theory]
    [InlineData("Length", "m")]
    [InlineData("Mass", "kg")]
    [InlineData("Time", "s")]
    [InlineData("Current", "A")]
    [InlineData("Temperature", "K")]
    [InlineData("AmountOfSubstance", "mol")]
    [InlineData("LuminousIntensity", "cd")]
    [InlineData("Force", "kg*m/s^2")]
    [InlineData("Voltage", "kg*m^2/(s^3*A)")]
    [InlineData("Resistance", "kg*m^2/(s^3*A^2)")]
    [InlineData("Capacitance", "s^4*A^2/(kg*m^2)")]
    [InlineData("HeatTransferCoefficient", "kg/(s^3*K)")]
    [InlineData("SpecificHeatCapacity", "m^2/(s^2*K)")]
    [InlineData("DynamicViscosity", "kg/(m*s)")]
    [InlineData("MolarMass", "kg/mol")]
    [InlineData("Fraction", "1")]
    [InlineData("Angle", "1")]
    [InlineData("AngularVelocity", "1/s")]
    public void StandardLibrary_Quantity_HasExpectedDimension(string name, string expectedDimension)
    {
        Assert.True(UnitTestContext.Standard.Quantities.TryGet(name, out var quantity));
        Assert.Equal(expectedDimension, quantity.Dimension.ToString());
    }

    [Theory]
    [InlineData("Torque", "'Energy' (J)")]
    [InlineData("Irradiance", "'HeatFlux' (W/m^2)")]
    [InlineData("AngularVelocity", "'Frequency' (Hz)")]
    [InlineData("Fraction", "'Dimensionless' (1)")]
    [InlineData("Resistance", "'Resistance' (Ohm)")]
    public void StandardLibrary_SharedDimension_NamedByFirstQuantity(string name, string expected)
    {
        Assert.True(UnitTestContext.Standard.Quantities.TryGet(name, out var quantity));
        Assert.Equal(expected, UnitTestContext.Standard.Describe(quantity.Dimension));
    }

    // An exact name hides the prefixed reading of the same letters. This list makes each such choice
    // deliberate: adding, say, a year named "a" would silently turn "Pa" and "ha" into shadowing names.
    [Fact]
    public void StandardLibrary_NamesShadowingPrefixedReadings_AreTheIntendedOnes()
    {
        var units = UnitTestContext.Standard.Units;

        var shadowing = units.Names
            .Where(name => SiPrefix.All.Any(p =>
                name.Length > p.Symbol.Length && name.StartsWith(p.Symbol, StringComparison.Ordinal) &&
                units.TryGetDefinition(name[p.Symbol.Length..], out var rest) && rest.AcceptsPrefix))
            .ToList();

        Assert.Equal(["cd", "ft", "kg", "nmi", "yd"], shadowing);
    }
}
