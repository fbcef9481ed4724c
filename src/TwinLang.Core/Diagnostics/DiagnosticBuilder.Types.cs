namespace TwinLang.Diagnostics;

// TW2050..TW2999: types and dimensional consistency of expressions (binder). TW2000..TW2049 belong to units.
public readonly partial struct DiagnosticBuilder
{
    /// <summary>TW2050: a value whose dimension differs from the one required; both are given with quantity names.</summary>
    public Diagnostic DimensionMismatch(string expected, string found) =>
        Error("TW2050", $"Expected {expected} but found {found}.");

    /// <summary>TW2051: a value of the wrong kind of type (Bool where a number is needed, and so on).</summary>
    public Diagnostic TypeMismatch(string expected, string found) =>
        Error("TW2051", $"Expected a value of type {Quote(expected)} but found {Quote(found)}.");

    /// <summary>TW2052: the two sides of <c>+</c>, <c>-</c>, a comparison or an equation have different dimensions.</summary>
    public Diagnostic IncompatibleDimensions(string what, string left, string right) =>
        Error("TW2052", $"The two sides of {what} must have the same dimension but found {left} and {right}.");

    /// <summary>TW2053: an exponent that is not a constant, or not an integer on a base with a dimension.</summary>
    public Diagnostic InvalidExponent(string reason) =>
        Error("TW2053", $"Invalid exponent: {reason}.");

    /// <summary>TW2054: a call with too few or too many arguments.</summary>
    public Diagnostic WrongArgumentCount(string callee, string expected, int found) =>
        Error("TW2054", $"{Quote(callee)} takes {expected} but is given {found}.");

    /// <summary>TW2055: an expression that must be a compile-time constant and is not.</summary>
    public Diagnostic NotConstant(string what) =>
        Error("TW2055", $"Expected a constant {what}: use literals, constants and parameters with constant defaults.");

    /// <summary>TW2056: an array size below zero.</summary>
    public Diagnostic NegativeArraySize(long size) =>
        Error("TW2056", $"Expected an array size of zero or more but found {size}.");

    /// <summary>TW2057: a constant expression that divides by zero.</summary>
    public Diagnostic DivisionByZero() =>
        Error("TW2057", "This constant expression divides by zero.");

    /// <summary>TW2058: indexing something that is not an array, or with too many indices.</summary>
    public Diagnostic InvalidIndexing(string type, int rank, int indices) =>
        Error("TW2058", $"{Quote(type)} has {rank} array dimension(s) but is indexed with {indices}.");

    /// <summary>TW2059: an iterator whose range is not written and cannot be inferred from indexed arrays.</summary>
    public Diagnostic CannotInferIteratorRange(string name) =>
        Error("TW2059", $"The range of iterator {Quote(name)} cannot be inferred: it indexes no array of known size. Write 'for {name} in 1..n'.");

    /// <summary>TW2060: a constant index outside the array bounds.</summary>
    public Diagnostic IndexOutOfRange(long index, int size) =>
        Error("TW2060", $"Expected an index between 1 and {size} but found {index}.");

    /// <summary>TW2061: a unit modifier whose dimension differs from the declared quantity.</summary>
    public Diagnostic UnitDoesNotMatchQuantity(string unit, string expected, string found) =>
        Error("TW2061", $"The unit {Quote(unit)} does not fit the declared type: expected {expected} but found {found}.");

    /// <summary>TW2062: the two sides of an equation or array operation have different shapes.</summary>
    public Diagnostic ShapeMismatch(string left, string right) =>
        Error("TW2062", $"Expected operands of the same array shape but found {Quote(left)} and {Quote(right)}.");

    /// <summary>TW2063: a required argument missing from a call.</summary>
    public Diagnostic MissingArgument(string callee, string parameter) =>
        Error("TW2063", $"{Quote(callee)} needs the argument {Quote(parameter)}.");

    /// <summary>TW2064: a wildcard <c>[*]</c> outside a reduction, estimate or whole-array position.</summary>
    public Diagnostic WildcardNotAllowed() =>
        Error("TW2064", "A wildcard index '[*]' is allowed only inside a reduction such as 'sum(...)' or an 'estimate' target.");
}
