using TwinLang.Runtime.Solvers;
using Xunit;

namespace TwinLang.Runtime.Tests;

/// <summary>The dense partial-pivoting LU the stiff solvers factor their iteration matrix with.</summary>
public sealed class DenseLuTests
{
    [Fact]
    public void Solve_MatrixWithZeroLeadingPivot_ReturnsTheExactSolution()
    {
        // A = [[0, 2, 1], [1, 1, 0], [3, 0, 1]], x = (1, -2, 3) gives b = A x = (-1, -1, 6).
        var lu = new DenseLu(3);
        double[] a = [0, 2, 1, 1, 1, 0, 3, 0, 1];
        a.CopyTo(lu.Matrix);
        Assert.True(lu.Factor());
        double[] b = [-1, -1, 6];
        lu.Solve(b);

        Assert.Equal(1, b[0], 12);
        Assert.Equal(-2, b[1], 12);
        Assert.Equal(3, b[2], 12);
    }

    [Fact]
    public void Factor_SingularMatrix_ReturnsFalse()
    {
        var lu = new DenseLu(2);
        double[] a = [1, 2, 2, 4];
        a.CopyTo(lu.Matrix);

        Assert.False(lu.Factor());
    }
}
