namespace TwinLang.Runtime.Jacobians;

/// <summary>
/// Algebraic loops (unknowns <c>z</c> solved together from residuals <c>F(z, v) = 0</c>) by the implicit function
/// theorem: <c>∂z/∂x = -(∂F/∂z)⁻¹ · ∂F/∂v · ∂v/∂x</c>. The sweep reports, per residual, its partials by what it
/// reads outside the block (as for a row) and its partials by the block's unknowns; the block's unknowns then
/// get the solved rows. Every unknown's row has the union of the residuals' columns.
/// </summary>
public sealed partial class JacobianAssembler
{
    private readonly List<int> _recordedUnknowns = [];
    private readonly List<List<int>> _recordedResiduals = [];
    private readonly List<BlockLayout> _blocks = [];
    private int _blockCursor;
    private int _currentResidual = -1;
    private BlockLayout _block;
    private double[] _matrix = [];
    private double[] _solution = [];
    private int[] _pivots = [];

    /// <summary>Starts a block of <paramref name="size"/> unknowns solved together (one element of an algebraic loop).</summary>
    public void BeginBlock(int size)
    {
        if (IsRecording)
        {
            FinishRecordedRow();
            _recordedUnknowns.Clear();
            _recordedResiduals.Clear();
            for (var r = 0; r < size; r++)
            {
                _recordedUnknowns.Add(-1);
                _recordedResiduals.Add([]);
            }

            return;
        }

        _block = _blocks[_blockCursor++];
        _matrix.AsSpan(0, _block.Size * _block.Size).Clear();
    }

    /// <summary>Says that unknown <paramref name="unknown"/> of the current block is row <paramref name="row"/>.</summary>
    public void BlockUnknown(int unknown, int row)
    {
        if (IsRecording)
        {
            _recordedUnknowns[unknown] = row;
        }
    }

    /// <summary>Starts residual <paramref name="residual"/> of the current block: <see cref="AddState"/> and <see cref="AddRow"/> then report its partials by what it reads outside the block.</summary>
    public void BeginResidual(int residual)
    {
        if (IsRecording)
        {
            FlushResidual();
            _currentResidual = residual;
        }
    }

    /// <summary>The partial of residual <paramref name="residual"/> by unknown <paramref name="unknown"/> of the current block.</summary>
    public void BlockPartial(int residual, int unknown, double partial)
    {
        if (!IsRecording)
        {
            _matrix[(residual * _block.Size) + unknown] = partial;
        }
    }

    /// <summary>Solves the current block: the unknowns' rows become <c>-(∂F/∂z)⁻¹ · (residual rows)</c>. A singular block gives NaN rows.</summary>
    public void EndBlock()
    {
        if (IsRecording)
        {
            RecordBlock();
            return;
        }

        var k = _block.Size;
        var singular = !Factor(k);
        for (var c = 0; c < _block.Width; c++)
        {
            for (var r = 0; r < k; r++)
            {
                _solution[r] = -_values[_block.Start + (r * _block.Width) + c];
            }

            if (!singular)
            {
                Solve(k);
            }

            for (var u = 0; u < k; u++)
            {
                _values[_block.Start + ((k + u) * _block.Width) + c] = singular ? double.NaN : _solution[u];
            }
        }
    }

    private void FlushResidual()
    {
        if (_currentResidual >= 0)
        {
            _recordedResiduals[_currentResidual].AddRange(_pending);
            _pending.Clear();
            _currentResidual = -1;
        }
    }

    /// <summary>Lays out the block: its residual rows, then its unknowns' rows, each over the union of the residuals' columns.</summary>
    private void RecordBlock()
    {
        FlushResidual();
        _union.Clear();
        foreach (var residual in _recordedResiduals)
        {
            foreach (var item in residual)
            {
                AddColumnsOf(item, _union);
            }
        }

        _union.Sort();
        var columns = _union.Distinct().ToList();
        var start = _recordedColumns.Count;
        var size = _recordedResiduals.Count;
        for (var r = 0; r < size; r++)
        {
            _recordedColumns.AddRange(columns);
        }

        for (var u = 0; u < size; u++)
        {
            var row = _recordedUnknowns[u];
            _rowStart[row] = _recordedColumns.Count;
            _rowLength[row] = columns.Count;
            _recordedColumns.AddRange(columns);
        }

        var scratch = new List<int>();
        for (var r = 0; r < size; r++)
        {
            foreach (var item in _recordedResiduals[r])
            {
                scratch.Clear();
                AddColumnsOf(item, scratch);
                foreach (var column in scratch)
                {
                    _recordedProgram.Add(start + (r * columns.Count) + columns.BinarySearch(column));
                }
            }
        }

        _blocks.Add(new BlockLayout(start, size, columns.Count));
    }

    private void AddColumnsOf(int item, List<int> target)
    {
        if (item >= 0)
        {
            target.Add(item);
            return;
        }

        var source = ~item;
        for (var k = 0; k < _rowLength[source]; k++)
        {
            target.Add(_recordedColumns[_rowStart[source] + k]);
        }
    }

    private void CompleteBlocks()
    {
        var largest = _blocks.Count == 0 ? 0 : _blocks.Max(b => b.Size);
        _matrix = new double[largest * largest];
        _solution = new double[largest];
        _pivots = new int[largest];
    }

    /// <summary>LU with partial pivoting of the k × k block matrix, in place; false when singular.</summary>
    private bool Factor(int k)
    {
        for (var j = 0; j < k; j++)
        {
            var pivot = j;
            for (var i = j + 1; i < k; i++)
            {
                if (Math.Abs(_matrix[(i * k) + j]) > Math.Abs(_matrix[(pivot * k) + j]))
                {
                    pivot = i;
                }
            }

            _pivots[j] = pivot;
            if (_matrix[(pivot * k) + j] == 0 || !double.IsFinite(_matrix[(pivot * k) + j]))
            {
                return false;
            }

            if (pivot != j)
            {
                for (var c = 0; c < k; c++)
                {
                    (_matrix[(j * k) + c], _matrix[(pivot * k) + c]) = (_matrix[(pivot * k) + c], _matrix[(j * k) + c]);
                }
            }

            for (var i = j + 1; i < k; i++)
            {
                var factor = _matrix[(i * k) + j] /= _matrix[(j * k) + j];
                for (var c = j + 1; c < k; c++)
                {
                    _matrix[(i * k) + c] -= factor * _matrix[(j * k) + c];
                }
            }
        }

        return true;
    }

    /// <summary>Solves with the factors of <see cref="Factor"/>, right-hand side and result in <see cref="_solution"/>.</summary>
    private void Solve(int k)
    {
        for (var j = 0; j < k; j++)
        {
            (_solution[j], _solution[_pivots[j]]) = (_solution[_pivots[j]], _solution[j]);
            for (var i = j + 1; i < k; i++)
            {
                _solution[i] -= _matrix[(i * k) + j] * _solution[j];
            }
        }

        for (var i = k - 1; i >= 0; i--)
        {
            for (var c = i + 1; c < k; c++)
            {
                _solution[i] -= _matrix[(i * k) + c] * _solution[c];
            }

            _solution[i] /= _matrix[(i * k) + i];
        }
    }

    /// <summary>Where a block's rows live: <c>Size</c> residual rows then <c>Size</c> unknown rows, each <c>Width</c> wide, from <c>Start</c>.</summary>
    private readonly record struct BlockLayout(int Start, int Size, int Width);
}
