using System.Runtime.CompilerServices;

namespace TwinLang.Runtime.Jacobians;

/// <summary>
/// Assembles a generated model's analytic Jacobian <c>∂(dx/dt)/∂x</c> by the sparse chain rule: the generated
/// sweep visits the sorted assignments in order and, for each computed element (an algebraic unknown or a state
/// derivative, a "row"), reports the local partial derivatives of its right-hand side — by a state
/// (<see cref="AddState"/>) or by an earlier row (<see cref="AddRow"/>, which adds that row's gradient scaled by
/// the partial). Each row thus holds the gradient of its element with respect to the states.
/// </summary>
/// <remarks>
/// The first sweep records: it fixes every row's sorted column set (the sparsity pattern, found structurally,
/// from which references the code reads, never from values) and a slot program that maps each reported
/// contribution to its storage position. Later sweeps replay the same call sequence and only accumulate values:
/// no allocation, no search, work proportional to the number of contributions (for a pack of n cells O(n), never
/// O(n²)). This is forward propagation of sparse gradients (index domains, as in ADOL-C's sparse drivers), which
/// needs no column colouring and is not slowed down by dense rows such as a sum over all cells.
/// </remarks>
public sealed partial class JacobianAssembler
{
    private readonly int _states;
    private readonly int _algebraics;
    private readonly int[] _rowStart;
    private readonly int[] _rowLength;
    private readonly List<int> _pending = [];
    private readonly List<int> _recordedColumns = [];
    private readonly List<int> _recordedProgram = [];
    private readonly List<int> _union = [];
    private int[] _program = [];
    private int[] _gather = [];
    private double[] _values = [];
    private bool _recording = true;
    private int _pc;
    private int _current = -1;
    private SparsityPattern? _pattern;

    /// <summary>Creates an assembler in recording mode for a model with the given numbers of states and algebraic unknowns.</summary>
    public JacobianAssembler(int states, int algebraics)
    {
        _states = states;
        _algebraics = algebraics;
        _rowStart = new int[algebraics + states];
        _rowLength = new int[algebraics + states];
        Rates = new double[states];
        Work = new double[algebraics];
    }

    /// <summary>
    /// The sweep's own values of the algebraic unknowns, so evaluating the Jacobian leaves the model's work vector
    /// (and anything that reads it between calls) untouched.
    /// </summary>
    public double[] Work { get; }

    /// <summary>Scratch storage for state derivatives the sweep computes as values (read by later assignments).</summary>
    public double[] Rates { get; }

    /// <summary>True until <see cref="Complete"/> ends the recording sweep.</summary>
    public bool IsRecording => _recording;

    /// <summary>The pattern of <c>∂(dx/dt)/∂x</c> (states × states), after <see cref="Complete"/>.</summary>
    public SparsityPattern Pattern => _pattern ?? throw new InvalidOperationException("The Jacobian pattern is recorded by the first sweep; call Complete first.");

    /// <summary>Starts the row of an element: algebraic unknown <c>a</c> is row <c>a</c>, the derivative of state <c>i</c> is row <c>algebraics + i</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void BeginRow(int row)
    {
        // Evaluation needs nothing here: Restart clears every row and the slot program knows where values go.
        if (_recording)
        {
            RecordRow(row);
        }
    }

    /// <summary>Adds <paramref name="partial"/> (the local partial by state <paramref name="column"/>) to the current row.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void AddState(int column, double partial)
    {
        if (_recording)
        {
            _pending.Add(column);
            return;
        }

        _values[_program[_pc++]] += partial;
    }

    /// <summary>Adds <paramref name="partial"/> times the gradient of an earlier row (chain rule through an algebraic unknown or a derivative).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void AddRow(int row, double partial)
    {
        if (_recording)
        {
            _pending.Add(~row);
            return;
        }

        var start = _rowStart[row];
        var end = start + _rowLength[row];
        for (var k = start; k < end; k++)
        {
            _values[_program[_pc++]] += partial * _values[k];
        }
    }

    /// <summary>Ends the recording sweep: fixes the pattern and the slot program.</summary>
    public void Complete()
    {
        if (!IsRecording)
        {
            return;
        }

        FinishRecordedRow();
        _program = [.. _recordedProgram];
        CompleteBlocks();
        _values = new double[_recordedColumns.Count];
        var rowPointers = new int[_states + 1];
        var columns = new int[_recordedColumns.Count];
        var next = 0;
        for (var i = 0; i < _states; i++)
        {
            var row = _algebraics + i;
            _recordedColumns.CopyTo(_rowStart[row], columns, next, _rowLength[row]);
            next += _rowLength[row];
            rowPointers[i + 1] = next;
        }

        _pattern = new SparsityPattern(_states, _states, rowPointers, columns[..next]);
        _gather = new int[next];
        for (var i = 0; i < _states; i++)
        {
            var row = _algebraics + i;
            for (var k = 0; k < _rowLength[row]; k++)
            {
                _gather[rowPointers[i] + k] = _rowStart[row] + k;
            }
        }

        _recording = false;
        _recordedColumns.Clear();
        _recordedProgram.Clear();
    }

    /// <summary>Starts an evaluation sweep (after <see cref="Complete"/>).</summary>
    public void Restart()
    {
        _pc = 0;
        _blockCursor = 0;
        _current = -1;
        Array.Clear(_values);
    }

    /// <summary>Writes the state-derivative rows in <see cref="Pattern"/> order.</summary>
    public void CopyTo(Span<double> values)
    {
        var gather = _gather;
        for (var e = 0; e < gather.Length; e++)
        {
            values[e] = _values[gather[e]];
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void RecordRow(int row)
    {
        FinishRecordedRow();
        _current = row;
    }

    private void FinishRecordedRow()
    {
        if (_current < 0)
        {
            return;
        }

        _union.Clear();
        foreach (var item in _pending)
        {
            if (item >= 0)
            {
                _union.Add(item);
            }
            else
            {
                var source = ~item;
                for (var k = 0; k < _rowLength[source]; k++)
                {
                    _union.Add(_recordedColumns[_rowStart[source] + k]);
                }
            }
        }

        _union.Sort();
        var start = _recordedColumns.Count;
        var previous = -1;
        foreach (var column in _union)
        {
            if (column != previous)
            {
                _recordedColumns.Add(column);
                previous = column;
            }
        }

        _rowStart[_current] = start;
        _rowLength[_current] = _recordedColumns.Count - start;
        foreach (var item in _pending)
        {
            if (item >= 0)
            {
                _recordedProgram.Add(Slot(start, item));
            }
            else
            {
                var source = ~item;
                for (var k = 0; k < _rowLength[source]; k++)
                {
                    _recordedProgram.Add(Slot(start, _recordedColumns[_rowStart[source] + k]));
                }
            }
        }

        _pending.Clear();
        _current = -1;
    }

    private int Slot(int start, int column) => _recordedColumns.BinarySearch(start, _recordedColumns.Count - start, column, null);
}
