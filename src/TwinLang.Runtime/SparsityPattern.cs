namespace TwinLang.Runtime;

/// <summary>
/// The structure of a sparse matrix in compressed sparse row (CSR) form, the layout MathNet.Numerics' sparse
/// storage uses. The values of a matrix with this pattern are a span of <see cref="NonZeroCount"/> doubles in
/// row-major order of the stored entries.
/// </summary>
public sealed class SparsityPattern
{
    private readonly int[] _rowPointers;
    private readonly int[] _columnIndices;

    /// <summary>Creates a pattern from copies of the arrays. <paramref name="rowPointers"/> has <c>rows + 1</c> entries; column indices are sorted within each row.</summary>
    public SparsityPattern(int rows, int columns, int[] rowPointers, int[] columnIndices)
    {
        if (rowPointers.Length != rows + 1)
        {
            throw new ArgumentException("The row pointers must have one entry per row plus one.", nameof(rowPointers));
        }

        if (rowPointers[rows] != columnIndices.Length)
        {
            throw new ArgumentException("The last row pointer must equal the number of column indices.", nameof(rowPointers));
        }

        Rows = rows;
        Columns = columns;
        _rowPointers = [.. rowPointers];
        _columnIndices = [.. columnIndices];
    }

    /// <summary>The number of rows.</summary>
    public int Rows { get; }

    /// <summary>The number of columns.</summary>
    public int Columns { get; }

    /// <summary>Row <c>i</c>'s entries are at positions <c>RowPointers[i]</c> to <c>RowPointers[i + 1] - 1</c>.</summary>
    public ReadOnlySpan<int> RowPointers => _rowPointers;

    /// <summary>The column of each stored entry.</summary>
    public ReadOnlySpan<int> ColumnIndices => _columnIndices;

    /// <summary>The number of stored entries.</summary>
    public int NonZeroCount => _columnIndices.Length;
}
