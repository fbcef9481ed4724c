using System.Globalization;

namespace TwinLang.Diagnostics;

// TW2000..TW2049: units and quantities (resolving unit expressions, evaluating unit and quantity
// declarations). The binder's type and dimension checks use TW2050 and above.
public readonly partial struct DiagnosticBuilder
{
    /// <summary>TW2000: a unit symbol names no unit, with or without an SI prefix.</summary>
    public Diagnostic UnknownUnit(string symbol, string? suggestion) =>
        Error("TW2000", suggestion is null
            ? $"Unknown unit {Quote(symbol)}. Use a unit of the standard library or declare it with 'unit {symbol} = ...'."
            : $"Unknown unit {Quote(symbol)}; the closest known unit is {Quote(suggestion)}.");

    /// <summary>TW2001: an SI prefix on an affine unit (<c>mdegC</c>).</summary>
    public Diagnostic PrefixOnAffineUnit(string symbol, string prefix, string unit) =>
        Error("TW2001", $"Unit {Quote(symbol)} puts the prefix {Quote(prefix)} on the affine unit {Quote(unit)}, which takes no prefix. Write the value in {Quote(unit)} or in a unit without offset such as 'K'.");

    /// <summary>TW2002: an affine unit raised to a power (<c>degC^2</c>).</summary>
    public Diagnostic PowerOfAffineUnit(string unit, int exponent) =>
        Error("TW2002", string.Create(CultureInfo.InvariantCulture, $"The affine unit {Quote(unit)} cannot be raised to the power {exponent}. Use a difference unit such as 'K' or 'deltadegC' instead."));

    /// <summary>TW2003: a unit exponent of zero or beyond ±12.</summary>
    public Diagnostic InvalidUnitExponent(int exponent) =>
        Error("TW2003", string.Create(CultureInfo.InvariantCulture, $"Expected a unit exponent between -12 and 12 other than 0 but found '{exponent}'."));

    /// <summary>TW2004: the scale of a unit overflows or underflows a double.</summary>
    public Diagnostic UnitScaleOutOfRange(string unit) =>
        Error("TW2004", $"The unit {Quote(unit)} is too large or too small to represent; its factor to SI is out of range.");

    /// <summary>TW2005: a unit is declared twice or redeclares a built-in unit.</summary>
    public Diagnostic DuplicateUnit(string name, bool isBuiltIn) =>
        Error("TW2005", isBuiltIn
            ? $"The unit {Quote(name)} is built in and cannot be declared again. Choose another name."
            : $"The unit {Quote(name)} is already declared. Remove this declaration or choose another name.");

    /// <summary>TW2006: unit declarations that refer to each other in a cycle.</summary>
    public Diagnostic UnitCycle(string name, IReadOnlyList<string> cycle) =>
        Error("TW2006", $"The unit {Quote(name)} is defined in terms of itself ({string.Join(" -> ", cycle.Select(Quote))}). Define one of them from other units.");

    /// <summary>TW2007: a unit declaration's factor is zero, negative or not finite.</summary>
    public Diagnostic NonPositiveUnitScale(string name, string scale) =>
        Error("TW2007", $"Expected a positive factor for the unit {Quote(name)} but found {Quote(scale)}.");

    /// <summary>TW2008: an offset on a unit that is not a temperature.</summary>
    public Diagnostic OffsetOnNonTemperatureUnit(string name, string dimension) =>
        Error("TW2008", $"Only temperature units can have an offset, but the unit {Quote(name)} has dimension {dimension}. Remove the offset.");

    /// <summary>TW2009: an offset on a compound unit or on a unit that already has one.</summary>
    public Diagnostic OffsetOnDerivedUnit(string name, string unit) =>
        Error("TW2009", $"The offset of unit {Quote(name)} needs one temperature unit without offset, such as 'K', but found {Quote(unit)}.");

    /// <summary>TW2010: a factor on an affine unit (<c>unit x = 2 degC</c>).</summary>
    public Diagnostic ScaledAffineUnit(string name, string unit) =>
        Error("TW2010", $"The unit {Quote(name)} scales the affine unit {Quote(unit)}, which has no meaning. Scale a unit without offset and give the offset with 'offset'.");

    /// <summary>TW2011: a quantity is declared twice.</summary>
    public Diagnostic DuplicateQuantity(string name) =>
        Error("TW2011", $"The quantity {Quote(name)} is already declared. Remove this declaration or choose another name.");
}
