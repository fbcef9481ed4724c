namespace TwinLang.Runtime.Tests.Models;

/// <summary>x'' = -ω²x with x(0) = 1, v(0) = 0: x(t) = cos(ωt), v(t) = -ω·sin(ωt), energy ½(v² + ω²x²) conserved.</summary>
internal sealed class HarmonicOscillator : TestModel
{
    private static readonly ModelDescription Shape = new(
        "HarmonicOscillator",
        Variables(("x", "m"), ("v", "m/s")),
        Variables(("omega", "rad/s")),
        [],
        Variables(("energy", "m2/s2")));

    public HarmonicOscillator(double omega = 2 * Math.PI)
        : base(Shape)
    {
        ParameterValues[0] = omega;
    }

    public double Omega => ParameterValues[0];

    public override void InitialState(Span<double> x0)
    {
        x0[0] = 1.0;
        x0[1] = 0.0;
    }

    public override void Derivatives(double t, ReadOnlySpan<double> x, Span<double> dxdt)
    {
        dxdt[0] = x[1];
        dxdt[1] = -Omega * Omega * x[0];
    }

    public override void Outputs(double t, ReadOnlySpan<double> x, Span<double> y) =>
        y[0] = 0.5 * (x[1] * x[1] + Omega * Omega * x[0] * x[0]);

    protected override TestModel CreateEmpty() => new HarmonicOscillator();
}
