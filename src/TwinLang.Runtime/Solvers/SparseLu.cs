namespace TwinLang.Runtime.Solvers;

/// <summary>
/// LU factorisation of a square sparse matrix given by a <see cref="SparsityPattern"/>, for the stiff solvers'
/// iteration matrices. The design follows KLU (Davis and Palamadai Natarajan, ACM TOMS 2010) without its block
/// triangular form: a fill-reducing symmetric ordering (<see cref="MinimumDegreeOrdering"/>) computed once; a
/// left-looking Gilbert–Peierls factorisation (depth-first reach, then a sparse triangular solve per column) with
/// threshold partial pivoting that prefers the diagonal; and refactorisation that reuses the pivot sequence and
/// the structure of L and U, allocates nothing and falls back to a full factorisation when a reused pivot has
/// become too small.
/// </summary>
public sealed class SparseLu
{
    // A diagonal pivot is kept while it is at least this fraction of the column's largest candidate (KLU's default).
    private const double PivotTolerance = 1e-3;

    // A reused pivot this much smaller than its column's entries means the old pivot sequence no longer suits.
    private const double RefactorTolerance = 1e-8;

    private readonly int _n;
    private readonly int[] _order;
    private readonly int[] _columnPointers;
    private readonly int[] _rowIndices;
    private readonly int[] _valueMap;
    private readonly double[] _values;
    private readonly double[] _permutedValues;
    private readonly int[] _pivotOf;
    private readonly double[] _work;
    private readonly int[] _stack;
    private readonly int[] _reach;
    private readonly int[] _pathPosition;
    private readonly bool[] _marked;
    private readonly int[] _lowerPointers;
    private readonly int[] _upperPointers;
    private int[] _lowerRows = [];
    private double[] _lowerValues = [];
    private int[] _upperRows = [];
    private double[] _upperValues = [];
    private bool _hasPivotSequence;

    /// <summary>Analyses <paramref name="pattern"/> (which must be square): ordering and storage; no numeric work.</summary>
    public SparseLu(SparsityPattern pattern)
    {
        if (pattern.Rows != pattern.Columns)
        {
            throw new ArgumentException("A sparse LU needs a square matrix.", nameof(pattern));
        }

        var n = pattern.Rows;
        _n = n;
        _order = MinimumDegreeOrdering.Order(pattern);
        var position = new int[n];
        for (var k = 0; k < n; k++)
        {
            position[_order[k]] = k;
        }

        // The permuted matrix B = Qᵀ A Q in compressed columns; _valueMap sends each stored entry of A (in pattern
        // order) to its place in B, so loading values costs one pass.
        var rows = pattern.RowPointers;
        var columns = pattern.ColumnIndices;
        var nonZeros = pattern.NonZeroCount;
        _columnPointers = new int[n + 1];
        for (var e = 0; e < nonZeros; e++)
        {
            _columnPointers[position[columns[e]] + 1]++;
        }

        for (var k = 0; k < n; k++)
        {
            _columnPointers[k + 1] += _columnPointers[k];
        }

        var next = _columnPointers[..n];
        _rowIndices = new int[nonZeros];
        _valueMap = new int[nonZeros];
        for (var i = 0; i < n; i++)
        {
            for (var e = rows[i]; e < rows[i + 1]; e++)
            {
                var slot = next[position[columns[e]]]++;
                _rowIndices[slot] = position[i];
                _valueMap[e] = slot;
            }
        }

        _values = new double[nonZeros];
        _permutedValues = new double[nonZeros];
        _pivotOf = new int[n];
        _work = new double[n];
        _stack = new int[n];
        _reach = new int[n];
        _pathPosition = new int[n];
        _marked = new bool[n];
        _lowerPointers = new int[n + 1];
        _upperPointers = new int[n + 1];
        EnsureCapacity(ref _lowerRows, ref _lowerValues, nonZeros + n);
        EnsureCapacity(ref _upperRows, ref _upperValues, nonZeros + n);
    }

    /// <summary>The dimension.</summary>
    public int Dimension => _n;

    /// <summary>The matrix's values in the pattern's order (row by row); fill them, then call <see cref="Factor"/>.</summary>
    public Span<double> Values => _values;

    /// <summary>The entries stored in L and U after the last factorisation: the fill plus the pattern.</summary>
    public int FactorNonZeroCount => _lowerPointers[_n] + _upperPointers[_n];

    /// <summary>The doubles held for the matrix and its factors (their capacity), never <c>n²</c> unless the factors fill in.</summary>
    public long StorageSize => _values.Length + _permutedValues.Length + _lowerValues.Length + _upperValues.Length + _work.Length;

