namespace TwinLang.Runtime;

/// <summary>
/// Optional capability of an <see cref="ITwinModel"/>: the analytic Jacobian <c>∂f/∂x</c> of
/// <see cref="ITwinModel.Derivatives"/>, for the stiff solvers (Rosenbrock, BDF) that factor it with a sparse LU.
/// The explicit solvers do not use it.
/// </summary>
public interface ITwinModelJacobian
{
    /// <summary>The structure of the Jacobian (states × states); fixed for the lifetime of the model.</summary>
    SparsityPattern JacobianPattern { get; }

    /// <summary>
    /// Writes the Jacobian's stored entries, in <see cref="JacobianPattern"/> order, at <c>(t, x)</c> with the
    /// current parameters and inputs. Must not allocate.
    /// </summary>
    void Jacobian(double t, ReadOnlySpan<double> x, Span<double> values);
}
