using System.Collections.Immutable;
using TwinLang.Text;

namespace TwinLang.Syntax;

/// <summary>An expression.</summary>
public abstract record ExpressionSyntax(TextSpan Span) : SyntaxNode(Span);

/// <summary>
/// A number, optionally with a unit: <c>2.5 A*h</c>, <c>25 degC</c>, <c>1e-6</c>. <see cref="Text"/> is the number
/// as written; <see cref="Value"/> its invariant-culture value; <see cref="IsInteger"/> when written without
/// a point or exponent.
/// </summary>
public sealed record NumberLiteralSyntax(TextSpan Span, string Text, double Value, bool IsInteger, UnitExpressionSyntax? Unit) : ExpressionSyntax(Span);

/// <summary>A string; <see cref="Value"/> is unescaped.</summary>
public sealed record StringLiteralSyntax(TextSpan Span, string Value) : ExpressionSyntax(Span);

/// <summary><c>true</c> or <c>false</c>.</summary>
public sealed record BooleanLiteralSyntax(TextSpan Span, bool Value) : ExpressionSyntax(Span);

/// <summary>A simple name.</summary>
public sealed record NameExpressionSyntax(TextSpan Span, NameSyntax Name) : ExpressionSyntax(Span);

/// <summary><c>target.member</c>.</summary>
public sealed record MemberAccessExpressionSyntax(TextSpan Span, ExpressionSyntax Target, NameSyntax Member) : ExpressionSyntax(Span);

/// <summary><c>target[i, j]</c>; an index may be <see cref="WildcardExpressionSyntax"/> (<c>cells[*]</c>).</summary>
public sealed record IndexExpressionSyntax(TextSpan Span, ExpressionSyntax Target, ImmutableArray<ExpressionSyntax> Indices) : ExpressionSyntax(Span);

/// <summary><c>*</c> as an index: every element.</summary>
public sealed record WildcardExpressionSyntax(TextSpan Span) : ExpressionSyntax(Span);

/// <summary><c>f(a, b, name = c)</c>; also <c>der(x)</c>, <c>normal(mu, sigma)</c>, <c>step(at = 1 s)</c>.</summary>
public sealed record CallExpressionSyntax(TextSpan Span, QualifiedNameSyntax Callee, ImmutableArray<ArgumentSyntax> Arguments) : ExpressionSyntax(Span);

/// <summary>A call argument, positional or named.</summary>
public sealed record ArgumentSyntax(TextSpan Span, NameSyntax? Name, ExpressionSyntax Value) : SyntaxNode(Span);

/// <summary><c>sum(cells[i].heat for i)</c>, <c>max(x[i] for i in 1..n)</c>: a reduction over iterators.</summary>
public sealed record ReductionExpressionSyntax(TextSpan Span, NameSyntax Function, ExpressionSyntax Body, ImmutableArray<IteratorSyntax> Iterators) : ExpressionSyntax(Span);

/// <summary>Unary operators.</summary>
public enum UnaryOperator
{
    /// <summary><c>-x</c>.</summary>
    Negate,

    /// <summary><c>+x</c>.</summary>
    Plus,

    /// <summary><c>not x</c>.</summary>
    Not,
}

/// <summary><c>-x</c>, <c>not b</c>.</summary>
public sealed record UnaryExpressionSyntax(TextSpan Span, UnaryOperator Operator, ExpressionSyntax Operand) : ExpressionSyntax(Span);

/// <summary>Binary operators, loosest first: or, and, comparisons, additive, multiplicative, power.</summary>
public enum BinaryOperator
{
    /// <summary><c>or</c>.</summary>
    Or,

    /// <summary><c>and</c>.</summary>
    And,

    /// <summary><c>==</c>.</summary>
    Equal,

    /// <summary><c>!=</c>.</summary>
    NotEqual,

    /// <summary><c>&lt;</c>.</summary>
    Less,

    /// <summary><c>&lt;=</c>.</summary>
    LessOrEqual,

    /// <summary><c>&gt;</c>.</summary>
    Greater,

    /// <summary><c>&gt;=</c>.</summary>
    GreaterOrEqual,

    /// <summary><c>+</c>.</summary>
    Add,

    /// <summary><c>-</c>.</summary>
    Subtract,

    /// <summary><c>*</c>.</summary>
    Multiply,

    /// <summary><c>/</c>.</summary>
    Divide,

    /// <summary><c>^</c>, right-associative.</summary>
    Power,
}

/// <summary><c>a + b</c> and the other binary operators.</summary>
public sealed record BinaryExpressionSyntax(TextSpan Span, ExpressionSyntax Left, BinaryOperator Operator, ExpressionSyntax Right) : ExpressionSyntax(Span);

/// <summary><c>if c then a else b</c> (<c>elseif</c> nests another conditional in <see cref="WhenFalse"/>).</summary>
public sealed record ConditionalExpressionSyntax(TextSpan Span, ExpressionSyntax Condition, ExpressionSyntax WhenTrue, ExpressionSyntax WhenFalse) : ExpressionSyntax(Span);

/// <summary><c>(expr)</c>, kept so the formatter reproduces the author's grouping.</summary>
public sealed record ParenthesizedExpressionSyntax(TextSpan Span, ExpressionSyntax Expression) : ExpressionSyntax(Span);

/// <summary><c>[a, b, c]</c>.</summary>
public sealed record ArrayLiteralExpressionSyntax(TextSpan Span, ImmutableArray<ExpressionSyntax> Elements) : ExpressionSyntax(Span);

/// <summary><c>start .. end</c> (integers for iterator ranges, quantities for time spans).</summary>
public sealed record RangeExpressionSyntax(TextSpan Span, ExpressionSyntax Start, ExpressionSyntax End) : ExpressionSyntax(Span);

/// <summary>An expression the parser expected but did not find; has an empty span at the error.</summary>
public sealed record MissingExpressionSyntax(TextSpan Span) : ExpressionSyntax(Span);
