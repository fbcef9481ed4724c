namespace TwinLang.Runtime.Ensembles;

/// <summary><c>normal(mean, sd)</c>; a zero standard deviation always draws the mean.</summary>
/// <param name="Mean">The mean.</param>
/// <param name="StandardDeviation">The standard deviation, at least 0.</param>
public sealed record NormalDistribution(double Mean, double StandardDeviation) : Distribution
{
    /// <inheritdoc/>
    public override double Quantile(double probability) => Mean + StandardDeviation * StandardQuantile(probability);

    /// <inheritdoc/>
    public override double Cdf(double value) => StandardDeviation == 0
        ? (value < Mean ? 0 : 1)
        : MathNet.Numerics.Distributions.Normal.CDF(Mean, StandardDeviation, value);

    /// <inheritdoc/>
    public override string? Validate() => Finite("mean", Mean) ?? Spread("standard deviation", StandardDeviation, zeroAllowed: true);

    /// <summary>The standard normal quantile.</summary>
    internal static double StandardQuantile(double probability) => MathNet.Numerics.Distributions.Normal.InvCDF(0, 1, probability);
}
