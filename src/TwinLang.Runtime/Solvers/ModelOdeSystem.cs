namespace TwinLang.Runtime.Solvers;

/// <summary>An <see cref="ITwinModel"/> as an <see cref="IOdeSystem"/>: sets the inputs at <c>t</c>, then evaluates the derivatives.</summary>
public sealed class ModelOdeSystem : IOdeSystem
{
    private readonly ITwinModel _model;
    private readonly IInputProvider? _inputs;

    /// <summary>Wraps <paramref name="model"/>; <paramref name="inputs"/> may be null when the inputs keep their values.</summary>
    public ModelOdeSystem(ITwinModel model, IInputProvider? inputs)
    {
        _model = model;
        _inputs = inputs;
    }

    /// <summary>The model's analytic Jacobian, or null when it does not provide one.</summary>
    internal ITwinModelJacobian? ModelJacobian => _model as ITwinModelJacobian;

    /// <inheritdoc/>
    public int Dimension => _model.Description.States.Count;

    /// <inheritdoc/>
    public string StateName(int index) => _model.Description.States[index].Name;

    /// <inheritdoc/>
    public void Evaluate(double t, ReadOnlySpan<double> x, Span<double> dxdt)
    {
        _inputs?.Evaluate(t, _model.InputValues);
        _model.Derivatives(t, x, dxdt);
    }
}
