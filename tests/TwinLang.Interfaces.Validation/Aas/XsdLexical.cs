using System.Globalization;
using System.Numerics;
using System.Text.RegularExpressions;

namespace TwinLang.Interfaces.Validation.Aas;

/// <summary>
/// Lexical check of a value against an XSD built-in datatype named as in the AAS <c>DataTypeDefXsd</c>
/// enumeration (<c>xs:double</c>, <c>xs:int</c>…). The AAS JSON schema cannot tie <c>value</c> to
/// <c>valueType</c>; the metamodel requires it (and AASd-020 for qualifiers).
/// </summary>
public static partial class XsdLexical
{
    private static readonly Dictionary<string, (BigInteger? Min, BigInteger? Max)> IntegerRanges = new(StringComparer.Ordinal)
    {
        ["xs:integer"] = (null, null),
        ["xs:long"] = (long.MinValue, long.MaxValue),
        ["xs:int"] = (int.MinValue, int.MaxValue),
        ["xs:short"] = (short.MinValue, short.MaxValue),
        ["xs:byte"] = (sbyte.MinValue, sbyte.MaxValue),
        ["xs:unsignedLong"] = (0, ulong.MaxValue),
        ["xs:unsignedInt"] = (0, uint.MaxValue),
        ["xs:unsignedShort"] = (0, ushort.MaxValue),
        ["xs:unsignedByte"] = (0, byte.MaxValue),
        ["xs:nonNegativeInteger"] = (0, null),
        ["xs:positiveInteger"] = (1, null),
        ["xs:nonPositiveInteger"] = (null, 0),
        ["xs:negativeInteger"] = (null, -1),
    };

    /// <summary>True when <paramref name="value"/> is a valid lexical form of <paramref name="valueType"/>;
    /// unknown types are left to the schema (true).</summary>
    public static bool IsValid(string valueType, string value)
    {
        if (IntegerRanges.TryGetValue(valueType, out var range))
        {
            if (!IntegerPattern().IsMatch(value))
            {
                return false;
            }

            var number = BigInteger.Parse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
            return (range.Min is not { } min || number >= min) && (range.Max is not { } max || number <= max);
        }

        return valueType switch
        {
            "xs:string" => true,
            "xs:boolean" => value is "true" or "false" or "1" or "0",
            "xs:decimal" => DecimalPattern().IsMatch(value),
            "xs:double" or "xs:float" => IsFloating(value),
            "xs:date" => DatePattern().IsMatch(value),
            "xs:dateTime" => DateTimePattern().IsMatch(value),
            "xs:time" => TimePattern().IsMatch(value),
            "xs:duration" => DurationPattern().IsMatch(value) && value.Length > 1 && !value.EndsWith('T') && !value.EndsWith("-P", StringComparison.Ordinal),
            "xs:gYear" => GYearPattern().IsMatch(value),
            "xs:gYearMonth" => GYearMonthPattern().IsMatch(value),
            "xs:gMonth" => GMonthPattern().IsMatch(value),
            "xs:gMonthDay" => GMonthDayPattern().IsMatch(value),
            "xs:gDay" => GDayPattern().IsMatch(value),
            "xs:hexBinary" => HexPattern().IsMatch(value),
            "xs:base64Binary" => IsBase64(value),
            "xs:anyURI" => !value.Any(char.IsControl),
            _ => true,
        };
    }

    // Out-of-range magnitudes round to INF in XSD 1.1, so only the lexical shape is checked.
    private static bool IsFloating(string value) =>
        value is "INF" or "-INF" or "+INF" or "NaN" || FloatPattern().IsMatch(value);

    private static bool IsBase64(string value)
    {
        var compact = string.Concat(value.Where(c => c != ' '));
        return compact.Length % 4 == 0 && Convert.TryFromBase64String(compact, new byte[compact.Length], out _);
    }

    [GeneratedRegex(@"^[+-]?[0-9]+$")]
    private static partial Regex IntegerPattern();

    [GeneratedRegex(@"^[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)$")]
    private static partial Regex DecimalPattern();

    [GeneratedRegex(@"^[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)([Ee][+-]?[0-9]+)?$")]
    private static partial Regex FloatPattern();

    private const string Tz = @"(Z|[+-]((0[0-9]|1[0-3]):[0-5][0-9]|14:00))?";

    [GeneratedRegex(@"^-?([1-9][0-9]{3,}|0[0-9]{3})-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])" + Tz + "$")]
    private static partial Regex DatePattern();

    [GeneratedRegex(@"^-?([1-9][0-9]{3,}|0[0-9]{3})-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])T(([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](\.[0-9]+)?|24:00:00(\.0+)?)" + Tz + "$")]
    private static partial Regex DateTimePattern();

    [GeneratedRegex(@"^(([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](\.[0-9]+)?|24:00:00(\.0+)?)" + Tz + "$")]
    private static partial Regex TimePattern();

    [GeneratedRegex(@"^-?P(([0-9]+Y)?([0-9]+M)?([0-9]+D)?(T([0-9]+H)?([0-9]+M)?([0-9]+(\.[0-9]+)?S)?)?)$")]
    private static partial Regex DurationPattern();

    [GeneratedRegex(@"^-?([1-9][0-9]{3,}|0[0-9]{3})" + Tz + "$")]
    private static partial Regex GYearPattern();

    [GeneratedRegex(@"^-?([1-9][0-9]{3,}|0[0-9]{3})-(0[1-9]|1[0-2])" + Tz + "$")]
    private static partial Regex GYearMonthPattern();

    [GeneratedRegex(@"^--(0[1-9]|1[0-2])" + Tz + "$")]
    private static partial Regex GMonthPattern();

    [GeneratedRegex(@"^--(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])" + Tz + "$")]
    private static partial Regex GMonthDayPattern();

    [GeneratedRegex(@"^---(0[1-9]|[12][0-9]|3[01])" + Tz + "$")]
    private static partial Regex GDayPattern();

    [GeneratedRegex(@"^([0-9A-Fa-f]{2})*$")]
    private static partial Regex HexPattern();
}
