namespace TwinLang.Runtime;

/// <summary>Why a run stopped early. The CLI maps each kind to a coded diagnostic.</summary>
public enum SimulationFailureKind
{
    /// <summary>The options or the model's arrays are inconsistent (for example a tolerance array of the wrong length).</summary>
    InvalidSetup,

    /// <summary>A state, derivative or output became NaN or infinite.</summary>
    NonFiniteValue,

    /// <summary>The adaptive step size became too small to advance time (a singularity or extreme stiffness).</summary>
    StepSizeUnderflow,

    /// <summary>The solver attempted more steps than <see cref="Solvers.SolverOptions.MaxSteps"/> allows.</summary>
    MaxStepsExceeded,

    /// <summary>The caller cancelled the run.</summary>
    Cancelled,

    /// <summary>Newton's method did not solve an algebraic loop of the model (see <see cref="Loops.AlgebraicLoopException"/>).</summary>
    AlgebraicLoopNotConverged,

    /// <summary>Newton's method did not satisfy the model's initial equations (see <see cref="Loops.AlgebraicLoopException"/>).</summary>
    InitializationFailed,

    /// <summary>Event handlers kept making further <c>when</c> conditions true at one time (event iteration did not end).</summary>
    EventIterationLimit,

    /// <summary>A <c>when</c> section fired too often in too short a time (chattering, or a Zeno accumulation of events).</summary>
    Chattering,

    /// <summary>A stiff solver's iteration matrix stayed singular however small the step (a Jacobian with a zero row, or NaN in it).</summary>
    SingularMatrix,
}
