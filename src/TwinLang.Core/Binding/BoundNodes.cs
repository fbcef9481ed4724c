using System.Collections.Immutable;
using TwinLang.Syntax;
using TwinLang.Text;

namespace TwinLang.Binding;

/// <summary>
/// A bound expression: what an expression means, with every name resolved to its symbol, every literal in SI
/// and every node typed. Lowering reads these instead of syntax. <see cref="Span"/> points back to the source
/// for messages and for comments in generated code.
/// </summary>
public abstract record BoundExpression(TwinType Type, TextSpan Span);

/// <summary>A number in SI units (<c>25 degC</c> is 298.15) or a Boolean.</summary>
public sealed record BoundLiteral(TwinType Type, TextSpan Span, ConstantValue Value) : BoundExpression(Type, Span);

/// <summary>A string literal.</summary>
public sealed record BoundStringLiteral(TwinType Type, TextSpan Span, string Value) : BoundExpression(Type, Span);

/// <summary>
/// A name: a variable, component or port of the asset, an iterator, a function parameter or local, an
/// observation, <c>innovation</c>/<c>sigma</c>, or an enumeration literal (<c>Mode.off</c>).
/// </summary>
public sealed record BoundSymbolReference(TwinType Type, TextSpan Span, Symbol Symbol) : BoundExpression(Type, Span);

/// <summary><c>target.member</c> on a component, port or array of components.</summary>
public sealed record BoundMemberAccess(TwinType Type, TextSpan Span, BoundExpression Target, Symbol Member) : BoundExpression(Type, Span);

/// <summary><c>target[i, j]</c>; a null index is the wildcard <c>[*]</c>.</summary>
public sealed record BoundIndex(TwinType Type, TextSpan Span, BoundExpression Target, ImmutableArray<BoundExpression?> Indices) : BoundExpression(Type, Span);

/// <summary>
/// A call: of a user function, table or surrogate (<see cref="Callable"/> set), or of a built-in such as
/// <c>der</c>, <c>sqrt</c>, <c>sum</c>, <c>normal</c> or <c>step</c> (<see cref="Callable"/> null). Arguments keep
/// their written names (null when positional).
/// </summary>
public sealed record BoundCall(TwinType Type, TextSpan Span, string Function, CallableSymbol? Callable, ImmutableArray<BoundExpression> Arguments, ImmutableArray<string?> ArgumentNames) : BoundExpression(Type, Span);

/// <summary><c>sum(body for i in 1..n)</c>: a reduction over iterators.</summary>
public sealed record BoundReduction(TwinType Type, TextSpan Span, string Function, BoundExpression Body, ImmutableArray<BoundIterator> Iterators) : BoundExpression(Type, Span);

/// <summary>An iterator and its written range (null when inferred; <see cref="IteratorSymbol.Count"/> has the size).</summary>
public sealed record BoundIterator(IteratorSymbol? Symbol, BoundExpression? Range);

/// <summary><c>-x</c>, <c>+x</c>, <c>not b</c>.</summary>
public sealed record BoundUnary(TwinType Type, TextSpan Span, UnaryOperator Operator, BoundExpression Operand) : BoundExpression(Type, Span);

/// <summary><c>a + b</c> and the other binary operators.</summary>
public sealed record BoundBinary(TwinType Type, TextSpan Span, BoundExpression Left, BinaryOperator Operator, BoundExpression Right) : BoundExpression(Type, Span);

/// <summary><c>if c then a else b</c>.</summary>
public sealed record BoundConditional(TwinType Type, TextSpan Span, BoundExpression Condition, BoundExpression WhenTrue, BoundExpression WhenFalse) : BoundExpression(Type, Span);

/// <summary><c>[a, b, c]</c>.</summary>
public sealed record BoundArrayLiteral(TwinType Type, TextSpan Span, ImmutableArray<BoundExpression> Elements) : BoundExpression(Type, Span);

/// <summary><c>start .. end</c>.</summary>
public sealed record BoundRange(TwinType Type, TextSpan Span, BoundExpression Start, BoundExpression End) : BoundExpression(Type, Span);

/// <summary>An expression that has an error (already reported) or was not bound.</summary>
public sealed record BoundErrorExpression(TextSpan Span) : BoundExpression(ErrorType.Instance, Span);

/// <summary>An equation of an asset.</summary>
public abstract record BoundEquation(TextSpan Span);

/// <summary><c>left = right</c>, possibly over iterators.</summary>
public sealed record BoundSimpleEquation(TextSpan Span, BoundExpression Left, BoundExpression Right, ImmutableArray<BoundIterator> Iterators) : BoundEquation(Span);

/// <summary><c>connect(a, b)</c>, possibly over iterators.</summary>
public sealed record BoundConnectEquation(TextSpan Span, BoundExpression First, BoundExpression Second, ImmutableArray<BoundIterator> Iterators) : BoundEquation(Span);

/// <summary><c>for i in 1..n { equations }</c>.</summary>
public sealed record BoundForEquation(TextSpan Span, ImmutableArray<BoundIterator> Iterators, ImmutableArray<BoundEquation> Equations) : BoundEquation(Span);

/// <summary>A statement of a when or sampled section.</summary>
public abstract record BoundStatement(TextSpan Span);

/// <summary><c>target := value</c>.</summary>
public sealed record BoundAssignment(TextSpan Span, BoundExpression Target, BoundExpression Value) : BoundStatement(Span);

/// <summary><c>reinit(state, value)</c>.</summary>
public sealed record BoundReinit(TextSpan Span, BoundExpression Target, BoundExpression Value) : BoundStatement(Span);

/// <summary><c>terminate "reason"</c>.</summary>
public sealed record BoundTerminate(TextSpan Span, string? Reason) : BoundStatement(Span);

/// <summary><c>when condition { ... }</c>.</summary>
public sealed record BoundWhenSection(TextSpan Span, BoundExpression Condition, ImmutableArray<BoundStatement> Statements);

/// <summary><c>sampled every period offset t0 { ... }</c>.</summary>
public sealed record BoundSampledSection(TextSpan Span, BoundExpression Period, BoundExpression? Offset, ImmutableArray<BoundStatement> Statements);

/// <summary>
/// The bound body of one asset's own declaration (inherited parts are in the bases' bodies): declared
/// values (defaults, start values, binding equations), equations, initial equations, events, sampled
/// sections, in source order.
/// </summary>
public sealed record BoundAssetBody(
    AssetSymbol Asset,
    SourceText Source,
    ImmutableDictionary<VariableSymbol, BoundExpression> Values,
    ImmutableArray<BoundEquation> Equations,
    ImmutableArray<BoundEquation> InitialEquations,
    ImmutableArray<BoundWhenSection> WhenSections,
    ImmutableArray<BoundSampledSection> SampledSections);
