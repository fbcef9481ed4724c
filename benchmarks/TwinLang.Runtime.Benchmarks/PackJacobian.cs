using TwinLang.Runtime.Solvers;

namespace TwinLang.Runtime.Benchmarks;

/// <summary>
/// The RODAS4 iteration matrix <c>I/(γh) − J</c> of a thermal battery pack as examples/battery-pack lays it out:
/// each cell's temperature conducts to its neighbours in the string and to one coolant node, which sees every
/// cell — a tridiagonal band plus an arrow. n = cells + 1 states; the coolant is state 0, so a naive elimination
/// order would fill the whole matrix.
/// </summary>
internal sealed class PackJacobian
{
    private const double Conduction = 0.8;   // W/K between neighbouring cells
    private const double Cooling = 0.5;      // W/K from each cell to the coolant
    private const double CellCapacity = 40;  // J/K
    private const double CoolantCapacity = 2e4;
    private const double Diagonal = 1.0 / (0.25 * 10); // 1/(γh) for RODAS4 with h = 10 s

    public PackJacobian(int cells)
    {
        var n = cells + 1;
        var rowPointers = new int[n + 1];
        var columns = new List<int>(4 * n);
        var values = new List<double>(4 * n);

        void Add(int column, double value)
        {
            columns.Add(column);
            values.Add(value);
        }

        // Row 0: the coolant node.
        Add(0, Diagonal + cells * Cooling / CoolantCapacity);
        for (var i = 1; i <= cells; i++)
        {
            Add(i, -Cooling / CoolantCapacity);
        }

        rowPointers[1] = columns.Count;
        for (var i = 1; i <= cells; i++)
        {
            var neighbours = (i > 1 ? 1 : 0) + (i < cells ? 1 : 0);
            Add(0, -Cooling / CellCapacity);
            if (i > 1)
            {
                Add(i - 1, -Conduction / CellCapacity);
            }

            Add(i, Diagonal + (Cooling + neighbours * Conduction) / CellCapacity);
            if (i < cells)
            {
                Add(i + 1, -Conduction / CellCapacity);
            }

            rowPointers[i + 1] = columns.Count;
        }

        Pattern = new SparsityPattern(n, n, rowPointers, [.. columns]);
        Values = [.. values];
        Dimension = n;
    }

    public int Dimension { get; }

    public SparsityPattern Pattern { get; }

    public double[] Values { get; }

    /// <summary>Writes the matrix densely (row-major) into <paramref name="matrix"/>.</summary>
    public void ScatterDense(Span<double> matrix)
    {
        matrix.Clear();
        var rows = Pattern.RowPointers;
        var columns = Pattern.ColumnIndices;
        for (var i = 0; i < Dimension; i++)
        {
            for (var e = rows[i]; e < rows[i + 1]; e++)
            {
                matrix[i * Dimension + columns[e]] = Values[e];
            }
        }
    }
}