    /// <summary>Factorisations that chose pivots (the first, and any after an unstable refactorisation).</summary>
    public long PivotingFactorizations { get; private set; }

    /// <summary>Factorisations that reused the pivot sequence and structure without allocating.</summary>
    public long Refactorizations { get; private set; }

    /// <summary>
    /// Factors <see cref="Values"/>. Reuses the previous pivot sequence when it is still numerically sound, else
    /// chooses pivots afresh. Returns false when the matrix is singular (no non-zero finite pivot in a column).
    /// </summary>
    public bool Factor()
    {
        for (var e = 0; e < _values.Length; e++)
        {
            _permutedValues[_valueMap[e]] = _values[e];
        }

        if (_hasPivotSequence && Refactor())
        {
            Refactorizations++;
            return true;
        }

        PivotingFactorizations++;
        _hasPivotSequence = FactorWithPivoting();
        return _hasPivotSequence;
    }

    /// <summary>Overwrites <paramref name="b"/> with the solution of <c>A x = b</c> for the factored matrix.</summary>
    public void Solve(Span<double> b)
    {
        var n = _n;
        var y = _work.AsSpan(0, n);

        // P Qᵀ A Q = L U, so with c = Qᵀ b permuted by P: L U (Qᵀ x) = P c.
        for (var i = 0; i < n; i++)
        {
            y[_pivotOf[i]] = b[_order[i]];
        }

        for (var k = 0; k < n; k++)
        {
            var value = y[k];
            if (value != 0)
            {
                for (var p = _lowerPointers[k] + 1; p < _lowerPointers[k + 1]; p++)
                {
                    y[_lowerRows[p]] -= _lowerValues[p] * value;
                }
            }
        }

        for (var k = n - 1; k >= 0; k--)
        {
            var last = _upperPointers[k + 1] - 1;
            var value = y[k] / _upperValues[last];
            y[k] = value;
            if (value != 0)
            {
                for (var p = _upperPointers[k]; p < last; p++)
                {
                    y[_upperRows[p]] -= _upperValues[p] * value;
                }
            }
        }

        for (var k = 0; k < n; k++)
        {
            b[_order[k]] = y[k];
            y[k] = 0;
        }
    }

    /// <summary>
    /// Gilbert–Peierls: for each column, the rows its solve with the finished columns of L can reach (by depth-first
    /// search), a sparse triangular solve over them in topological order, then the pivot. L's row indices are in
    /// the permuted row space until the end, when they are renumbered to pivot order.
    /// </summary>
    private bool FactorWithPivoting()
    {
        var n = _n;
        var x = _work;
        Array.Fill(_pivotOf, -1);
        var lowerCount = 0;
        var upperCount = 0;
        for (var k = 0; k < n; k++)
        {
            _lowerPointers[k] = lowerCount;
            _upperPointers[k] = upperCount;
            EnsureCapacity(ref _lowerRows, ref _lowerValues, lowerCount + n);
            EnsureCapacity(ref _upperRows, ref _upperValues, upperCount + n);

            var top = Reach(k);
            for (var p = _columnPointers[k]; p < _columnPointers[k + 1]; p++)
            {
                x[_rowIndices[p]] = _permutedValues[p];
            }

            for (var r = top; r < n; r++)
            {
                var row = _reach[r];
                var step = _pivotOf[row];
                if (step < 0)
                {
                    continue;
                }

                var value = x[row];
                for (var p = _lowerPointers[step] + 1; p < _lowerPointers[step + 1]; p++)
                {
                    x[_lowerRows[p]] -= _lowerValues[p] * value;
                }
            }

            // Threshold pivoting: keep the diagonal of the ordered matrix (its fill was planned) unless it is much
            // smaller than the largest candidate.
            var pivotRow = -1;
            var largest = -1.0;
            for (var r = top; r < n; r++)
            {
                var row = _reach[r];
                if (_pivotOf[row] < 0)
                {
                    var magnitude = Math.Abs(x[row]);
                    if (magnitude > largest)
                    {
                        largest = magnitude;
                        pivotRow = row;
                    }
                }
                else
                {
                    _upperRows[upperCount] = _pivotOf[row];
                    _upperValues[upperCount++] = x[row];
                }
            }

            if (!(largest > 0) || !double.IsFinite(largest))
            {
                ClearWork(top);
                return false;
            }

            if (_pivotOf[k] < 0 && Math.Abs(x[k]) >= PivotTolerance * largest)
            {
                pivotRow = k;
            }

            var pivot = x[pivotRow];
            _upperRows[upperCount] = k;
            _upperValues[upperCount++] = pivot;
            _pivotOf[pivotRow] = k;
            _lowerRows[lowerCount] = pivotRow;
            _lowerValues[lowerCount++] = 1;
            for (var r = top; r < n; r++)
            {
                var row = _reach[r];
                if (_pivotOf[row] < 0)
                {
                    _lowerRows[lowerCount] = row;
                    _lowerValues[lowerCount++] = x[row] / pivot;
                }
            }

            ClearWork(top);
        }

        _lowerPointers[n] = lowerCount;
        _upperPointers[n] = upperCount;
        for (var p = 0; p < lowerCount; p++)
        {
            _lowerRows[p] = _pivotOf[_lowerRows[p]];
        }

        // Refactorisation walks U's columns in increasing pivot order, a topological order of the updates.
        for (var k = 0; k < n; k++)
        {
            var start = _upperPointers[k];
            var length = _upperPointers[k + 1] - 1 - start;
            Array.Sort(_upperRows, _upperValues, start, length);
        }

        return true;
    }

