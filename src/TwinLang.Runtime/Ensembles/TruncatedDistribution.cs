namespace TwinLang.Runtime.Ensembles;

/// <summary>
/// <paramref name="Inner"/> conditioned on lying in [<paramref name="Lower"/>, <paramref name="Upper"/>], drawn
/// exactly by mapping the uniform into the bounds' probability range before the inner quantile (no rejection, so
/// a member always uses one uniform per draw). Parameters with a declared <c>min</c>/<c>max</c> draw this way.
/// </summary>
/// <param name="Inner">The distribution before truncation.</param>
/// <param name="Lower">The lower bound (negative infinity for none).</param>
/// <param name="Upper">The upper bound (positive infinity for none).</param>
public sealed record TruncatedDistribution(Distribution Inner, double Lower, double Upper) : Distribution
{
    /// <inheritdoc/>
    public override double Quantile(double probability)
    {
        var low = Inner.Cdf(Lower);
        var value = Inner.Quantile(low + probability * (Inner.Cdf(Upper) - low));
        return double.IsNaN(value) ? Lower : Math.Clamp(value, Lower, Upper);
    }

    /// <inheritdoc/>
    public override double Cdf(double value)
    {
        var low = Inner.Cdf(Lower);
        return value < Lower ? 0 : value >= Upper ? 1 : (Inner.Cdf(value) - low) / (Inner.Cdf(Upper) - low);
    }

    /// <inheritdoc/>
    public override string? Validate()
    {
        if (Inner.Validate() is { } invalid)
        {
            return invalid;
        }

        if (double.IsNaN(Lower) || double.IsNaN(Upper) || !(Upper >= Lower))
        {
            return $"Expected a declared minimum {Format(Lower)} at or below the maximum but found {Format(Upper)}.";
        }

        return Inner.Cdf(Upper) - Inner.Cdf(Lower) > 0
            ? null
            : $"Expected the distribution to reach into the declared range {Format(Lower)} .. {Format(Upper)} but it has no probability there.";
    }
}
