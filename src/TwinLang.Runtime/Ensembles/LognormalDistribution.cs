namespace TwinLang.Runtime.Ensembles;

/// <summary>
/// <c>lognormal(median, sigma)</c>: <c>median · exp(sigma · z)</c> with <c>z</c> standard normal, so <c>ln x</c> is
/// normal with mean <c>ln median</c> and standard deviation <c>sigma</c> (a relative spread: 0.1 is about 10 %).
/// The mean is <c>median · exp(sigma² / 2)</c>. Draws are always positive.
/// </summary>
/// <param name="Median">The median, positive.</param>
/// <param name="Sigma">The standard deviation of the logarithm, at least 0.</param>
public sealed record LognormalDistribution(double Median, double Sigma) : Distribution
{
    /// <inheritdoc/>
    public override double Quantile(double probability) => Median * Math.Exp(Sigma * NormalDistribution.StandardQuantile(probability));

    /// <inheritdoc/>
    public override double Cdf(double value) => value <= 0 ? 0 : Sigma == 0
        ? (value < Median ? 0 : 1)
        : MathNet.Numerics.Distributions.Normal.CDF(0, 1, Math.Log(value / Median) / Sigma);

    /// <inheritdoc/>
    public override string? Validate() => Spread("median", Median, zeroAllowed: false) ?? Spread("sigma", Sigma, zeroAllowed: true);
}
