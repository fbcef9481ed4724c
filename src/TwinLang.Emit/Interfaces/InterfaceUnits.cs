using System.Text;
using TwinLang.Binding;
using TwinLang.Units;

namespace TwinLang.Emit.Interfaces;

/// <summary>
/// The unit spellings the three standards need, derived from the compiler's units: the SI-coherent unit of a
/// real type (FMI values are in it), Modelica spelling for FMI unit names, and the DTDL QuantitativeTypes v1
/// semantic type and unit name where the extension has the pair (docs/interfaces.md §6).
/// </summary>
internal static class InterfaceUnits
{
    // TwinLang unit symbol → (DTDL semantic type, DTDL unit). Only pairs QuantitativeTypes v1 lists
    // (../shared/schemas/dtdl/quantitative-types.v1.json); the semantic type follows the unit's dimension.
    private static readonly Dictionary<string, (string SemanticType, string Unit)> DtdlUnits = new(StringComparer.Ordinal)
    {
        ["m"] = ("Length", "metre"),
        ["cm"] = ("Length", "centimetre"),
        ["mm"] = ("Length", "millimetre"),
        ["km"] = ("Length", "kilometre"),
        ["kg"] = ("Mass", "kilogram"),
        ["g"] = ("Mass", "gram"),
        ["t"] = ("Mass", "tonne"),
        ["s"] = ("TimeSpan", "second"),
        ["ms"] = ("TimeSpan", "millisecond"),
        ["min"] = ("TimeSpan", "minute"),
        ["h"] = ("TimeSpan", "hour"),
        ["d"] = ("TimeSpan", "day"),
        ["A"] = ("Current", "ampere"),
        ["mA"] = ("Current", "milliampere"),
        ["kA"] = ("Current", "kiloampere"),
        ["K"] = ("Temperature", "kelvin"),
        ["degC"] = ("Temperature", "degreeCelsius"),
        ["degF"] = ("Temperature", "degreeFahrenheit"),
        ["V"] = ("Voltage", "volt"),
        ["mV"] = ("Voltage", "millivolt"),
        ["kV"] = ("Voltage", "kilovolt"),
        ["Ohm"] = ("Resistance", "ohm"),
        ["mOhm"] = ("Resistance", "milliohm"),
        ["kOhm"] = ("Resistance", "kiloohm"),
        ["MOhm"] = ("Resistance", "megaohm"),
        ["F"] = ("Capacitance", "farad"),
        ["mF"] = ("Capacitance", "millifarad"),
        ["uF"] = ("Capacitance", "microfarad"),
        ["nF"] = ("Capacitance", "nanofarad"),
        ["pF"] = ("Capacitance", "picofarad"),
        ["H"] = ("Inductance", "henry"),
        ["mH"] = ("Inductance", "millihenry"),
        ["C"] = ("ElectricCharge", "coulomb"),
        ["Ah"] = ("ElectricCharge", "ampereHour"),
        ["A*h"] = ("ElectricCharge", "ampereHour"),
        ["mA*h"] = ("ElectricCharge", "milliampereHour"),
        ["W"] = ("Power", "watt"),
        ["mW"] = ("Power", "milliwatt"),
        ["kW"] = ("Power", "kilowatt"),
        ["MW"] = ("Power", "megawatt"),
        ["J"] = ("Energy", "joule"),
        ["kJ"] = ("Energy", "kilojoule"),
        ["MJ"] = ("Energy", "megajoule"),
        ["Wh"] = ("Energy", "wattHour"),
        ["kWh"] = ("Energy", "kilowattHour"),
        ["W*h"] = ("Energy", "wattHour"),
        ["kW*h"] = ("Energy", "kilowattHour"),
        ["N"] = ("Force", "newton"),
        ["Pa"] = ("Pressure", "pascal"),
        ["kPa"] = ("Pressure", "kilopascal"),
        ["hPa"] = ("Pressure", "hectopascal"),
        ["bar"] = ("Pressure", "bar"),
        ["Hz"] = ("Frequency", "hertz"),
        ["kHz"] = ("Frequency", "kilohertz"),
        ["m/s"] = ("Velocity", "metrePerSecond"),
        ["m/s^2"] = ("Acceleration", "metrePerSecondSquared"),
        ["m^2"] = ("Area", "squareMetre"),
        ["m^3"] = ("Volume", "cubicMetre"),
        ["L"] = ("Volume", "litre"),
        ["rad"] = ("Angle", "radian"),
        ["deg"] = ("Angle", "degreeOfArc"),
        ["rad/s"] = ("AngularVelocity", "radianPerSecond"),
        ["rpm"] = ("AngularVelocity", "revolutionPerMinute"),
        ["rad/s^2"] = ("AngularAcceleration", "radianPerSecondSquared"),
        ["kg/m^3"] = ("Density", "kilogramPerCubicMetre"),
        ["kg/s"] = ("MassFlowRate", "kilogramPerSecond"),
        ["N*m"] = ("Torque", "newtonMetre"),
        ["W/m^2"] = ("Irradiance", "wattPerSquareMetre"),
        ["lx"] = ("Illuminance", "lux"),
        ["lm"] = ("LuminousFlux", "lumen"),
        ["cd"] = ("LuminousIntensity", "candela"),
        ["Wb"] = ("MagneticFlux", "weber"),
        ["T"] = ("MagneticInduction", "tesla"),
        ["VA"] = ("ApparentPower", "voltAmpere"),
    };

    /// <summary>The DTDL semantic type and unit of <paramref name="unit"/>, or null when QuantitativeTypes v1 has no such pair.</summary>
    public static (string SemanticType, string Unit)? DtdlUnit(Unit unit) =>
        DtdlUnits.TryGetValue(unit.Symbol, out var pair) ? pair : null;

    /// <summary>
    /// The SI-coherent unit a real type's values are published in: the quantity's own unit when that is
    /// coherent (scale 1, no offset), else a unit named after the dimension's SI base symbols; null when dimensionless.
    /// </summary>
    public static Unit? SiUnit(RealType type)
    {
        if (type.Dimension.IsDimensionless)
        {
            return type.Quantity?.Unit is { Scale: 1, Offset: 0, IsError: false } own && own.Symbol != "1" ? own : null;
        }

        return type.Quantity?.Unit is { Scale: 1, Offset: 0, IsError: false } coherent
            ? coherent
            : new Unit(type.Dimension.ToString(), type.Dimension, 1);
    }

    /// <summary>The SI-coherent unit of the time derivative of a real type: <c>V/s</c>, <c>1/s</c>, else named after the dimension.</summary>
    public static Unit SiDerivativeUnit(RealType type)
    {
        var dimension = type.Dimension.Divide(Dimension.TimeDimension);
        var state = SiUnit(type);
        var symbol = state is null ? "1/s" : state.Symbol.AsSpan().IndexOfAny("*/^(") < 0 ? state.Symbol + "/s" : dimension.ToString();
        return new Unit(symbol, dimension, 1);
    }

    /// <summary>A TwinLang unit symbol in Modelica/FMI spelling: <c>A*h</c> → <c>A.h</c>, <c>m/s^2</c> → <c>m/s2</c>.</summary>
    public static string ModelicaName(string symbol)
    {
        var text = new StringBuilder(symbol.Length);
        foreach (var c in symbol)
        {
            switch (c)
            {
                case '*':
                    text.Append('.');
                    break;
                case '^':
                    break;
                default:
                    text.Append(c);
                    break;
            }
        }

        return text.ToString();
    }
}
