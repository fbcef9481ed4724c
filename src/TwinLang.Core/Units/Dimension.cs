using System.Globalization;
using System.Text;

namespace TwinLang.Units;

/// <summary>
/// A physical dimension: the integer exponents of the seven SI base quantities
/// (length m, mass kg, time s, electric current A, temperature K, amount of substance mol,
/// luminous intensity cd). Angles and ratios are dimensionless, as in the SI.
/// </summary>
public readonly record struct Dimension(int Length, int Mass, int Time, int Current, int Temperature, int Amount, int Luminosity)
{
    /// <summary>The dimension of pure numbers.</summary>
    public static readonly Dimension None = default;

    /// <summary>m.</summary>
    public static readonly Dimension LengthDimension = new(1, 0, 0, 0, 0, 0, 0);

    /// <summary>kg.</summary>
    public static readonly Dimension MassDimension = new(0, 1, 0, 0, 0, 0, 0);

    /// <summary>s.</summary>
    public static readonly Dimension TimeDimension = new(0, 0, 1, 0, 0, 0, 0);

    /// <summary>A.</summary>
    public static readonly Dimension CurrentDimension = new(0, 0, 0, 1, 0, 0, 0);

    /// <summary>K.</summary>
    public static readonly Dimension TemperatureDimension = new(0, 0, 0, 0, 1, 0, 0);

    /// <summary>mol.</summary>
    public static readonly Dimension AmountDimension = new(0, 0, 0, 0, 0, 1, 0);

    /// <summary>cd.</summary>
    public static readonly Dimension LuminosityDimension = new(0, 0, 0, 0, 0, 0, 1);

    // Display order follows the SI brochure's coherent-unit notation (kg·m²·s⁻³·A⁻¹), so messages read
    // like textbook formulas. The record's field order is the brochure's base-unit order instead.
    private static readonly (string Symbol, Func<Dimension, int> Exponent)[] DisplayOrder =
    [
        ("kg", d => d.Mass),
        ("m", d => d.Length),
        ("s", d => d.Time),
        ("A", d => d.Current),
        ("K", d => d.Temperature),
        ("mol", d => d.Amount),
        ("cd", d => d.Luminosity),
    ];

    /// <summary>True when every exponent is zero.</summary>
    public bool IsDimensionless => this == None;

    /// <summary>The product of two dimensions (exponents add).</summary>
    public Dimension Multiply(Dimension other) => new(
        Length + other.Length,
        Mass + other.Mass,
        Time + other.Time,
        Current + other.Current,
        Temperature + other.Temperature,
        Amount + other.Amount,
        Luminosity + other.Luminosity);

    /// <summary>The quotient of two dimensions (exponents subtract).</summary>
    public Dimension Divide(Dimension other) => Multiply(other.Pow(-1));

    /// <summary>This dimension raised to an integer power (exponents multiply).</summary>
    public Dimension Pow(int exponent) => new(
        Length * exponent,
        Mass * exponent,
        Time * exponent,
        Current * exponent,
        Temperature * exponent,
        Amount * exponent,
        Luminosity * exponent);

    /// <summary>
    /// The <paramref name="degree"/>-th root (for <c>sqrt</c>, <c>cbrt</c>), when every exponent divides evenly;
    /// false for roots such as <c>sqrt(1 m)</c>, whose dimension has no integer exponents.
    /// </summary>
    public bool TryRoot(int degree, out Dimension root)
    {
        root = None;
        if (degree <= 0)
        {
            return false;
        }

        int[] exponents = [Length, Mass, Time, Current, Temperature, Amount, Luminosity];
        if (exponents.Any(e => e % degree != 0))
        {
            return false;
        }

        root = new Dimension(
            Length / degree,
            Mass / degree,
            Time / degree,
            Current / degree,
            Temperature / degree,
            Amount / degree,
            Luminosity / degree);
        return true;
    }

    /// <summary>
    /// SI base symbols, positive exponents first: <c>m/s^2</c>, <c>kg*m^2/(s^3*A)</c>, <c>1/s</c>, and <c>1</c>
    /// for a dimensionless value.
    /// </summary>
    public override string ToString()
    {
        var numerator = new List<string>();
        var denominator = new List<string>();
        foreach (var (symbol, exponentOf) in DisplayOrder)
        {
            var exponent = exponentOf(this);
            if (exponent > 0)
            {
                numerator.Add(FormatFactor(symbol, exponent));
            }
            else if (exponent < 0)
            {
                denominator.Add(FormatFactor(symbol, -exponent));
            }
        }

        var text = new StringBuilder(numerator.Count == 0 ? "1" : string.Join('*', numerator));
        if (denominator.Count == 1)
        {
            text.Append('/').Append(denominator[0]);
        }
        else if (denominator.Count > 1)
        {
            text.Append("/(").Append(string.Join('*', denominator)).Append(')');
        }

        return text.ToString();
    }

    private static string FormatFactor(string symbol, int exponent) =>
        exponent == 1 ? symbol : string.Create(CultureInfo.InvariantCulture, $"{symbol}^{exponent}");
}
