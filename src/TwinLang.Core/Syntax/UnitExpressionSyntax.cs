using TwinLang.Text;

namespace TwinLang.Syntax;

/// <summary>
/// A unit written in source: <c>A*h</c>, <c>W/(m^2*K)</c>, <c>m/s^2</c>, <c>1/s</c>. Inside a literal the
/// operators of a unit touch their operands (<c>3 K/W * q</c> is the unit <c>K/W</c> times <c>q</c>).
/// </summary>
public abstract record UnitExpressionSyntax(TextSpan Span) : SyntaxNode(Span);

/// <summary>A unit symbol, possibly prefixed: <c>mOhm</c>, <c>kWh</c>, <c>degC</c>.</summary>
public sealed record UnitNameSyntax(TextSpan Span, string Name) : UnitExpressionSyntax(Span);

/// <summary>The number one, as in <c>1/s</c> or a dimensionless <c>quantity Fraction = 1</c>.</summary>
public sealed record UnitOneSyntax(TextSpan Span) : UnitExpressionSyntax(Span);

/// <summary><c>m^2</c>, <c>s^-1</c>.</summary>
public sealed record UnitPowerSyntax(TextSpan Span, UnitExpressionSyntax Base, int Exponent) : UnitExpressionSyntax(Span);

/// <summary><c>a*b</c> (<see cref="IsDivision"/> false) or <c>a/b</c>.</summary>
public sealed record UnitBinarySyntax(TextSpan Span, UnitExpressionSyntax Left, bool IsDivision, UnitExpressionSyntax Right) : UnitExpressionSyntax(Span);

/// <summary><c>(m^2*K)</c>.</summary>
public sealed record UnitParenthesizedSyntax(TextSpan Span, UnitExpressionSyntax Inner) : UnitExpressionSyntax(Span);

/// <summary>A unit the parser expected but did not find.</summary>
public sealed record MissingUnitSyntax(TextSpan Span) : UnitExpressionSyntax(Span);
