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
}
