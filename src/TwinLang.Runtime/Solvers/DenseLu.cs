namespace TwinLang.Runtime.Solvers;

/// <summary>
/// LU factorisation with partial pivoting of a dense n × n matrix, in place on preallocated arrays: factoring and
/// solving allocate nothing.
/// </summary>
public sealed class DenseLu
{
    private readonly double[] _lu;
    private readonly int[] _pivots;
    private readonly int _n;

    /// <summary>Allocates the storage for an <paramref name="n"/> × <paramref name="n"/> matrix.</summary>
    public DenseLu(int n)
    {
        _n = n;
        _lu = new double[n * n];
        _pivots = new int[n];
    }

    /// <summary>The row-major matrix to factor; fill it, then call <see cref="Factor"/>.</summary>
    public Span<double> Matrix => _lu;

    /// <summary>Factors <see cref="Matrix"/> in place. Returns false when it is singular (a zero or non-finite pivot).</summary>
    public bool Factor()
    {
        var n = _n;
        var a = _lu;
        for (var k = 0; k < n; k++)
        {
            var pivot = k;
            var largest = Math.Abs(a[k * n + k]);
            for (var i = k + 1; i < n; i++)
            {
                var candidate = Math.Abs(a[i * n + k]);
                if (candidate > largest)
                {
                    largest = candidate;
                    pivot = i;
                }
            }

            if (!(largest > 0) || !double.IsFinite(largest))
            {
                return false;
            }

            _pivots[k] = pivot;
            if (pivot != k)
            {
                for (var j = 0; j < n; j++)
                {
                    (a[k * n + j], a[pivot * n + j]) = (a[pivot * n + j], a[k * n + j]);
                }
            }

            var inverse = 1.0 / a[k * n + k];
            for (var i = k + 1; i < n; i++)
            {
                var factor = a[i * n + k] * inverse;
                a[i * n + k] = factor;
                if (factor != 0)
                {
                    for (var j = k + 1; j < n; j++)
                    {
                        a[i * n + j] -= factor * a[k * n + j];
                    }
                }
            }
        }

        return true;
    }

    /// <summary>Overwrites <paramref name="b"/> with the solution of <c>A x = b</c> for the factored matrix.</summary>
    public void Solve(Span<double> b)
    {
        var n = _n;
        var a = _lu;
        for (var k = 0; k < n; k++)
        {
            var pivot = _pivots[k];
            if (pivot != k)
            {
                (b[k], b[pivot]) = (b[pivot], b[k]);
            }
        }

        for (var i = 0; i < n; i++)
        {
            var sum = b[i];
            for (var j = 0; j < i; j++)
            {
                sum -= a[i * n + j] * b[j];
            }

            b[i] = sum;
        }

        for (var i = n - 1; i >= 0; i--)
        {
            var sum = b[i];
            for (var j = i + 1; j < n; j++)
            {
                sum -= a[i * n + j] * b[j];
            }

            b[i] = sum / a[i * n + i];
        }
    }
}
