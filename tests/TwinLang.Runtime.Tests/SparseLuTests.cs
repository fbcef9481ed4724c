using TwinLang.Runtime.Solvers;
using Xunit;

namespace TwinLang.Runtime.Tests;

/// <summary>The sparse LU against the dense one, on random and structured matrices.</summary>
public sealed class SparseLuTests
{
    /// <summary>A random n × n matrix with about <paramref name="perRow"/> off-diagonal entries a row; optionally some zero diagonals, which force row pivoting.</summary>
    private static (SparsityPattern Pattern, double[] Values, double[] Dense) RandomMatrix(Random random, int n, int perRow, bool zeroDiagonals)
    {
        var rowPointers = new int[n + 1];
        var columns = new List<int>();
        var values = new List<double>();
        var dense = new double[n * n];
        for (var i = 0; i < n; i++)
        {
            // A zero diagonal at i pairs with a strong (i, i+1) and (i+1, i): the 2 × 2 block [[0, 5], [5, d]] keeps
            // the matrix regular but only a row exchange can factor it.
            var zeroDiagonal = zeroDiagonals && i % 3 == 0 && i + 1 < n;
            var pairedBelow = zeroDiagonals && i % 3 == 1;
            var set = new SortedSet<int> { i };
            for (var k = 0; k < perRow; k++)
            {
                set.Add(random.Next(n));
            }

            if (zeroDiagonal)
            {
                set.Add(i + 1);
            }

            if (pairedBelow)
            {
                set.Add(i - 1);
            }

            foreach (var j in set)
            {
                var value = j == i
                    ? (zeroDiagonal ? 0 : 4 + random.NextDouble())
                    : (zeroDiagonal && j == i + 1) || (pairedBelow && j == i - 1) ? 5 : random.NextDouble() * 0.4 - 0.2;
                columns.Add(j);
                values.Add(value);
                dense[i * n + j] = value;
            }

            rowPointers[i + 1] = columns.Count;
        }

        return (new SparsityPattern(n, n, rowPointers, [.. columns]), [.. values], dense);
    }

    private static double[] SolveDense(double[] dense, double[] b)
    {
        var n = b.Length;
        var lu = new DenseLu(n);
        dense.CopyTo(lu.Matrix);
        Assert.True(lu.Factor());
        var x = (double[])b.Clone();
        lu.Solve(x);
        return x;
    }

    [Theory]
    [InlineData(1, 20, 3, false)]
    [InlineData(2, 60, 4, false)]
    [InlineData(3, 40, 3, true)]
    [InlineData(4, 100, 2, true)]
    public void Solve_RandomSparseMatrix_MatchesTheDenseLu(int seed, int n, int perRow, bool zeroDiagonals)
    {
        var random = new Random(seed);
        var (pattern, values, dense) = RandomMatrix(random, n, perRow, zeroDiagonals);
        var b = Enumerable.Range(0, n).Select(_ => random.NextDouble() * 2 - 1).ToArray();
        var lu = new SparseLu(pattern);
        values.CopyTo(lu.Values);

        Assert.True(lu.Factor());
        var x = (double[])b.Clone();
        lu.Solve(x);

        var expected = SolveDense(dense, b);
        for (var i = 0; i < n; i++)
        {
            Assert.True(Math.Abs(x[i] - expected[i]) <= 1e-9 * (1 + Math.Abs(expected[i])), $"x[{i}] = {x[i]} vs {expected[i]}");
        }
    }

    [Fact]
    public void Solve_ZeroDiagonalNeedsRowExchange_ReturnsTheExactSolution()
    {
        // A = [[0, 2, 1], [1, 1, 0], [3, 0, 1]], x = (1, -2, 3) gives b = (-1, -1, 6); the ordering cannot help a zero diagonal.
        var pattern = new SparsityPattern(3, 3, [0, 2, 4, 6], [1, 2, 0, 1, 0, 2]);
        var lu = new SparseLu(pattern);
        double[] values = [2, 1, 1, 1, 3, 1];
        values.CopyTo(lu.Values);

        Assert.True(lu.Factor());
        double[] b = [-1, -1, 6];
        lu.Solve(b);

        Assert.Equal(1, b[0], 12);
        Assert.Equal(-2, b[1], 12);
        Assert.Equal(3, b[2], 12);
    }

    [Fact]
    public void Factor_StructurallySingularMatrix_ReturnsFalse()
    {
        // Rows 0 and 1 both have their only entries in column 0.
        var pattern = new SparsityPattern(3, 3, [0, 1, 2, 4], [0, 0, 1, 2]);
        var lu = new SparseLu(pattern);
        double[] values = [1, 2, 3, 4];
        values.CopyTo(lu.Values);

        Assert.False(lu.Factor());
    }

    [Fact]
    public void Factor_NumericallySingularMatrix_ReturnsFalse()
    {
        var pattern = new SparsityPattern(2, 2, [0, 2, 4], [0, 1, 0, 1]);
        var lu = new SparseLu(pattern);
        double[] values = [1, 2, 2, 4];
        values.CopyTo(lu.Values);

        Assert.False(lu.Factor());
    }

