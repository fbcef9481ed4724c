namespace TwinLang.Runtime.Solvers;

/// <summary>
/// The Rosenbrock matrix on the Jacobian's pattern plus the diagonal, factored by <see cref="SparseLu"/>; nothing
/// of size <c>n²</c> is ever allocated. Without analytic values the Jacobian is differenced by column colouring
/// (Curtis, Powell and Reid, 1974): columns that share no row are perturbed together, so a differenced Jacobian
/// costs one evaluation per colour (three for a tridiagonal pattern) instead of one per state.
/// </summary>
internal sealed class SparseRosenbrockMatrix : RosenbrockMatrix
{
    private readonly SparseJacobianFunction? _analytic;
    private readonly RightHandSide _evaluate;
    private readonly double[] _jacobian;
    private readonly SparseLu _lu;
    private readonly int[] _luPosition;
    private readonly int[] _diagonalPosition;
    private readonly ColumnColoring? _coloring;
    private readonly double[] _perturbed;
    private readonly double[] _function;
    private readonly double[] _increments;

    public SparseRosenbrockMatrix(SparsityPattern pattern, SparseJacobianFunction? analytic, RightHandSide evaluate)
    {
        _analytic = analytic;
        _evaluate = evaluate;
        _jacobian = new double[pattern.NonZeroCount];
        (var withDiagonal, _luPosition, _diagonalPosition) = AddDiagonal(pattern);
        _lu = new SparseLu(withDiagonal);
        var n = pattern.Rows;
        if (analytic is null)
        {
            _coloring = new ColumnColoring(pattern);
            _perturbed = new double[n];
            _function = new double[n];
            _increments = new double[n];
        }
        else
        {
            _perturbed = _function = _increments = [];
        }
    }

    /// <inheritdoc/>
    public override bool IsSparse => true;

    /// <inheritdoc/>
    public override long StorageSize => _jacobian.Length + _lu.StorageSize;

    /// <summary>The number of colours (right-hand-side evaluations per differenced Jacobian), 0 with analytic values.</summary>
    public int Colors => _coloring?.Colors ?? 0;

    /// <inheritdoc/>
    public override void EvaluateJacobian(double t, double[] x, double[] f0)
    {
        if (_analytic is not null)
        {
            _analytic(t, x, _jacobian);
            return;
        }

        var coloring = _coloring ?? throw new InvalidOperationException("A differenced Jacobian needs a colouring.");
        x.CopyTo(_perturbed, 0);
        for (var color = 0; color < coloring.Colors; color++)
        {
            var members = coloring.ColumnsOf(color);
            foreach (var j in members)
            {
                var saved = x[j];
                _perturbed[j] = saved + Increment(saved);
                _increments[j] = _perturbed[j] - saved;
            }

            _evaluate(t, _perturbed, _function);
            foreach (var j in members)
            {
                _perturbed[j] = x[j];
            }

            // Each row has at most one column of this colour, so its difference belongs to that entry alone.
            foreach (var j in members)
            {
                foreach (var entry in coloring.EntriesOfColumn(j))
                {
                    var i = coloring.RowOfEntry(entry);
                    _jacobian[entry] = (_function[i] - f0[i]) / _increments[j];
                }
            }
        }
    }

    /// <inheritdoc/>
    public override bool Factor(double diagonal)
    {
        var values = _lu.Values;
        values.Clear();
        for (var e = 0; e < _jacobian.Length; e++)
        {
            values[_luPosition[e]] = -_jacobian[e];
        }

        foreach (var position in _diagonalPosition)
        {
            values[position] += diagonal;
        }

        return _lu.Factor();
    }

    /// <inheritdoc/>
    public override void Solve(Span<double> b) => _lu.Solve(b);

    /// <summary>The pattern with every diagonal entry present, and where each original entry and each diagonal went.</summary>
    private static (SparsityPattern Pattern, int[] EntryPosition, int[] DiagonalPosition) AddDiagonal(SparsityPattern pattern)
    {
        var n = pattern.Rows;
        var rows = pattern.RowPointers;
        var columns = pattern.ColumnIndices;
        var newRows = new int[n + 1];
        var newColumns = new List<int>(pattern.NonZeroCount + n);
        var entryPosition = new int[pattern.NonZeroCount];
        var diagonalPosition = new int[n];
        for (var i = 0; i < n; i++)
        {
            var diagonalDone = false;
            for (var e = rows[i]; e < rows[i + 1]; e++)
            {
                var j = columns[e];
                if (!diagonalDone && j >= i)
                {
                    if (j > i)
                    {
                        diagonalPosition[i] = newColumns.Count;
                        newColumns.Add(i);
                    }
                    else
                    {
                        diagonalPosition[i] = newColumns.Count;
                    }

                    diagonalDone = true;
                }

                entryPosition[e] = newColumns.Count;
                newColumns.Add(j);
            }

            if (!diagonalDone)
            {
                diagonalPosition[i] = newColumns.Count;
                newColumns.Add(i);
            }

            newRows[i + 1] = newColumns.Count;
        }

        return (new SparsityPattern(n, n, newRows, [.. newColumns]), entryPosition, diagonalPosition);
    }
}
