namespace TwinLang.Runtime.Tests.Models;

/// <summary>dx/dt = x², x(0) = 1: x(t) = 1/(1 - t), which has no solution past t = 1.</summary>
internal sealed class FiniteTimeBlowUp : TestModel
{
    private static readonly ModelDescription Shape = new("FiniteTimeBlowUp", Variables(("y", "1"), ("x", "1")), [], [], []);

    public FiniteTimeBlowUp()
        : base(Shape)
    {
    }

    public override void InitialState(Span<double> x0)
    {
        x0[0] = 0;
        x0[1] = 1;
    }

    public override void Derivatives(double t, ReadOnlySpan<double> x, Span<double> dxdt)
    {
        // A well-behaved neighbour so that the failure has to name the right state.
        dxdt[0] = 1;
        dxdt[1] = x[1] * x[1];
    }

    protected override TestModel CreateEmpty() => new FiniteTimeBlowUp();
}
