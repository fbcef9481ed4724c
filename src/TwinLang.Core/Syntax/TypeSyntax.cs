using System.Collections.Immutable;
using TwinLang.Text;

namespace TwinLang.Syntax;

/// <summary>
/// A type reference: <c>Voltage</c>, <c>Real[n, 3]</c>, <c>Temperature(unit = degC, min = 0 K)</c>,
/// <c>Cell[n](capacity = 3 A*h)</c>. Dimensions come before modifiers.
/// </summary>
public sealed record TypeSyntax(TextSpan Span, QualifiedNameSyntax Name, ImmutableArray<ExpressionSyntax> Dimensions, ImmutableArray<ModifierSyntax> Modifiers) : SyntaxNode(Span);

/// <summary>One modifier in a type's parentheses.</summary>
public abstract record ModifierSyntax(TextSpan Span) : SyntaxNode(Span);

/// <summary><c>unit = mV</c>: the display unit of a real quantity.</summary>
public sealed record UnitModifierSyntax(TextSpan Span, UnitExpressionSyntax Unit) : ModifierSyntax(Span);

/// <summary><c>min = 0 V</c>, <c>capacity = 3 A*h</c>: an attribute or a parameter binding of a component.</summary>
public sealed record ValueModifierSyntax(TextSpan Span, NameSyntax Name, ExpressionSyntax Value) : ModifierSyntax(Span);
