namespace TwinLang.Runtime.Events;

/// <summary>
/// Builds continuous event indicators from conditions, for generated code: a condition is true exactly when its
/// indicator is positive. Strict relations are differences (<c>a &lt; b</c> → <c>b - a</c>); the helpers keep the
/// exact truth of non-strict relations and negations at zero, which matters for integer-valued discrete variables.
/// </summary>
public static class EventIndicator
{
    /// <summary>The indicator of <c>difference ≥ 0</c>: the difference, made positive at exactly zero.</summary>
    public static double AtLeast(double difference) => difference >= 0 ? Math.Max(difference, double.Epsilon) : difference;

    /// <summary>The indicator of the negation of the condition whose indicator is <paramref name="indicator"/>.</summary>
    public static double Not(double indicator) => indicator > 0 ? -indicator : Math.Max(-indicator, double.Epsilon);

    /// <summary>The indicator of a condition with no continuous measure (equality, a Boolean value): ±1.</summary>
    public static double FromBoolean(bool condition) => condition ? 1.0 : -1.0;
}
