using System.Globalization;

namespace TwinLang.Runtime.Ensembles;

/// <summary>
/// A univariate distribution in SI, sampled by inverse transform: <c>Quantile(u)</c> of a uniform <c>u</c> in (0, 1).
/// One uniform per draw keeps the streams aligned (member k's i-th draw always uses its i-th number) and makes
/// truncation exact without rejection (<see cref="Truncate"/>).
/// </summary>
public abstract record Distribution
{
    /// <summary>The value below which a fraction <paramref name="probability"/> (in (0, 1)) of draws fall.</summary>
    public abstract double Quantile(double probability);

    /// <summary>The probability of a draw at or below <paramref name="value"/>.</summary>
    public abstract double Cdf(double value);

    /// <summary>Why the arguments cannot be drawn from (one sentence ending with a period), or null when they can.</summary>
    public abstract string? Validate();

    /// <summary>Draws one value with the next uniform of <paramref name="random"/>.</summary>
    public double Sample(ref EnsembleRandom random) => Quantile(random.NextOpenUnit());

    /// <summary>This distribution restricted to [<paramref name="lower"/>, <paramref name="upper"/>]; itself when neither is given.</summary>
    public Distribution Truncate(double? lower, double? upper) =>
        lower is null && upper is null ? this : new TruncatedDistribution(this, lower ?? double.NegativeInfinity, upper ?? double.PositiveInfinity);

    /// <summary>A number for messages: six significant digits, invariant culture.</summary>
    protected static string Format(double value) => value.ToString("G6", CultureInfo.InvariantCulture);

    /// <summary>Null when <paramref name="value"/> is finite and positive (or zero when <paramref name="zeroAllowed"/>), else the message.</summary>
    protected static string? Spread(string name, double value, bool zeroAllowed) =>
        double.IsFinite(value) && (value > 0 || (zeroAllowed && value == 0))
            ? null
            : $"Expected a {(zeroAllowed ? "non-negative" : "positive")} finite {name} but found {Format(value)}.";

    /// <summary>Null when <paramref name="value"/> is finite, else the message.</summary>
    protected static string? Finite(string name, double value) =>
        double.IsFinite(value) ? null : $"Expected a finite {name} but found {Format(value)}.";
}
