namespace TwinLang.Runtime.Solvers;

/// <summary>
/// A partition of a sparse matrix's columns into structurally orthogonal groups (no two columns of a group have an
/// entry in the same row), found greedily in column order (Curtis, Powell and Reid, 1974; Coleman and Moré, 1983).
/// A Jacobian with this pattern can be differenced with one evaluation per group.
/// </summary>
public sealed class ColumnColoring
{
    private readonly int[] _colorStarts;
    private readonly int[] _columnsByColor;
    private readonly int[] _entryStarts;
    private readonly int[] _entriesByColumn;
    private readonly int[] _rowOfEntry;

    /// <summary>Colours the columns of <paramref name="pattern"/>.</summary>
    public ColumnColoring(SparsityPattern pattern)
    {
        var rows = pattern.RowPointers;
        var columns = pattern.ColumnIndices;
        var rowCount = pattern.Rows;
        var columnCount = pattern.Columns;

        // The pattern by columns: for column j, the indices of its stored entries in pattern (row) order.
        _entryStarts = new int[columnCount + 1];
        foreach (var j in columns)
        {
            _entryStarts[j + 1]++;
        }

        for (var j = 0; j < columnCount; j++)
        {
            _entryStarts[j + 1] += _entryStarts[j];
        }

        _entriesByColumn = new int[pattern.NonZeroCount];
        _rowOfEntry = new int[pattern.NonZeroCount];
        var next = _entryStarts[..columnCount];
        for (var i = 0; i < rowCount; i++)
        {
            for (var e = rows[i]; e < rows[i + 1]; e++)
            {
                _entriesByColumn[next[columns[e]]++] = e;
                _rowOfEntry[e] = i;
            }
        }

        // Greedy: each column takes the smallest colour no column sharing a row with it has; forbidden colours are
        // stamped with the current column so the marks need no clearing.
        var color = new int[columnCount];
        var stamp = new int[columnCount + 1];
        Array.Fill(stamp, -1);
        var colors = 0;
        for (var j = 0; j < columnCount; j++)
        {
            for (var p = _entryStarts[j]; p < _entryStarts[j + 1]; p++)
            {
                var i = _rowOfEntry[_entriesByColumn[p]];
                for (var e = rows[i]; e < rows[i + 1]; e++)
                {
                    var other = columns[e];
                    if (other < j)
                    {
                        stamp[color[other]] = j;
                    }
                }
            }

            var chosen = 0;
            while (stamp[chosen] == j)
            {
                chosen++;
            }

            color[j] = chosen;
            colors = Math.Max(colors, chosen + 1);
        }

        Colors = colors;
        _colorStarts = new int[colors + 1];
        foreach (var c in color)
        {
            _colorStarts[c + 1]++;
        }

        for (var c = 0; c < colors; c++)
        {
            _colorStarts[c + 1] += _colorStarts[c];
        }

        _columnsByColor = new int[columnCount];
        var fill = _colorStarts[..Math.Max(colors, 1)];
        for (var j = 0; j < columnCount; j++)
        {
            _columnsByColor[fill[color[j]]++] = j;
        }
    }

    /// <summary>The number of colours.</summary>
    public int Colors { get; }

    /// <summary>The columns of colour <paramref name="color"/>, ascending.</summary>
    public ReadOnlySpan<int> ColumnsOf(int color) => _columnsByColor.AsSpan(_colorStarts[color], _colorStarts[color + 1] - _colorStarts[color]);

    /// <summary>The indices (in pattern order) of column <paramref name="column"/>'s stored entries.</summary>
    public ReadOnlySpan<int> EntriesOfColumn(int column) => _entriesByColumn.AsSpan(_entryStarts[column], _entryStarts[column + 1] - _entryStarts[column]);

    /// <summary>The row of stored entry <paramref name="entry"/>.</summary>
    public int RowOfEntry(int entry) => _rowOfEntry[entry];
}
