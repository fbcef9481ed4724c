using Xunit;

namespace TwinLang.Units;

public class UnitTests
{
    private static readonly Unit Kelvin = new("K", Dimension.TemperatureDimension, 1);
    private static readonly Unit Celsius = new("degC", Dimension.TemperatureDimension, 1, 273.15);
    private static readonly Unit Metre = new("m", Dimension.LengthDimension, 1);
    private static readonly Unit Second = new("s", Dimension.TimeDimension, 1);

    [Fact]
    public void ToSi_AffineUnit_AddsOffset()
    {
        Assert.Equal(298.15, Celsius.ToSi(25), 12);
        Assert.Equal(25, Celsius.FromSi(298.15), 12);
    }

    [Fact]
    public void DifferenceToSi_AffineUnit_IgnoresOffset()
    {
        Assert.Equal(5, Celsius.DifferenceToSi(5), 12);
        Assert.Equal(5, Celsius.DifferenceFromSi(5), 12);
    }

    [Fact]
    public void Divide_AffineNumerator_DropsOffset()
    {
        var rate = Celsius.Divide(Second);

        Assert.False(rate.IsAffine);
        Assert.Equal("degC/s", rate.Symbol);
        Assert.Equal(0.5, rate.ToSi(0.5), 12);
    }

    [Fact]
    public void Divide_CompoundDenominator_IsParenthesized()
    {
        var unit = Kelvin.Divide(Metre.Pow(2).Multiply(Second));

        Assert.Equal("K/(m^2*s)", unit.Symbol);
        Assert.Equal("K/(m^2*s)", unit.Dimension.ToString());
    }

    [Fact]
    public void Multiply_ByOne_KeepsSymbol()
    {
        Assert.Equal("m", Unit.One.Multiply(Metre).Symbol);
        Assert.Equal("1/s", Unit.One.Divide(Second).Symbol);
    }

    [Fact]
    public void Multiply_ErrorOperand_IsError()
    {
        Assert.True(Metre.Multiply(Unit.Error).IsError);
        Assert.True(Unit.Error.Pow(2).IsError);
    }

    [Fact]
    public void AsDifference_AffineUnit_DropsOffsetKeepsSymbol()
    {
        var difference = Celsius.AsDifference();

        Assert.False(difference.IsAffine);
        Assert.Equal("degC", difference.Symbol);
        Assert.True(difference.IsEquivalentTo(Kelvin));
    }

    [Fact]
    public void IsEquivalentTo_DifferentOffsets_IsFalse()
    {
        Assert.False(Celsius.IsEquivalentTo(Kelvin));
        Assert.False(Metre.IsEquivalentTo(Second));
    }
}