    /// <summary>The rows reachable from column k's pattern through finished columns of L, in topological order from <c>_reach[top]</c>.</summary>
    private int Reach(int k)
    {
        var n = _n;
        var top = n;
        for (var p = _columnPointers[k]; p < _columnPointers[k + 1]; p++)
        {
            var start = _rowIndices[p];
            if (_marked[start])
            {
                continue;
            }

            // Iterative depth-first search; a node's children are the rows of the L column it was pivoted in.
            var head = 0;
            _stack[0] = start;
            while (head >= 0)
            {
                var row = _stack[head];
                var step = _pivotOf[row];
                if (!_marked[row])
                {
                    _marked[row] = true;
                    _pathPosition[head] = step < 0 ? 0 : _lowerPointers[step] + 1;
                }

                var done = true;
                if (step >= 0)
                {
                    var end = _lowerPointers[step + 1];
                    for (var p2 = _pathPosition[head]; p2 < end; p2++)
                    {
                        var child = _lowerRows[p2];
                        if (!_marked[child])
                        {
                            _pathPosition[head] = p2 + 1;
                            _stack[++head] = child;
                            done = false;
                            break;
                        }
                    }
                }

                if (done)
                {
                    head--;
                    _reach[--top] = row;
                }
            }
        }

        for (var r = top; r < n; r++)
        {
            _marked[_reach[r]] = false;
        }

        return top;
    }

    private void ClearWork(int top)
    {
        for (var r = top; r < _n; r++)
        {
            _work[_reach[r]] = 0;
        }
    }

    /// <summary>
    /// Numeric factorisation with the stored pivot sequence and structure (rows in pivot order). Returns false, with
    /// the factors left unusable, when a pivot is zero, not finite or too small against its column.
    /// </summary>
    private bool Refactor()
    {
        var n = _n;
        var x = _work;
        for (var k = 0; k < n; k++)
        {
            for (var p = _columnPointers[k]; p < _columnPointers[k + 1]; p++)
            {
                x[_pivotOf[_rowIndices[p]]] = _permutedValues[p];
            }

            var last = _upperPointers[k + 1] - 1;
            for (var p = _upperPointers[k]; p < last; p++)
            {
                var step = _upperRows[p];
                var value = x[step];
                x[step] = 0;
                _upperValues[p] = value;
                if (value != 0)
                {
                    for (var q = _lowerPointers[step] + 1; q < _lowerPointers[step + 1]; q++)
                    {
                        x[_lowerRows[q]] -= _lowerValues[q] * value;
                    }
                }
            }

            var pivot = x[k];
            x[k] = 0;
            var largest = 0.0;
            var lowerStart = _lowerPointers[k] + 1;
            var lowerEnd = _lowerPointers[k + 1];
            for (var q = lowerStart; q < lowerEnd; q++)
            {
                largest = Math.Max(largest, Math.Abs(x[_lowerRows[q]]));
            }

            if (!(Math.Abs(pivot) > RefactorTolerance * largest) || !double.IsFinite(pivot) || !double.IsFinite(largest))
            {
                for (var q = lowerStart; q < lowerEnd; q++)
                {
                    x[_lowerRows[q]] = 0;
                }

                return false;
            }

            _upperValues[last] = pivot;
            for (var q = lowerStart; q < lowerEnd; q++)
            {
                var row = _lowerRows[q];
                _lowerValues[q] = x[row] / pivot;
                x[row] = 0;
            }
        }

        return true;
    }

    private static void EnsureCapacity(ref int[] indices, ref double[] values, int required)
    {
        if (indices.Length >= required)
        {
            return;
        }

        var capacity = Math.Max(required, 2 * indices.Length);
        Array.Resize(ref indices, capacity);
        Array.Resize(ref values, capacity);
    }
}
