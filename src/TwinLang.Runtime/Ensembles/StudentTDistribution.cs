namespace TwinLang.Runtime.Ensembles;

/// <summary><c>student_t(mean, scale, dof)</c>: the location-scale Student t distribution.</summary>
/// <param name="Mean">The location (the mean when <paramref name="DegreesOfFreedom"/> exceeds 1).</param>
/// <param name="Scale">The scale, positive.</param>
/// <param name="DegreesOfFreedom">The degrees of freedom, positive.</param>
public sealed record StudentTDistribution(double Mean, double Scale, double DegreesOfFreedom) : Distribution
{
    /// <inheritdoc/>
    public override double Quantile(double probability) => MathNet.Numerics.Distributions.StudentT.InvCDF(Mean, Scale, DegreesOfFreedom, probability);

    /// <inheritdoc/>
    public override double Cdf(double value) => MathNet.Numerics.Distributions.StudentT.CDF(Mean, Scale, DegreesOfFreedom, value);

    /// <inheritdoc/>
    public override string? Validate() =>
        Finite("mean", Mean) ?? Spread("scale", Scale, zeroAllowed: false) ?? Spread("number of degrees of freedom", DegreesOfFreedom, zeroAllowed: false);
}
