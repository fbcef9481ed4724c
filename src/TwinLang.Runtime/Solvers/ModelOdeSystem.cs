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

    /// <summary>The structure of the model's Jacobian, or null when it does not declare one.</summary>
    internal SparsityPattern? JacobianPattern =>
        (_model as ITwinModelJacobian)?.JacobianPattern ?? (_model as ITwinModelSparsity)?.JacobianPattern;

    /// <summary>Whether the model computes its Jacobian's values (<see cref="ITwinModelJacobian"/>).</summary>
    internal bool HasAnalyticJacobian => _model is ITwinModelJacobian;

    /// <summary>The model's analytic Jacobian at <c>(t, x)</c> with the inputs at <c>t</c>; needs <see cref="HasAnalyticJacobian"/>.</summary>
    internal void Jacobian(double t, ReadOnlySpan<double> x, Span<double> values)
    {
        if (_model is not ITwinModelJacobian jacobian)
        {
            throw new InvalidOperationException("The model has no analytic Jacobian.");
        }

        // The last evaluation may have set the inputs for another time (an output sample), so set them again.
        _inputs?.Evaluate(t, _model.InputValues);
        jacobian.Jacobian(t, x, values);
    }

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
