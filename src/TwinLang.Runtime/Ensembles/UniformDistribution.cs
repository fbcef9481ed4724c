namespace TwinLang.Runtime.Ensembles;

/// <summary><c>uniform(low, high)</c>: every value between the bounds equally likely.</summary>
/// <param name="Low">The lower bound.</param>
/// <param name="High">The upper bound, at least <paramref name="Low"/>.</param>
public sealed record UniformDistribution(double Low, double High) : Distribution
{
    /// <inheritdoc/>
    public override double Quantile(double probability) => Low + (High - Low) * probability;

    /// <inheritdoc/>
    public override double Cdf(double value) => value <= Low ? 0 : value >= High ? 1 : (value - Low) / (High - Low);

    /// <inheritdoc/>
    public override string? Validate() => Finite("low bound", Low) ?? Finite("high bound", High) ??
        (High >= Low ? null : $"Expected a high bound at or above the low bound {Format(Low)} but found {Format(High)}.");
}
