namespace TwinLang.Units;

/// <summary>
/// A number literal converted to SI: <c>25 degC</c> is <see cref="SiValue"/> 298.15 with
/// <see cref="IsAbsoluteAffine"/> true; <c>0.5 degC/s</c> is 0.5 (a rate, offset dropped);
/// <c>2.5 A*h</c> is 9000.
/// </summary>
public readonly record struct UnitLiteral(double SiValue, Unit Unit)
{
    /// <summary>The dimension of the value.</summary>
    public Dimension Dimension => Unit.Dimension;

    /// <summary>
    /// True when the literal's whole unit is affine, so the value is an absolute point on that scale
    /// (<c>25 degC</c>), not a difference.
    /// </summary>
    public bool IsAbsoluteAffine => Unit.IsAffine;

    /// <summary>True when the unit could not be resolved; a diagnostic was already reported.</summary>
    public bool IsError => Unit.IsError;
}
