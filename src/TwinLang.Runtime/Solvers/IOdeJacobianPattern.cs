namespace TwinLang.Runtime.Solvers;

/// <summary>
/// Optional capability of an <see cref="IOdeSystem"/>: which entries of <c>∂f/∂x</c> can be non-zero. With the
/// pattern alone the stiff solvers difference the Jacobian by column colouring (one evaluation per colour, not
/// per state) and factor it with a sparse LU.
/// </summary>
public interface IOdeJacobianPattern
{
    /// <summary>The structure of the Jacobian (states × states); fixed for the lifetime of the system.</summary>
    SparsityPattern JacobianPattern { get; }
}
