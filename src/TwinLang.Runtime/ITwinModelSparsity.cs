namespace TwinLang.Runtime;

/// <summary>
/// Optional capability of an <see cref="ITwinModel"/> that knows the structure of <c>∂f/∂x</c> but not its values
/// (for example a model with algebraic loops): the stiff solvers then difference the Jacobian by column colouring
/// and factor it with a sparse LU. A model with <see cref="ITwinModelJacobian"/> needs nothing more.
/// </summary>
public interface ITwinModelSparsity
{
    /// <summary>The structure of the Jacobian (states × states); fixed for the lifetime of the model.</summary>
    SparsityPattern JacobianPattern { get; }
}
