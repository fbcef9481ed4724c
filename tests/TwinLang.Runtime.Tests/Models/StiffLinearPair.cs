namespace TwinLang.Runtime.Tests.Models;

/// <summary>
/// A stiff linear pair with an analytic Jacobian: <c>x1' = −1000·x1 + x2</c>, <c>x2' = −x2</c>, x(0) = (0, 1), whose
/// exact solution is <c>x2 = e^(−t)</c>, <c>x1 = (e^(−t) − e^(−1000t)) / 999</c>. Counts its Jacobian calls.
/// </summary>
internal sealed class StiffLinearPair : TestModel, ITwinModelJacobian
{
    private static readonly ModelDescription Shape = new(
        "StiffLinearPair",
        Variables(("x1", "1"), ("x2", "1")),
        [],
        [],
        []);

    public StiffLinearPair()
        : base(Shape)
    {
    }

    public int JacobianCalls { get; private set; }

    // Row 0 holds (0,0) and (0,1); row 1 holds (1,1).
    public SparsityPattern JacobianPattern { get; } = new(2, 2, [0, 2, 3], [0, 1, 1]);

    public override void InitialState(Span<double> x0)
    {
        x0[0] = 0;
        x0[1] = 1;
    }

    public override void Derivatives(double t, ReadOnlySpan<double> x, Span<double> dxdt)
    {
        dxdt[0] = -1000 * x[0] + x[1];
        dxdt[1] = -x[1];
    }

    public void Jacobian(double t, ReadOnlySpan<double> x, Span<double> values)
    {
        JacobianCalls++;
        values[0] = -1000;
        values[1] = 1;
        values[2] = -1;
    }

    protected override TestModel CreateEmpty() => new StiffLinearPair();
}
