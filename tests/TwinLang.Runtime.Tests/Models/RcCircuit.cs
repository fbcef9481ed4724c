namespace TwinLang.Runtime.Tests.Models;

/// <summary>
/// A capacitor charged through a resistor from an input voltage: C·dv/dt = (u - v)/R, v(0) = 0.
/// For a constant u: v(t) = u·(1 - exp(-t/RC)).
/// </summary>
internal sealed class RcCircuit : TestModel
{
    private static readonly ModelDescription Shape = new(
        "RcCircuit",
        Variables(("v", "V")),
        Variables(("R", "Ohm"), ("C", "F")),
        Variables(("u", "V")),
        Variables(("i", "A")));

    public RcCircuit(double resistance = 1000, double capacitance = 1e-3)
        : base(Shape)
    {
        ParameterValues[0] = resistance;
        ParameterValues[1] = capacitance;
    }

    public double TimeConstant => ParameterValues[0] * ParameterValues[1];

    public override void InitialState(Span<double> x0) => x0[0] = 0;

    public override void Derivatives(double t, ReadOnlySpan<double> x, Span<double> dxdt) =>
        dxdt[0] = (InputValues[0] - x[0]) / (ParameterValues[0] * ParameterValues[1]);

    public override void Outputs(double t, ReadOnlySpan<double> x, Span<double> y) =>
        y[0] = (InputValues[0] - x[0]) / ParameterValues[0];

    protected override TestModel CreateEmpty() => new RcCircuit();
}
