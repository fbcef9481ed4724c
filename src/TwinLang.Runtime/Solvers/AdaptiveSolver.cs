namespace TwinLang.Runtime.Solvers;

/// <summary>
/// The step-size loop the embedded methods (DOPRI5, the Rosenbrock methods) share: try a step, accept it when
/// its scaled error is at most one, otherwise shrink and retry; a trial that produced a non-finite value is retried
/// smaller, and when the step can no longer shrink the failure reports that trouble (or the step-size underflow).
/// The methods supply the trial step, its error and what to do on acceptance.
/// </summary>
public abstract class AdaptiveSolver : OdeSolver
{
    // The unit roundoff: a step below ten times it (relative to t) can no longer advance time reliably.
    private protected const double MachineEpsilon = 2.220446049250313e-16;

    private readonly StepSizeHistory _history = new();
    private double _step;

    private protected AdaptiveSolver(IOdeSystem system, SolverOptions options, SolverStatistics statistics)
        : base(system, options, statistics)
    {
    }

    /// <summary>What went wrong in the last trial step (non-finite value, singular matrix), or null.</summary>
    private protected SimulationFailure? LastTrouble { get; set; }

    /// <summary>Forgets the step size and the controller's history (after <see cref="OdeSolver.Initialize"/>).</summary>
    private protected void ResetStepSize()
    {
        _step = 0;
        _history.Reset();
        LastTrouble = null;
    }

    /// <summary>The first step size when the options give none.</summary>
    private protected abstract double FirstStepSize(double timeLimit);

    /// <summary>Computes a trial step of size <paramref name="h"/> to <paramref name="newTime"/>; returns its scaled error norm, or a non-finite value after recording <see cref="LastTrouble"/>.</summary>
    private protected abstract double TrialStep(double h, double newTime);

    /// <summary>The failure when the step size underflows without other trouble.</summary>
    private protected abstract SimulationFailure StepUnderflow(double h);

    /// <summary>Makes the trial step of size <paramref name="h"/> the accepted one.</summary>
    private protected abstract void AcceptTrial(double h, double newTime);

    /// <summary>One adaptive step towards <paramref name="timeLimit"/>, never past it.</summary>
    private protected bool AdaptiveStep(double timeLimit)
    {
        if (_step == 0)
        {
            _step = Options.InitialStep ?? FirstStepSize(timeLimit);
        }

        var controller = Options.Controller;
        while (true)
        {
            if (!TryBeginAttempt())
            {
                return false;
            }

            var h = Math.Min(_step, Options.MaxStep);

            // Stretch a step that would end just short of the limit (DOPRI5's 1.01 rule): no sliver step after it.
            if (Time + 1.01 * h >= timeLimit)
            {
                h = timeLimit - Time;
            }

            if (h <= 0 || 0.1 * h <= Math.Abs(Time) * MachineEpsilon)
            {
                Failure = LastTrouble ?? StepUnderflow(h);
                return false;
            }

            var newTime = h == timeLimit - Time ? timeLimit : Time + h;
            var error = TrialStep(h, newTime);
            if (!double.IsFinite(error))
            {
                // A trial step that overflowed, left the model's domain or met a singular matrix is retried smaller;
                // when it cannot shrink further, that trouble is what the failure reports.
                Statistics.RejectedSteps++;
                _step = h * _history.RejectNonFinite(controller);
                continue;
            }

            LastTrouble = null;
            if (error <= 1.0)
            {
                _step = h * _history.Accept(controller, error, Order - 1);
                AcceptTrial(h, newTime);
                return true;
            }

            Statistics.RejectedSteps++;
            _step = h * _history.Reject(controller, error, Order - 1);
        }
    }
}
