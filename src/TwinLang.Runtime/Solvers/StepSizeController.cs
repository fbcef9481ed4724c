namespace TwinLang.Runtime.Solvers;

/// <summary>
/// The step-size controller of an adaptive solver: Hairer's PI controller with Lund stabilisation as in
/// DOPRI5 (Hairer, Nørsett and Wanner, Solving ODEs I, §II.4). With <see cref="Beta"/> 0 it is the classic
/// I-controller <c>h_new = h · clamp(Safety · err^(-1/(q+1)), MinFactor, MaxFactor)</c>.
/// </summary>
/// <param name="Safety">Safety factor applied to the optimal step.</param>
/// <param name="MinFactor">The smallest ratio between a new and the previous step.</param>
/// <param name="MaxFactor">The largest ratio between a new and the previous step.</param>
/// <param name="Beta">The PI stabilisation exponent (0.04 in DOPRI5; 0 gives the I-controller).</param>
public sealed record StepSizeController(double Safety = 0.9, double MinFactor = 0.2, double MaxFactor = 10.0, double Beta = 0.04)
{
    /// <summary>The DOPRI5 defaults.</summary>
    public static StepSizeController Default { get; } = new();

    /// <summary>
    /// The ratio of the next step to the accepted one, for a method whose error estimate has order
    /// <paramref name="order"/>, from the accepted step's error <paramref name="error"/> (in tolerance units, ≤ 1)
    /// and the previous accepted step's error.
    /// </summary>
    public double AcceptFactor(double error, double previousError, int order)
    {
        var exponent = 1.0 / (order + 1) - 0.75 * Beta;
        var optimal = Safety * Math.Pow(previousError, Beta) / Math.Pow(error, exponent);
        return Math.Clamp(double.IsNaN(optimal) ? MaxFactor : optimal, MinFactor, MaxFactor);
    }

    /// <summary>The ratio of the retry step to a rejected one whose error was <paramref name="error"/> (&gt; 1).</summary>
    public double RejectFactor(double error, int order)
    {
        var exponent = 1.0 / (order + 1) - 0.75 * Beta;
        return Math.Max(MinFactor, Safety / Math.Pow(error, exponent));
    }

    /// <summary>A message describing the first invalid setting, or null when all are valid.</summary>
    public string? Validate()
    {
        if (!(Safety > 0 && Safety <= 1))
        {
            return $"The step-size safety factor must be in (0, 1] but is {Format(Safety)}.";
        }

        if (!(MinFactor > 0 && MinFactor < 1))
        {
            return $"The minimum step-size factor must be in (0, 1) but is {Format(MinFactor)}.";
        }

        if (!(MaxFactor > 1 && double.IsFinite(MaxFactor)))
        {
            return $"The maximum step-size factor must be greater than 1 but is {Format(MaxFactor)}.";
        }

        if (!(Beta >= 0 && Beta < 0.2))
        {
            return $"The PI exponent beta must be in [0, 0.2) but is {Format(Beta)}.";
        }

        return null;
    }

    private static string Format(double value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
