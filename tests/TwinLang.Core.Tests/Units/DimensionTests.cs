using Xunit;

namespace TwinLang.Units;

public class DimensionTests
{
    [Theory]
    [InlineData(0, 0, 0, 0, 0, 0, 0, "1")]
    [InlineData(1, 0, -2, 0, 0, 0, 0, "m/s^2")]
    [InlineData(2, 1, -3, -1, 0, 0, 0, "kg*m^2/(s^3*A)")]
    [InlineData(0, 1, -3, 0, -1, 0, 0, "kg/(s^3*K)")]
    [InlineData(0, 0, -1, 0, 0, 0, 0, "1/s")]
    [InlineData(-3, 0, 0, 0, 0, 1, 0, "mol/m^3")]
    [InlineData(0, 0, 0, 0, 0, 0, 1, "cd")]
    public void ToString_Exponents_UsesSiBaseSymbols(int length, int mass, int time, int current, int temperature, int amount, int luminosity, string expected)
    {
        var dimension = new Dimension(length, mass, time, current, temperature, amount, luminosity);

        Assert.Equal(expected, dimension.ToString());
    }

    [Fact]
    public void MultiplyDivide_LengthByTime_GivesVelocityAndBack()
    {
        var velocity = Dimension.LengthDimension.Divide(Dimension.TimeDimension);

        Assert.Equal("m/s", velocity.ToString());
        Assert.Equal(Dimension.LengthDimension, velocity.Multiply(Dimension.TimeDimension));
    }

    [Fact]
    public void Pow_NegativeExponent_InvertsEveryExponent()
    {
        var dimension = new Dimension(1, 1, -2, 0, 0, 0, 0).Pow(-2);

        Assert.Equal(new Dimension(-2, -2, 4, 0, 0, 0, 0), dimension);
    }

    [Fact]
    public void IsDimensionless_RatioOfLikeDimensions_IsTrue()
    {
        Assert.True(Dimension.LengthDimension.Divide(Dimension.LengthDimension).IsDimensionless);
        Assert.False(Dimension.LengthDimension.IsDimensionless);
    }

    [Fact]
    public void TryRoot_SquareOfArea_GivesLength()
    {
        Assert.True(Dimension.LengthDimension.Pow(2).TryRoot(2, out var root));
        Assert.Equal(Dimension.LengthDimension, root);
    }

    [Fact]
    public void TryRoot_OddExponent_Fails()
    {
        Assert.False(Dimension.LengthDimension.TryRoot(2, out _));
        Assert.False(Dimension.LengthDimension.TryRoot(0, out _));
    }
}
