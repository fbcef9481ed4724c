namespace TwinLang.Binding;

/// <summary>A compile-time value: a number in SI (flagged when integral by type) or a Boolean.</summary>
public readonly record struct ConstantValue(double Number, bool IsInteger, bool? Boolean = null)
{
    /// <summary>An integer constant.</summary>
    public static ConstantValue FromInt(long value) => new(value, true);

    /// <summary>A Boolean constant.</summary>
    public static ConstantValue FromBool(bool value) => new(value ? 1 : 0, false, value);

    /// <summary>True when the number has no fractional part (integer literals and integral results).</summary>
    public bool IsIntegral => Boolean is null && Math.Abs(Number - Math.Round(Number)) < 1e-9 && Math.Abs(Number) < 9e15;
}
