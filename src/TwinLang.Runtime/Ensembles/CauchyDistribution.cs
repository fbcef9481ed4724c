namespace TwinLang.Runtime.Ensembles;

/// <summary><c>cauchy(location, scale)</c>: heavy tails, no mean; the median is the location.</summary>
/// <param name="Location">The median.</param>
/// <param name="Scale">The half width at half maximum, positive.</param>
public sealed record CauchyDistribution(double Location, double Scale) : Distribution
{
    /// <inheritdoc/>
    public override double Quantile(double probability) => Location + Scale * Math.Tan(Math.PI * (probability - 0.5));

    /// <inheritdoc/>
    public override double Cdf(double value) => 0.5 + Math.Atan((value - Location) / Scale) / Math.PI;

    /// <inheritdoc/>
    public override string? Validate() => Finite("location", Location) ?? Spread("scale", Scale, zeroAllowed: false);
}
