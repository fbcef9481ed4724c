using TwinLang.Runtime.Solvers;

namespace TwinLang.Runtime.Tests;

/// <summary>Robertson's chemical kinetics (Hairer–Wanner, Solving ODEs II, §IV.1), with its analytic Jacobian.</summary>
internal sealed class RobertsonSystem : IOdeSystem, IOdeJacobian
{
    public int Dimension => 3;

    public string StateName(int index) => "y" + (index + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);

    public void Evaluate(double t, ReadOnlySpan<double> x, Span<double> dxdt)
    {
        dxdt[0] = -0.04 * x[0] + 1e4 * x[1] * x[2];
        dxdt[2] = 3e7 * x[1] * x[1];
        dxdt[1] = -dxdt[0] - dxdt[2];
    }

    public void Jacobian(double t, ReadOnlySpan<double> x, Span<double> j)
    {
        j[0] = -0.04;
        j[1] = 1e4 * x[2];
        j[2] = 1e4 * x[1];
        j[6] = 0;
        j[7] = 6e7 * x[1];
        j[8] = 0;
        j[3] = -j[0] - j[6];
        j[4] = -j[1] - j[7];
        j[5] = -j[2] - j[8];
    }
}

/// <summary>Van der Pol's oscillator <c>y1'' = mu (1 − y1²) y1' − y1</c> as a first-order system, no Jacobian.</summary>
internal sealed class VanDerPolSystem(double mu) : IOdeSystem
{
    public int Dimension => 2;

    public string StateName(int index) => index == 0 ? "y1" : "y2";

    public void Evaluate(double t, ReadOnlySpan<double> x, Span<double> dxdt)
    {
        dxdt[0] = x[1];
        dxdt[1] = mu * (1 - x[0] * x[0]) * x[1] - x[0];
    }
}

/// <summary>
/// Two non-autonomous test equations with exact solutions: <c>y' = −2t·y²</c>, <c>y(0) = 1</c>, exact <c>1/(1+t²)</c>;
/// and <c>z' = −z + t</c>, <c>z(0) = 0</c>, exact <c>t − 1 + e^(−t)</c>.
/// </summary>
internal sealed class NonlinearTestSystem : IOdeSystem
{
    public int Dimension => 2;

    public string StateName(int index) => index == 0 ? "y" : "z";

    public void Evaluate(double t, ReadOnlySpan<double> x, Span<double> dxdt)
    {
        dxdt[0] = -2 * t * x[0] * x[0];
        dxdt[1] = -x[1] + t;
    }
}

/// <summary>
/// Van der Pol in the scaled form of the IVP test set (VDPOL): <c>y1' = y2</c>, <c>y2' = ((1 − y1²) y2 − y1)/ε</c>
/// with <c>ε = 10⁻⁶</c>, which is mu = 1000 on the time scale t/mu.
/// </summary>
internal sealed class ScaledVanDerPolSystem : IOdeSystem
{
    private const double Epsilon = 1e-6;

    public int Dimension => 2;

    public string StateName(int index) => index == 0 ? "y1" : "y2";

    public void Evaluate(double t, ReadOnlySpan<double> x, Span<double> dxdt)
    {
        dxdt[0] = x[1];
        dxdt[1] = ((1 - x[0] * x[0]) * x[1] - x[0]) / Epsilon;
    }
}

/// <summary>
/// A stiff chain of n cells: <c>x_i' = k (x_{i−1} − 2 x_i + x_{i+1}) − λ x_i</c> (heat conduction with loss), whose
/// Jacobian is tridiagonal. It declares the pattern; with <c>analytic</c> it also computes the values.
/// </summary>
internal sealed class DiffusionChain : IOdeSystem, IOdeSparseJacobian
{
    private readonly int _n;
    private readonly double _k;
    private readonly double _lambda;

    public DiffusionChain(int n, double k, double lambda)
    {
        _n = n;
        _k = k;
        _lambda = lambda;
        var rowPointers = new int[n + 1];
        var columns = new int[Math.Max(3 * n - 2, 0)];
        var count = 0;
        for (var i = 0; i < n; i++)
        {
            for (var j = Math.Max(0, i - 1); j <= Math.Min(n - 1, i + 1); j++)
            {
                columns[count++] = j;
            }

            rowPointers[i + 1] = count;
        }

        JacobianPattern = new SparsityPattern(n, n, rowPointers, columns);
    }

    public int Dimension => _n;

    public SparsityPattern JacobianPattern { get; }

    public int JacobianCalls { get; private set; }

    public string StateName(int index) => "x" + index.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public void Evaluate(double t, ReadOnlySpan<double> x, Span<double> dxdt)
    {
        for (var i = 0; i < _n; i++)
        {
            var left = i > 0 ? x[i - 1] : 0;
            var right = i < _n - 1 ? x[i + 1] : 0;
            dxdt[i] = _k * (left - 2 * x[i] + right) - _lambda * x[i];
        }
    }

    public void Jacobian(double t, ReadOnlySpan<double> x, Span<double> values)
    {
        JacobianCalls++;
        var count = 0;
        for (var i = 0; i < _n; i++)
        {
            for (var j = Math.Max(0, i - 1); j <= Math.Min(_n - 1, i + 1); j++)
            {
                values[count++] = j == i ? -2 * _k - _lambda : _k;
            }
        }
    }
}

/// <summary>The same chain declaring only its pattern, so the solver differences the Jacobian by colouring.</summary>
internal sealed class DiffusionChainPatternOnly(int n, double k, double lambda) : IOdeSystem, IOdeJacobianPattern
{
    private readonly DiffusionChain _inner = new(n, k, lambda);

    public int Dimension => _inner.Dimension;

    public SparsityPattern JacobianPattern => _inner.JacobianPattern;

    public int Evaluations { get; private set; }

    public string StateName(int index) => _inner.StateName(index);

    public void Evaluate(double t, ReadOnlySpan<double> x, Span<double> dxdt)
    {
        Evaluations++;
        _inner.Evaluate(t, x, dxdt);
    }
}
