namespace TwinLang.Runtime.Solvers;

/// <summary>
/// The iteration matrix <c>I/(γh) − J</c> of a Rosenbrock step with its LU factors: the Jacobian is evaluated
/// once per step and the matrix refactored for each trial step size. <see cref="Create"/> picks dense storage for
/// small systems and for systems without a pattern, sparse storage (never <c>n²</c>) otherwise.
/// </summary>
internal abstract class RosenbrockMatrix
{
    /// <summary>Below this many states a dense LU beats the sparse one's bookkeeping.</summary>
    public const int SparseThreshold = 32;

    // The unit roundoff, which sets the finite-difference increments.
    private protected const double MachineEpsilon = 2.220446049250313e-16;

    /// <summary>Whether the matrix is stored and factored sparsely.</summary>
    public abstract bool IsSparse { get; }

    /// <summary>The doubles held for the Jacobian, the matrix and its factors.</summary>
    public abstract long StorageSize { get; }

    /// <summary>
    /// Above this many states a dense matrix is refused: two n² arrays of 2 000 states already take 64 MB and a
    /// dense factorisation seconds, so a large model needs its sparsity pattern.
    /// </summary>
    public const int MaxDenseDimension = 2000;

    /// <summary>Whether <see cref="Create"/> can build a matrix for <paramref name="system"/> (sparse, or small enough for dense).</summary>
    public static bool CanCreate(IOdeSystem system) => UsesSparse(system, JacobianSource.For(system)) || system.Dimension <= MaxDenseDimension;

    /// <summary>
    /// Creates the matrix for <paramref name="system"/>, or null when it has no pattern and more than
    /// <see cref="MaxDenseDimension"/> states; <paramref name="evaluate"/> is used for finite differences.
    /// </summary>
    public static RosenbrockMatrix? Create(IOdeSystem system, RightHandSide evaluate)
    {
        var source = JacobianSource.For(system);
        if (UsesSparse(system, source) && source.Pattern is { } pattern)
        {
            return new SparseRosenbrockMatrix(pattern, source.Sparse, evaluate);
        }

        return system.Dimension <= MaxDenseDimension ? new DenseRosenbrockMatrix(system.Dimension, source, evaluate) : null;
    }

    private static bool UsesSparse(IOdeSystem system, JacobianSource source) =>
        source.Pattern is not null && source.Dense is null && system.Dimension >= SparseThreshold;

    /// <summary>Evaluates <c>J</c> at <c>(t, x)</c>, where <paramref name="f0"/> is <c>f(t, x)</c>.</summary>
    public abstract void EvaluateJacobian(double t, double[] x, double[] f0);

    /// <summary>Forms and factors <c>diagonal · I − J</c>; false when it is singular.</summary>
    public abstract bool Factor(double diagonal);

    /// <summary>Overwrites <paramref name="b"/> with the solution for the factored matrix.</summary>
    public abstract void Solve(Span<double> b);

    /// <summary>The forward-difference increment for a state of value <paramref name="value"/>.</summary>
    private protected static double Increment(double value) => Math.Sqrt(MachineEpsilon * Math.Max(1e-5, Math.Abs(value)));
}
