using TwinLang.Runtime.Solvers;
using Xunit;

namespace TwinLang.Runtime.Tests;

public sealed class StepSizeControllerTests
{
    [Fact]
    public void AcceptFactor_ZeroError_IsClampedToMaxFactor()
    {
        Assert.Equal(10.0, StepSizeController.Default.AcceptFactor(0, 1e-4, 4));
    }

    [Fact]
    public void AcceptFactor_IController_IsSafetyTimesErrorToMinusOneOverOrderPlusOne()
    {
        var controller = new StepSizeController(Beta: 0);

        Assert.Equal(0.9 * Math.Pow(0.5, -0.2), controller.AcceptFactor(0.5, 1.0, 4), 12);
    }

    [Fact]
    public void AcceptFactor_PiController_GrowsLessAfterASmallPreviousError()
    {
        var controller = StepSizeController.Default;

        Assert.True(controller.AcceptFactor(0.5, 1e-4, 4) < controller.AcceptFactor(0.5, 1.0, 4));
    }

    [Fact]
    public void RejectFactor_HugeError_IsClampedToMinFactor()
    {
        Assert.Equal(0.2, StepSizeController.Default.RejectFactor(1e12, 4));
        Assert.True(StepSizeController.Default.RejectFactor(2, 4) < 1);
    }

    [Theory]
    [InlineData(1.5, 0.2, 10, 0.04, "The step-size safety factor must be in (0, 1] but is 1.5.")]
    [InlineData(0.9, 1.0, 10, 0.04, "The minimum step-size factor must be in (0, 1) but is 1.")]
    [InlineData(0.9, 0.2, 1, 0.04, "The maximum step-size factor must be greater than 1 but is 1.")]
    [InlineData(0.9, 0.2, 10, 0.3, "The PI exponent beta must be in [0, 0.2) but is 0.3.")]
    public void Validate_OutOfRangeSetting_SaysWhich(double safety, double minFactor, double maxFactor, double beta, string message)
    {
        Assert.Equal(message, new StepSizeController(safety, minFactor, maxFactor, beta).Validate());
    }
}
