using TwinLang.Diagnostics;
using Xunit;

namespace TwinLang.Units;

/// <summary>Literals converted to SI with the standard library's units.</summary>
public class UnitConversionTests
{
    [Theory]
    [InlineData("25 degC", 298.15)]
    [InlineData("77 degF", 298.15)]
    [InlineData("0 degF", 255.37222222222223)]
    [InlineData("5 deltadegC", 5)]
    [InlineData("9 deltadegF", 5)]
    [InlineData("0.5 degC/s", 0.5)]
    [InlineData("2.5 A*h", 9000)]
    [InlineData("2.5 Ah", 9000)]
    [InlineData("2500 mAh", 9000)]
    [InlineData("1 kWh", 3.6e6)]
    [InlineData("15 mOhm", 0.015)]
    [InlineData("1 bar", 1e5)]
    [InlineData("1 mbar", 100)]
    [InlineData("1 atm", 101325)]
    [InlineData("50 percent", 0.5)]
    [InlineData("3 ppm", 3e-6)]
    [InlineData("2 min", 120)]
    [InlineData("2 h", 7200)]
    [InlineData("1 d", 86400)]
    [InlineData("1 L", 0.001)]
    [InlineData("250 mL", 0.00025)]
    [InlineData("1 kcal", 4184)]
    [InlineData("60 rpm", 6.283185307179586)]
    [InlineData("1 knot", 0.5144444444444445)]
    [InlineData("1 mi", 1609.344)]
    [InlineData("12 inch", 0.3048)]
    [InlineData("1 lb", 0.45359237)]
    [InlineData("1 psi", 6894.757293168361)]
    [InlineData("1 eV", 1.602176634e-19)]
    [InlineData("3 K/W", 3)]
    [InlineData("40 J/K", 40)]
    [InlineData("5 mV", 0.005)]
    [InlineData("1 g", 0.001)]
    [InlineData("1 mg", 1e-6)]
    [InlineData("180 deg", 3.141592653589793)]
    [InlineData("2 W/degC", 2)]
    [InlineData("2 W/deltadegF", 3.6)]
    [InlineData("1 hPa", 100)]
    [InlineData("42", 42)]
    public void ResolveLiteral_StandardUnit_ConvertsToSi(string text, double expectedSi)
    {
        var literal = Resolve(text);

        Assert.False(literal.IsError);
        Assert.Equal(expectedSi, literal.SiValue, 1e-9 * Math.Max(1, Math.Abs(expectedSi)));
    }

    [Theory]
    [InlineData("25 degC", true)]
    [InlineData("77 degF", true)]
    [InlineData("0.5 degC/s", false)]
    [InlineData("5 deltadegC", false)]
    [InlineData("300 K", false)]
    public void ResolveLiteral_AffineUnit_IsAbsoluteOnlyAsWholeUnit(string text, bool expectedAbsolute)
    {
        Assert.Equal(expectedAbsolute, Resolve(text).IsAbsoluteAffine);
    }

    [Theory]
    [InlineData("1 W/(m^2*K)", "kg/(s^3*K)", "'HeatTransferCoefficient' (W/(m^2*K))")]
    [InlineData("1 V", "kg*m^2/(s^3*A)", "'Voltage' (V)")]
    [InlineData("1 N*m", "kg*m^2/s^2", "'Energy' (J)")]
    [InlineData("1 s^-1", "1/s", "'Frequency' (Hz)")]
    [InlineData("1 percent", "1", "'Dimensionless' (1)")]
    [InlineData("0.5 degC/s", "K/s", "'TemperatureRate' (K/s)")]
    [InlineData("1 m^5", "m^5", "'m^5'")]
    public void ResolveLiteral_CompoundUnit_HasDimensionAndDescription(string text, string expectedDimension, string expectedDescription)
    {
        var literal = Resolve(text);

        Assert.Equal(expectedDimension, literal.Dimension.ToString());
        Assert.Equal(expectedDescription, UnitTestContext.Standard.Describe(literal.Dimension));
    }

    [Fact]
    public void ResolveLiteral_PrefixedUnit_KeepsWrittenSymbol()
    {
        Assert.Equal("mOhm", Resolve("15 mOhm").Unit.Symbol);
        Assert.Equal("W/(m^2*K)", Resolve("1 W/(m^2*K)").Unit.Symbol);
    }

    private static UnitLiteral Resolve(string text)
    {
        var diagnostics = new DiagnosticBag();
        var (source, syntax) = UnitTestContext.ParseLiteral(text);
        var literal = UnitTestContext.Standard.ResolveLiteral(syntax, source, diagnostics);
        Assert.Empty(diagnostics.ToSortedList());
        return literal;
    }
}