    [Fact]
    public void Factor_NewValuesOnTheSamePattern_RefactorsWithoutAllocatingAndStaysExact()
    {
        var random = new Random(7);
        var (pattern, values, _) = RandomMatrix(random, 80, 3, zeroDiagonals: false);
        var lu = new SparseLu(pattern);
        values.CopyTo(lu.Values);
        Assert.True(lu.Factor());
        var b = new double[80];
        lu.Solve(b);

        // Scale the off-diagonal part: same pattern, new numbers, still diagonally dominant.
        var rows = pattern.RowPointers;
        var columns = pattern.ColumnIndices;
        var dense = new double[80 * 80];
        for (var i = 0; i < 80; i++)
        {
            for (var e = rows[i]; e < rows[i + 1]; e++)
            {
                values[e] *= columns[e] == i ? 1.5 : -0.7;
                dense[i * 80 + columns[e]] = values[e];
            }
        }

        values.CopyTo(lu.Values);
        var rhs = Enumerable.Range(0, 80).Select(i => Math.Sin(i)).ToArray();
        var x = (double[])rhs.Clone();
        var before = GC.GetAllocatedBytesForCurrentThread();
        Assert.True(lu.Factor());
        lu.Solve(x);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
        Assert.Equal(1, lu.PivotingFactorizations);
        Assert.Equal(1, lu.Refactorizations);
        var expected = SolveDense(dense, rhs);
        for (var i = 0; i < 80; i++)
        {
            Assert.True(Math.Abs(x[i] - expected[i]) <= 1e-10 * (1 + Math.Abs(expected[i])), $"x[{i}] = {x[i]} vs {expected[i]}");
        }
    }

    [Fact]
    public void Factor_ReusedPivotBecomesZero_FallsBackToPivotingAndStaysExact()
    {
        // [[a, 1], [1, 1]]: with a = 2 the diagonal is kept; with a = 0 it must exchange rows.
        var pattern = new SparsityPattern(2, 2, [0, 2, 4], [0, 1, 0, 1]);
        var lu = new SparseLu(pattern);
        double[] first = [2, 1, 1, 1];
        first.CopyTo(lu.Values);
        Assert.True(lu.Factor());

        double[] second = [0, 1, 1, 1];
        second.CopyTo(lu.Values);
        Assert.True(lu.Factor());
        double[] b = [1, 3]; // x = (2, 1)
        lu.Solve(b);

        Assert.Equal(2, lu.PivotingFactorizations);
        Assert.Equal(2, b[0], 12);
        Assert.Equal(1, b[1], 12);
    }

    [Fact]
    public void Factor_ArrowMatrixWithHubFirst_OrdersTheHubLastAndCreatesNoFill()
    {
        // State 0 (a coolant node) couples to every cell; eliminating it first would fill the whole matrix.
        const int n = 2000;
        var rowPointers = new int[n + 1];
        var columns = new List<int>();
        for (var i = 0; i < n; i++)
        {
            if (i == 0)
            {
                columns.AddRange(Enumerable.Range(0, n));
            }
            else
            {
                columns.Add(0);
                columns.Add(i);
            }

            rowPointers[i + 1] = columns.Count;
        }

        var pattern = new SparsityPattern(n, n, rowPointers, [.. columns]);
        var lu = new SparseLu(pattern);
        var values = lu.Values;
        for (var e = 0; e < values.Length; e++)
        {
            values[e] = 1;
        }

        for (var i = 0; i < n; i++)
        {
            values[rowPointers[i] + (i == 0 ? 0 : 1)] = n + 1.0;
        }

        Assert.True(lu.Factor());
        Assert.Equal(pattern.NonZeroCount + n, lu.FactorNonZeroCount); // L's unit diagonal is stored explicitly
    }

    [Fact]
    public void Factor_HundredThousandTridiagonal_StoresOnlyPatternSizedFactors()
    {
        const int n = 100_000;
        var rowPointers = new int[n + 1];
        var columns = new int[3 * n - 2];
        var count = 0;
        for (var i = 0; i < n; i++)
        {
            for (var j = Math.Max(0, i - 1); j <= Math.Min(n - 1, i + 1); j++)
            {
                columns[count++] = j;
            }

            rowPointers[i + 1] = count;
        }

        var pattern = new SparsityPattern(n, n, rowPointers, columns);
        var lu = new SparseLu(pattern);
        var values = lu.Values;
        for (var i = 0; i < n; i++)
        {
            for (var e = rowPointers[i]; e < rowPointers[i + 1]; e++)
            {
                values[e] = columns[e] == i ? 2 : -1;
            }
        }

        Assert.True(lu.Factor());
        var b = new double[n];
        b[0] = 1;
        b[^1] = 1;
        lu.Solve(b); // the solution of this discrete Laplacian with unit boundary values is all ones

        Assert.True(lu.FactorNonZeroCount <= pattern.NonZeroCount + n, $"{lu.FactorNonZeroCount} factor entries");
        Assert.True(lu.StorageSize < 20L * n, $"{lu.StorageSize} doubles");
        Assert.Equal(1, b[n / 2], 6);
    }
}
