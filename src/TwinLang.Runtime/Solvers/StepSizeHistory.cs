namespace TwinLang.Runtime.Solvers;

/// <summary>
/// The memory an adaptive solver's step-size control needs between attempts: the previous accepted error (for
/// the PI term) and whether the last attempt was rejected (after a rejection a step may not grow, as in
/// Hairer's DOPRI5). Shared by every adaptive solver so they control steps the same way.
/// </summary>
internal sealed class StepSizeHistory
{
    // The PI controller divides by the previous error; a floor keeps a near-exact step from exploding the next.
    private const double MinimumPreviousError = 1e-4;

    private double _previousError = MinimumPreviousError;
    private bool _lastAttemptRejected;

    /// <summary>Forgets the history, for a restart.</summary>
    public void Reset()
    {
        _previousError = MinimumPreviousError;
        _lastAttemptRejected = false;
    }

    /// <summary>Records an accepted step with scaled <paramref name="error"/>; returns the factor for the next step.</summary>
    public double Accept(StepSizeController controller, double error, int errorOrder)
    {
        var factor = controller.AcceptFactor(error, _previousError, errorOrder);
        if (_lastAttemptRejected)
        {
            factor = Math.Min(factor, 1.0);
        }

        _previousError = Math.Max(error, MinimumPreviousError);
        _lastAttemptRejected = false;
        return factor;
    }

    /// <summary>Records a rejected step with scaled <paramref name="error"/>; returns the factor for the retry.</summary>
    public double Reject(StepSizeController controller, double error, int errorOrder)
    {
        _lastAttemptRejected = true;
        return controller.RejectFactor(error, errorOrder);
    }

    /// <summary>Records a trial step that went non-finite; the retry shrinks as much as allowed.</summary>
    public double RejectNonFinite(StepSizeController controller)
    {
        _lastAttemptRejected = true;
        return controller.MinFactor;
    }
}
