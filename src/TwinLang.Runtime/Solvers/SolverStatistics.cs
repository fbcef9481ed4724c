namespace TwinLang.Runtime.Solvers;

/// <summary>Counters of one solver run; updated in place while it runs.</summary>
public sealed class SolverStatistics
{
    /// <summary>Step attempts: accepted plus rejected.</summary>
    public long Steps => AcceptedSteps + RejectedSteps;

    /// <summary>Steps that advanced time.</summary>
    public long AcceptedSteps { get; internal set; }

    /// <summary>Steps rejected by error control (or for a non-finite trial value) and retried with a smaller step.</summary>
    public long RejectedSteps { get; internal set; }

    /// <summary>Evaluations of the right-hand side <c>f(t, x)</c>.</summary>
    public long FunctionEvaluations { get; internal set; }

    /// <summary>The size of the last accepted step, 0 before the first.</summary>
    public double LastStepSize { get; internal set; }

    /// <summary>The wall-clock time of the run, measured by the driver.</summary>
    public TimeSpan WallTime { get; internal set; }

    /// <summary>Evaluations of the Jacobian by the stiff methods (analytic, or by differences whose f-evaluations count in <see cref="FunctionEvaluations"/>).</summary>
    public long JacobianEvaluations { get; internal set; }

    /// <summary>LU factorisations of the stiff methods' iteration matrix (one per trial step).</summary>
    public long LuDecompositions { get; internal set; }

    /// <summary>The method that took the last step (for <see cref="SolverKind.Auto"/>, the explicit or the stiff one).</summary>
    public SolverKind Method { get; internal set; }

    /// <summary>When <see cref="SolverKind.Auto"/> switched from the explicit to the stiff method, or null when it did not.</summary>
    public double? StiffSwitchTime { get; internal set; }

    /// <summary>Whether the stiff method stores and factors its matrix sparsely.</summary>
    public bool SparseLinearAlgebra { get; internal set; }

    /// <summary>The doubles the stiff method holds for its Jacobian, iteration matrix and factors (0 for explicit methods).</summary>
    public long MatrixStorage { get; internal set; }
}
