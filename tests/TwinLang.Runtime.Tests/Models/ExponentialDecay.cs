namespace TwinLang.Runtime.Tests.Models;

/// <summary>dx/dt = -k·x, x(0) = x0: x(t) = x0·exp(-k·t).</summary>
internal sealed class ExponentialDecay : TestModel
{
    private static readonly ModelDescription Shape = new(
        "ExponentialDecay",
        Variables(("x", "m")),
        Variables(("k", "1/s"), ("x0", "m")),
        [],
        Variables(("rate", "m/s")));

    public ExponentialDecay(double k = 1.0, double x0 = 1.0)
        : base(Shape)
    {
        ParameterValues[0] = k;
        ParameterValues[1] = x0;
    }

    public override void InitialState(Span<double> x0) => x0[0] = ParameterValues[1];

    public override void Derivatives(double t, ReadOnlySpan<double> x, Span<double> dxdt) => dxdt[0] = -ParameterValues[0] * x[0];

    public override void Outputs(double t, ReadOnlySpan<double> x, Span<double> y) => y[0] = -ParameterValues[0] * x[0];

    protected override TestModel CreateEmpty() => new ExponentialDecay();
}
