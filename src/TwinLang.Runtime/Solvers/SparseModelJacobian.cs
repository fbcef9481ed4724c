namespace TwinLang.Runtime.Solvers;

/// <summary>
/// A model's sparse analytic Jacobian (<see cref="ITwinModelJacobian"/>) scattered into the dense row-major layout
/// of <see cref="IOdeJacobian"/>. The model's inputs are those of the last right-hand-side evaluation, which the
/// solvers make at the same time just before asking for the Jacobian.
/// </summary>
internal sealed class SparseModelJacobian : IOdeJacobian
{
    private readonly ITwinModelJacobian _model;
    private readonly double[] _values;

    private SparseModelJacobian(ITwinModelJacobian model)
    {
        _model = model;
        _values = new double[model.JacobianPattern.NonZeroCount];
    }

    /// <summary>The analytic Jacobian of <paramref name="system"/>'s model, or null when there is none.</summary>
    public static IOdeJacobian? For(IOdeSystem system) =>
        system is ModelOdeSystem { ModelJacobian: { } model } ? new SparseModelJacobian(model) : null;

    /// <inheritdoc/>
    public void Jacobian(double t, ReadOnlySpan<double> x, Span<double> jacobian)
    {
        _model.Jacobian(t, x, _values);
        jacobian.Clear();
        var pattern = _model.JacobianPattern;
        var rows = pattern.RowPointers;
        var columns = pattern.ColumnIndices;
        var n = pattern.Columns;
        for (var i = 0; i < pattern.Rows; i++)
        {
            for (var entry = rows[i]; entry < rows[i + 1]; entry++)
            {
                jacobian[i * n + columns[entry]] = _values[entry];
            }
        }
    }
}
