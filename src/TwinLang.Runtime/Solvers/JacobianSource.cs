namespace TwinLang.Runtime.Solvers;

/// <summary>Writes the stored entries of a sparse Jacobian at <c>(t, x)</c>, in pattern order.</summary>
internal delegate void SparseJacobianFunction(double t, ReadOnlySpan<double> x, Span<double> values);

/// <summary>Evaluates a right-hand side, counting the evaluation in the calling solver's statistics.</summary>
internal delegate void RightHandSide(double t, ReadOnlySpan<double> x, Span<double> dxdt);

/// <summary>
/// What a system can say about its Jacobian, most useful first: dense analytic values, sparse analytic values with
/// their pattern, the pattern alone (differenced by colouring), or nothing (differenced column by column).
/// </summary>
/// <param name="Dense">The dense analytic Jacobian, or null.</param>
/// <param name="Pattern">The sparsity pattern, or null.</param>
/// <param name="Sparse">The sparse analytic values for <paramref name="Pattern"/>, or null.</param>
internal sealed record JacobianSource(IOdeJacobian? Dense, SparsityPattern? Pattern, SparseJacobianFunction? Sparse)
{
    /// <summary>Inspects <paramref name="system"/> (and, for a <see cref="ModelOdeSystem"/>, its model).</summary>
    public static JacobianSource For(IOdeSystem system) => system switch
    {
        IOdeJacobian dense => new(dense, null, null),
        IOdeSparseJacobian sparse => new(null, sparse.JacobianPattern, sparse.Jacobian),
        IOdeJacobianPattern pattern => new(null, pattern.JacobianPattern, null),
        ModelOdeSystem model => new(null, model.JacobianPattern, model.HasAnalyticJacobian ? model.Jacobian : null),
        _ => new(null, null, null),
    };
}
