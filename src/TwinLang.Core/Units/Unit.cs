using System.Globalization;

namespace TwinLang.Units;

/// <summary>
/// A unit of measure: its symbol, dimension and the affine map to SI, <c>si = value * Scale + Offset</c>.
/// <see cref="Offset"/> is non-zero only for affine units (<c>degC</c>, <c>degF</c>); compounding a unit
/// (<see cref="Multiply"/>, <see cref="Divide"/>, <see cref="Pow"/>) treats each operand as a difference
/// and so drops offsets: <c>degC/s</c> is exactly <c>K/s</c>.
/// </summary>
public sealed record Unit(string Symbol, Dimension Dimension, double Scale, double Offset = 0)
{
    /// <summary>The unit of pure numbers, written <c>1</c>.</summary>
    public static readonly Unit One = new("1", Dimension.None, 1);

    /// <summary>
    /// Stands for a unit that could not be resolved; a diagnostic was already reported, so consumers
    /// report nothing more about values in this unit (no cascades).
    /// </summary>
    public static readonly Unit Error = new("?", Dimension.None, 1) { IsError = true };

    /// <summary>True for <see cref="Error"/> and any unit built from it.</summary>
    public bool IsError { get; init; }

    /// <summary>True when the zero of this unit is not the SI zero (<c>degC</c>, <c>degF</c>).</summary>
    public bool IsAffine => Offset != 0;

    /// <summary>True when the symbol is a product, quotient or power rather than one name.</summary>
    public bool IsCompound => Symbol.AsSpan().IndexOfAny("*/^") >= 0;

    /// <summary>Converts an absolute value in this unit to SI (<c>25 degC</c> → 298.15).</summary>
    public double ToSi(double value) => (value * Scale) + Offset;

    /// <summary>Converts an absolute SI value to this unit (298.15 → <c>25 degC</c>).</summary>
    public double FromSi(double siValue) => (siValue - Offset) / Scale;

    /// <summary>Converts a difference in this unit to SI (<c>5 degC</c> of difference → 5).</summary>
    public double DifferenceToSi(double difference) => difference * Scale;

    /// <summary>Converts an SI difference to this unit.</summary>
    public double DifferenceFromSi(double siDifference) => siDifference / Scale;

    /// <summary>The same unit read as a difference: its offset dropped, its symbol kept.</summary>
    public Unit AsDifference() => IsAffine ? this with { Offset = 0 } : this;

    /// <summary>Renames the unit, as a declaration <c>unit N = kg*m/s^2</c> does.</summary>
    public Unit WithSymbol(string symbol) => this with { Symbol = symbol };

    /// <summary>The product unit <c>a*b</c>; offsets are dropped.</summary>
    public Unit Multiply(Unit other) => new(
        Combine(Symbol, "*", other.Symbol),
        Dimension.Multiply(other.Dimension),
        Scale * other.Scale)
    { IsError = IsError || other.IsError };

    /// <summary>The quotient unit <c>a/b</c>; offsets are dropped.</summary>
    public Unit Divide(Unit other) => new(
        Combine(Symbol, "/", other.Symbol),
        Dimension.Divide(other.Dimension),
        Scale / other.Scale)
    { IsError = IsError || other.IsError };

    /// <summary>The power <c>u^n</c>; the offset is dropped.</summary>
    public Unit Pow(int exponent)
    {
        var symbol = exponent == 1 ? Symbol : string.Create(CultureInfo.InvariantCulture, $"{Parenthesize(Symbol)}^{exponent}");
        return new Unit(symbol, Dimension.Pow(exponent), Math.Pow(Scale, exponent)) { IsError = IsError };
    }

    /// <summary>The factor <c>k*u</c> (as in <c>unit h = 3600 s</c>); the offset is dropped.</summary>
    public Unit Times(double factor) => new(
        string.Create(CultureInfo.InvariantCulture, $"{factor:R}*{Symbol}"),
        Dimension,
        Scale * factor)
    { IsError = IsError };

    /// <summary>True when both units convert identically (same dimension, scale and offset), whatever their symbols.</summary>
    public bool IsEquivalentTo(Unit other) =>
        Dimension == other.Dimension && ScaleEquals(Scale, other.Scale) && ScaleEquals(Offset, other.Offset);

    /// <inheritdoc />
    public override string ToString() => Symbol;

    // A product never needs parentheses (a*(b/c) reads the same as a*b/c); the right side of a quotient
    // does as soon as it holds a product or quotient (a/(b*c), but m/s^2). Dropping the one operand here keeps "1/s" and "m" tidy.
    private static string Combine(string left, string op, string right)
    {
        if (op == "*")
        {
            return left == "1" ? right : right == "1" ? left : $"{left}*{right}";
        }

        return right == "1" ? left : right.AsSpan().IndexOfAny("*/") >= 0 ? $"{left}/({right})" : $"{left}/{right}";
    }

    private static string Parenthesize(string symbol) =>
        symbol.AsSpan().IndexOfAny("*/^") >= 0 ? $"({symbol})" : symbol;

    private static bool ScaleEquals(double a, double b) =>
        a == b || Math.Abs(a - b) <= 1e-12 * Math.Max(Math.Abs(a), Math.Abs(b));
}
