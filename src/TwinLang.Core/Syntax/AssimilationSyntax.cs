using System.Collections.Immutable;
using TwinLang.Text;

namespace TwinLang.Syntax;

/// <summary>An item in an assimilation block.</summary>
public abstract record AssimilationItemSyntax(TextSpan Span) : SyntaxNode(Span);

/// <summary>
/// <c>observe v_meas ~ normal(sum(cells[i].voltage for i), 5 mV) from "bms.csv" column "v" every 1 s</c>:
/// a measurement, its observation operator and noise model (the distribution call), its data and rate.
/// </summary>
public sealed record ObserveSyntax(TextSpan Span, NameSyntax Name, ExpressionSyntax Distribution, StringLiteralSyntax? Source, StringLiteralSyntax? Column, ExpressionSyntax? Every) : AssimilationItemSyntax(Span);

/// <summary><c>estimate cells[*].r0 prior lognormal(15 mOhm, 0.2)</c>.</summary>
public sealed record EstimateSyntax(TextSpan Span, ExpressionSyntax Target, ExpressionSyntax? Prior) : AssimilationItemSyntax(Span);

/// <summary><c>filter ensemble(members = 64, inflation = 1.02)</c>; the call names the filter and its settings.</summary>
public sealed record FilterSyntax(TextSpan Span, ExpressionSyntax Filter) : AssimilationItemSyntax(Span);

/// <summary><c>reject when abs(innovation) &gt; 4 * sigma</c>: outlier rejection.</summary>
public sealed record RejectSyntax(TextSpan Span, ExpressionSyntax Condition) : AssimilationItemSyntax(Span);

/// <summary><c>report rmse, spread, nis</c>: diagnostics to write.</summary>
public sealed record ReportSyntax(TextSpan Span, ImmutableArray<NameSyntax> Metrics) : AssimilationItemSyntax(Span);

/// <summary>Skipped tokens where an assimilation item was expected.</summary>
public sealed record ErrorAssimilationItemSyntax(TextSpan Span) : AssimilationItemSyntax(Span);
