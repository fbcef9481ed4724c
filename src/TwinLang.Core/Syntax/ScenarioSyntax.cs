using System.Collections.Immutable;
using TwinLang.Text;

namespace TwinLang.Syntax;

/// <summary>An item in a scenario block.</summary>
public abstract record ScenarioItemSyntax(TextSpan Span) : SyntaxNode(Span);

/// <summary><c>time 0 s .. 2 h</c>.</summary>
public sealed record ScenarioTimeSyntax(TextSpan Span, ExpressionSyntax Start, ExpressionSyntax End) : ScenarioItemSyntax(Span);

/// <summary><c>solver dopri5(rtol = 1e-6, atol = 1e-9)</c> or <c>solver rk4(step = 1 ms)</c>.</summary>
public sealed record ScenarioSolverSyntax(TextSpan Span, ExpressionSyntax Solver) : ScenarioItemSyntax(Span);

/// <summary><c>input current = step(at = 10 s, from = 0 A, to = 2 A)</c>.</summary>
public sealed record ScenarioInputSyntax(TextSpan Span, ExpressionSyntax Target, ExpressionSyntax Signal) : ScenarioItemSyntax(Span);

/// <summary><c>set capacity = 3 A*h</c>: a parameter override.</summary>
public sealed record ScenarioSetSyntax(TextSpan Span, ExpressionSyntax Target, ExpressionSyntax Value) : ScenarioItemSyntax(Span);

/// <summary><c>output every 10 s soc, temp</c>: output interval and selected variables.</summary>
public sealed record ScenarioOutputSyntax(TextSpan Span, ExpressionSyntax? Every, ImmutableArray<ExpressionSyntax> Variables) : ScenarioItemSyntax(Span);

/// <summary><c>sweep r0 in [10 mOhm, 15 mOhm, 20 mOhm]</c>.</summary>
public sealed record ScenarioSweepSyntax(TextSpan Span, ExpressionSyntax Target, ExpressionSyntax Values) : ScenarioItemSyntax(Span);

/// <summary><c>ensemble 100 seed 42 { capacity ~ normal(2.5 A*h, 0.1 A*h) }</c>: a Monte-Carlo ensemble.</summary>
public sealed record ScenarioEnsembleSyntax(TextSpan Span, ExpressionSyntax Members, ExpressionSyntax? Seed, ImmutableArray<DistributionAssignmentSyntax> Distributions) : ScenarioItemSyntax(Span);

/// <summary><c>capacity ~ normal(2.5 A*h, 0.1 A*h)</c>.</summary>
public sealed record DistributionAssignmentSyntax(TextSpan Span, ExpressionSyntax Target, ExpressionSyntax Distribution) : SyntaxNode(Span);

/// <summary><c>key = value</c> scenario settings not covered above (e.g. <c>realtime = true</c>).</summary>
public sealed record ScenarioSettingSyntax(TextSpan Span, SettingSyntax Setting) : ScenarioItemSyntax(Span);

/// <summary>Skipped tokens where a scenario item was expected.</summary>
public sealed record ErrorScenarioItemSyntax(TextSpan Span) : ScenarioItemSyntax(Span);
