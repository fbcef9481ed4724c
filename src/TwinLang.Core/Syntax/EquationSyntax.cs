using System.Collections.Immutable;
using TwinLang.Text;

namespace TwinLang.Syntax;

/// <summary>An equation in an equation section.</summary>
public abstract record EquationSyntax(TextSpan Span) : SyntaxNode(Span);

/// <summary><c>left = right</c>, optionally <c>for i in 1..n</c> (several iterators separated by commas).</summary>
public sealed record SimpleEquationSyntax(TextSpan Span, ExpressionSyntax Left, ExpressionSyntax Right, ImmutableArray<IteratorSyntax> Iterators) : EquationSyntax(Span);

/// <summary><c>connect(a.p, b.n)</c>, optionally with iterators.</summary>
public sealed record ConnectEquationSyntax(TextSpan Span, ExpressionSyntax First, ExpressionSyntax Second, ImmutableArray<IteratorSyntax> Iterators) : EquationSyntax(Span);

/// <summary><c>for i in 1..n { equations }</c>.</summary>
public sealed record ForEquationSyntax(TextSpan Span, ImmutableArray<IteratorSyntax> Iterators, ImmutableArray<EquationSyntax> Equations) : EquationSyntax(Span);

/// <summary>Skipped tokens where an equation was expected.</summary>
public sealed record ErrorEquationSyntax(TextSpan Span) : EquationSyntax(Span);

/// <summary><c>i in 1..n</c>, or a bare <c>i</c> whose range the binder infers from the arrays it indexes.</summary>
public sealed record IteratorSyntax(TextSpan Span, NameSyntax Name, ExpressionSyntax? Range) : SyntaxNode(Span);

/// <summary>A statement in a <c>when</c> or <c>sampled</c> section.</summary>
public abstract record StatementSyntax(TextSpan Span) : SyntaxNode(Span);

/// <summary><c>target := value</c>: assigns a discrete variable or output.</summary>
public sealed record AssignmentStatementSyntax(TextSpan Span, ExpressionSyntax Target, ExpressionSyntax Value) : StatementSyntax(Span);

/// <summary><c>reinit(state, value)</c>: re-initialises a continuous state at an event.</summary>
public sealed record ReinitStatementSyntax(TextSpan Span, ExpressionSyntax Target, ExpressionSyntax Value) : StatementSyntax(Span);

/// <summary><c>terminate "reason"</c>: ends the simulation at the event.</summary>
public sealed record TerminateStatementSyntax(TextSpan Span, StringLiteralSyntax? Reason) : StatementSyntax(Span);

/// <summary>Skipped tokens where a statement was expected.</summary>
public sealed record ErrorStatementSyntax(TextSpan Span) : StatementSyntax(Span);
