using TwinLang.Runtime.Signals;
using TwinLang.Runtime.Tests.Models;
using Xunit;

namespace TwinLang.Runtime.Tests;

public sealed class SignalTests
{
    [Fact]
    public void Constant_AnyTime_ReturnsTheValue() => Assert.Equal(3.5, new ConstantSignal(3.5).Evaluate(-7));

    [Theory]
    [InlineData(0.999, 1.0)]
    [InlineData(1.0, 4.0)]
    [InlineData(2.0, 4.0)]
    public void Step_AroundTheJump_SwitchesAtTheJumpTime(double t, double expected) =>
        Assert.Equal(expected, new StepSignal(At: 1, From: 1, To: 4).Evaluate(t));

    [Theory]
    [InlineData(0.0, 10.0)]
    [InlineData(1.0, 10.0)]
    [InlineData(2.0, 15.0)]
    [InlineData(3.0, 20.0)]
    [InlineData(9.0, 20.0)]
    public void Ramp_BeforeDuringAfter_IsConstantLinearConstant(double t, double expected) =>
        Assert.Equal(expected, new RampSignal(start: 1, end: 3, from: 10, to: 20).Evaluate(t), 12);

    [Fact]
    public void Ramp_EndNotAfterStart_Throws() => Assert.Throws<ArgumentException>(() => new RampSignal(2, 2, 0, 1));

    [Theory]
    [InlineData(0.5, 1.0)]
    [InlineData(1.0, 1.0)]
    [InlineData(1.125, 3.0)]
    [InlineData(1.375, -1.0)]
    public void Sine_AfterStart_OscillatesAroundOffset(double t, double expected) =>
        Assert.Equal(expected, new SineSignal(Amplitude: 2, Frequency: 2, Phase: 0, Offset: 1, Start: 1).Evaluate(t), 12);

    [Theory]
    [InlineData(TableInterpolation.Linear, -1.0, 0.0)]
    [InlineData(TableInterpolation.Linear, 0.5, 1.0)]
    [InlineData(TableInterpolation.Linear, 1.0, 2.0)]
    [InlineData(TableInterpolation.Linear, 2.0, -1.0)]
    [InlineData(TableInterpolation.Linear, 9.0, -4.0)]
    [InlineData(TableInterpolation.Hold, 0.5, 0.0)]
    [InlineData(TableInterpolation.Hold, 2.9, 2.0)]
    public void PiecewiseLinear_BetweenAndOutsidePoints_InterpolatesOrHolds(TableInterpolation interpolation, double t, double expected)
    {
        var signal = new PiecewiseLinearSignal([0.0, 1.0, 3.0], [0.0, 2.0, -4.0], interpolation);

        Assert.Equal(expected, signal.Evaluate(t), 12);
    }

    [Fact]
    public void PiecewiseLinear_UnsortedTimes_Throws() =>
        Assert.Throws<ArgumentException>(() => new PiecewiseLinearSignal([0.0, 2.0, 1.0], [0.0, 0.0, 0.0]));

    [Fact]
    public void InputProvider_UndrivenInput_KeepsItsValue()
    {
        var provider = new SignalInputProvider(2);
        provider.Set(1, new ConstantSignal(7));
        Span<double> inputs = [3, 0];

        provider.Evaluate(0, inputs);

        Assert.Equal(3, inputs[0]);
        Assert.Equal(7, inputs[1]);
    }

    [Fact]
    public void InputProvider_TrySetUnknownName_ReturnsFalse()
    {
        var model = new RcCircuit();
        var provider = new SignalInputProvider(1);

        Assert.False(provider.TrySet(model.Description, "voltage", new ConstantSignal(1)));
        Assert.True(provider.TrySet(model.Description, "u", new ConstantSignal(1)));
    }
}
