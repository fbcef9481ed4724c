namespace TwinLang.Runtime.Benchmarks;

/// <summary>
/// The Lorenz-96 system dx_i/dt = (x_{i+1} - x_{i-2})·x_{i-1} - x_i + F on a ring, written as generated code
/// would be: one loop over contiguous arrays, nothing allocated. F = 8 makes it chaotic.
/// </summary>
internal sealed class Lorenz96 : ITwinModel
{
    public Lorenz96(int size)
    {
        var states = new VariableInfo[size];
        for (var i = 0; i < size; i++)
        {
            states[i] = new VariableInfo($"x[{i + 1}]", string.Empty);
        }

        Description = new ModelDescription("Lorenz96", states, [new VariableInfo("F", string.Empty)], [], []);
        ParameterValues = [8.0];
        InputValues = [];
    }

    private Lorenz96(ModelDescription description, double forcing)
    {
        Description = description;
        ParameterValues = [forcing];
        InputValues = [];
    }

    public ModelDescription Description { get; }

    public double[] ParameterValues { get; }

    public double[] InputValues { get; }

    public void InitialState(Span<double> x0)
    {
        // The equilibrium x_i = F perturbed at every site. Perturbing one site only, as is customary, leaves most
        // of a 1 000-site ring exactly at equilibrium for tens of time units, an easier problem for the adaptive
        // solver than the chaotic regime this benchmark is meant to measure.
        for (var i = 0; i < x0.Length; i++)
        {
            x0[i] = ParameterValues[0] + 0.5 * Math.Sin(1.7 * i);
        }
    }

    public void Derivatives(double t, ReadOnlySpan<double> x, Span<double> dxdt)
    {
        var n = x.Length;
        var forcing = ParameterValues[0];
        for (var i = 0; i < n; i++)
        {
            var next = x[i + 1 == n ? 0 : i + 1];
            var previous = x[i == 0 ? n - 1 : i - 1];
            var previous2 = x[i < 2 ? i + n - 2 : i - 2];
            dxdt[i] = (next - previous2) * previous - x[i] + forcing;
        }
    }

    public void Outputs(double t, ReadOnlySpan<double> x, Span<double> y)
    {
    }

    public ITwinModel Clone() => new Lorenz96(Description, ParameterValues[0]);
}
