namespace TwinLang.Runtime.Tests.Models;

/// <summary>Boilerplate of the hand-written test models: value arrays sized from the description.</summary>
internal abstract class TestModel : ITwinModel
{
    protected TestModel(ModelDescription description)
    {
        Description = description;
        ParameterValues = new double[description.Parameters.Count];
        InputValues = new double[description.Inputs.Count];
    }

    public ModelDescription Description { get; }

    public double[] ParameterValues { get; }

    public double[] InputValues { get; }

    public abstract void InitialState(Span<double> x0);

    public abstract void Derivatives(double t, ReadOnlySpan<double> x, Span<double> dxdt);

    public virtual void Outputs(double t, ReadOnlySpan<double> x, Span<double> y)
    {
    }

    public ITwinModel Clone()
    {
        var copy = CreateEmpty();
        ParameterValues.CopyTo(copy.ParameterValues, 0);
        InputValues.CopyTo(copy.InputValues, 0);
        return copy;
    }

    protected abstract TestModel CreateEmpty();

    protected static VariableInfo[] Variables(params (string Name, string Unit)[] variables) =>
        [.. variables.Select(v => new VariableInfo(v.Name, v.Unit))];
}
