namespace TwinLang.Runtime.Signals;

/// <summary>How a <see cref="PiecewiseLinearSignal"/> fills the time between its points.</summary>
public enum TableInterpolation
{
    /// <summary>Straight lines between points.</summary>
    Linear,

    /// <summary>Each point's value holds until the next point (zero-order hold, for sampled data).</summary>
    Hold,
}
