namespace TwinLang.Runtime.Tests.Models;

/// <summary>
/// States a, b with da/dt = 1 and db/dt = sqrt(2 - t): the derivative of 'b' is NaN after t = 2, so no run can
/// get past it.
/// </summary>
internal sealed class DomainLimited : TestModel
{
    private static readonly ModelDescription Shape = new("DomainLimited", Variables(("a", "1"), ("b", "1")), [], [], []);

    public DomainLimited()
        : base(Shape)
    {
    }

    public override void InitialState(Span<double> x0)
    {
        x0[0] = 0;
        x0[1] = 0;
    }

    public override void Derivatives(double t, ReadOnlySpan<double> x, Span<double> dxdt)
    {
        dxdt[0] = 1;
        dxdt[1] = Math.Sqrt(2 - t);
    }

    protected override TestModel CreateEmpty() => new DomainLimited();
}
