namespace TwinLang.Runtime.Solvers;

/// <summary>
/// The step grid of a fixed-step run. Step ends are computed as <c>origin + k·h</c> rather than by repeated
/// addition so that rounding does not drift the grid over millions of steps; a step clipped by a time limit
/// restarts the grid there.
/// </summary>
internal struct FixedStepClock
{
    private readonly double _step;
    private double _origin;
    private long _index;

    public FixedStepClock(double step)
    {
        _step = step;
        _origin = 0;
        _index = 0;
    }

    public void Reset(double origin)
    {
        _origin = origin;
        _index = 0;
    }

    /// <summary>The end of the next step, never beyond <paramref name="timeLimit"/>.</summary>
    public readonly double NextTime(double timeLimit)
    {
        var next = _origin + (_index + 1) * _step;

        // A grid point within a ten-millionth of a step of the limit is the limit: it avoids a sliver step.
        return next >= timeLimit - 1e-7 * _step ? timeLimit : next;
    }

    /// <summary>Records that the step ending at <paramref name="time"/> was taken.</summary>
    public void Advance(double time, double timeLimit)
    {
        if (time == timeLimit)
        {
            Reset(time);
        }
        else
        {
            _index++;
        }
    }
}
