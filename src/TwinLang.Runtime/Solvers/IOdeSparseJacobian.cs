namespace TwinLang.Runtime.Solvers;

/// <summary>
/// Optional capability of an <see cref="IOdeSystem"/>: the analytic Jacobian <c>∂f/∂x</c> as the stored entries of
/// its <see cref="IOdeJacobianPattern.JacobianPattern"/>, which the stiff solvers factor with a sparse LU.
/// </summary>
public interface IOdeSparseJacobian : IOdeJacobianPattern
{
    /// <summary>Writes the Jacobian's stored entries, in pattern order, at <c>(t, x)</c>. Must not allocate.</summary>
    void Jacobian(double t, ReadOnlySpan<double> x, Span<double> values);
}
