namespace TwinLang.Runtime.Ensembles;

/// <summary><c>laplace(mean, scale)</c>: the double exponential, density <c>exp(-|x - mean| / scale) / (2 scale)</c>.</summary>
/// <param name="Mean">The mean (and median).</param>
/// <param name="Scale">The scale, positive; the standard deviation is <c>√2 · scale</c>.</param>
public sealed record LaplaceDistribution(double Mean, double Scale) : Distribution
{
    /// <inheritdoc/>
    public override double Quantile(double probability) => probability < 0.5
        ? Mean + Scale * Math.Log(2 * probability)
        : Mean - Scale * Math.Log(2 * (1 - probability));

    /// <inheritdoc/>
    public override double Cdf(double value) => value < Mean
        ? 0.5 * Math.Exp((value - Mean) / Scale)
        : 1 - 0.5 * Math.Exp(-(value - Mean) / Scale);

    /// <inheritdoc/>
    public override string? Validate() => Finite("mean", Mean) ?? Spread("scale", Scale, zeroAllowed: false);
}
