namespace TwinLang.Runtime.Solvers;

/// <summary>
/// The Rosenbrock matrix stored densely and factored by <see cref="DenseLu"/>. The Jacobian comes from the system's
/// dense or sparse analytic Jacobian (scattered), else from forward differences one column at a time.
/// </summary>
internal sealed class DenseRosenbrockMatrix : RosenbrockMatrix
{
    private readonly int _n;
    private readonly double[] _jacobian;
    private readonly DenseLu _lu;
    private readonly JacobianSource _source;
    private readonly RightHandSide _evaluate;
    private readonly double[] _sparseValues;
    private readonly double[] _perturbed;
    private readonly double[] _function;

    public DenseRosenbrockMatrix(int n, JacobianSource source, RightHandSide evaluate)
    {
        _n = n;
        _jacobian = new double[n * n];
        _lu = new DenseLu(n);
        _source = source;
        _evaluate = evaluate;
        _sparseValues = new double[source.Sparse is null ? 0 : source.Pattern?.NonZeroCount ?? 0];
        _perturbed = new double[n];
        _function = new double[n];
    }

    /// <inheritdoc/>
    public override bool IsSparse => false;

    /// <inheritdoc/>
    public override long StorageSize => 2L * _n * _n;

    /// <inheritdoc/>
    public override void EvaluateJacobian(double t, double[] x, double[] f0)
    {
        var n = _n;
        if (_source.Dense is { } dense)
        {
            dense.Jacobian(t, x, _jacobian);
            return;
        }

        if (_source is { Sparse: { } sparse, Pattern: { } pattern })
        {
            sparse(t, x, _sparseValues);
            Array.Clear(_jacobian);
            var rows = pattern.RowPointers;
            var columns = pattern.ColumnIndices;
            for (var i = 0; i < n; i++)
            {
                for (var entry = rows[i]; entry < rows[i + 1]; entry++)
                {
                    _jacobian[i * n + columns[entry]] = _sparseValues[entry];
                }
            }

            return;
        }

        x.CopyTo(_perturbed, 0);
        for (var j = 0; j < n; j++)
        {
            var saved = _perturbed[j];
            _perturbed[j] = saved + Increment(saved);
            var delta = _perturbed[j] - saved;
            _evaluate(t, _perturbed, _function);
            for (var i = 0; i < n; i++)
            {
                _jacobian[i * n + j] = (_function[i] - f0[i]) / delta;
            }

            _perturbed[j] = saved;
        }
    }

    /// <inheritdoc/>
    public override bool Factor(double diagonal)
    {
        var n = _n;
        var matrix = _lu.Matrix;
        for (var i = 0; i < n * n; i++)
        {
            matrix[i] = -_jacobian[i];
        }

        for (var i = 0; i < n; i++)
        {
            matrix[i * n + i] += diagonal;
        }

        return _lu.Factor();
    }

    /// <inheritdoc/>
    public override void Solve(Span<double> b) => _lu.Solve(b);
}
