namespace TwinLang.Runtime.Loops;

/// <summary>What the generated code does after <see cref="NewtonSolver.Next"/>.</summary>
public enum NewtonStatus
{
    /// <summary>Evaluate the residuals and the Jacobian at the new <see cref="NewtonSolver.Unknowns"/> and call <c>Next</c> again.</summary>
    Evaluate,

    /// <summary><see cref="NewtonSolver.Unknowns"/> holds the solution.</summary>
    Converged,

    /// <summary>The iteration failed; <see cref="NewtonSolver.FailureReason"/> says why.</summary>
    Failed,
}
