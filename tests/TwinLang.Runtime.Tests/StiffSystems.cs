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
