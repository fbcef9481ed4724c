using System.Collections.Immutable;
using TwinLang.Text;

namespace TwinLang.Syntax;

/// <summary>
/// A top-level declaration. <see cref="DocComment"/> is the text of the <c>///</c> lines just above it,
/// each stripped of <c>///</c> and one following space, joined with <c>\n</c>.
/// </summary>
public abstract record DeclarationSyntax(TextSpan Span, NameSyntax Name, string? DocComment, ImmutableArray<AnnotationSyntax> Annotations) : SyntaxNode(Span);

/// <summary><c>quantity Temperature = K "thermodynamic temperature"</c>: a named dimension with its display unit.</summary>
public sealed record QuantityDeclarationSyntax(TextSpan Span, NameSyntax Name, string? DocComment, ImmutableArray<AnnotationSyntax> Annotations, UnitExpressionSyntax Unit, StringLiteralSyntax? Description)
    : DeclarationSyntax(Span, Name, DocComment, Annotations);

/// <summary>
/// <c>unit h = 3600 s</c>, <c>unit N = kg*m/s^2</c>, <c>unit degC = K offset 273.15</c>, <c>unit percent = 0.01</c>.
/// At least one of <see cref="Scale"/> and <see cref="Unit"/> is present.
/// </summary>
public sealed record UnitDeclarationSyntax(TextSpan Span, NameSyntax Name, string? DocComment, ImmutableArray<AnnotationSyntax> Annotations, NumberLiteralSyntax? Scale, UnitExpressionSyntax? Unit, NumberLiteralSyntax? Offset, StringLiteralSyntax? Description)
    : DeclarationSyntax(Span, Name, DocComment, Annotations);

/// <summary><c>enum Mode { off, heating, cooling }</c>.</summary>
public sealed record EnumDeclarationSyntax(TextSpan Span, NameSyntax Name, string? DocComment, ImmutableArray<AnnotationSyntax> Annotations, ImmutableArray<EnumMemberSyntax> Members)
    : DeclarationSyntax(Span, Name, DocComment, Annotations);

/// <summary>One enumeration literal.</summary>
public sealed record EnumMemberSyntax(TextSpan Span, NameSyntax Name, string? DocComment) : SyntaxNode(Span);

/// <summary>A typed parameter of a function, table or surrogate: <c>soc: Fraction</c>.</summary>
public sealed record ParameterSyntax(TextSpan Span, NameSyntax Name, TypeSyntax Type) : SyntaxNode(Span);

/// <summary>
/// <c>function f(x: Real): Real = expr</c> or <c>function f(x: Real): Real { let a = x * 2  return a + 1 }</c>.
/// Functions are pure: no state, no side effects.
/// </summary>
public sealed record FunctionDeclarationSyntax(TextSpan Span, NameSyntax Name, string? DocComment, ImmutableArray<AnnotationSyntax> Annotations, ImmutableArray<ParameterSyntax> Parameters, TypeSyntax ReturnType, ImmutableArray<LetStatementSyntax> Lets, ExpressionSyntax Result)
    : DeclarationSyntax(Span, Name, DocComment, Annotations);

/// <summary><c>let a = expr</c> inside a function body.</summary>
public sealed record LetStatementSyntax(TextSpan Span, NameSyntax Name, ExpressionSyntax Value) : SyntaxNode(Span);

/// <summary>
/// A lookup table: <c>table ocv(soc: Fraction): Voltage with interpolation = linear { 0 -> 3.0 V, 1 -> 4.2 V }</c>
/// or with <c>from "ocv.csv"</c> instead of inline rows.
/// </summary>
public sealed record TableDeclarationSyntax(TextSpan Span, NameSyntax Name, string? DocComment, ImmutableArray<AnnotationSyntax> Annotations, ImmutableArray<ParameterSyntax> Parameters, TypeSyntax ReturnType, ImmutableArray<SettingSyntax> Settings, ImmutableArray<TableRowSyntax> Rows, StringLiteralSyntax? Source)
    : DeclarationSyntax(Span, Name, DocComment, Annotations);

/// <summary><c>x1, x2 -> y</c>: one row of a table.</summary>
public sealed record TableRowSyntax(TextSpan Span, ImmutableArray<ExpressionSyntax> Inputs, ExpressionSyntax Output) : SyntaxNode(Span);

/// <summary>
/// A data-driven term: <c>surrogate loss(T: Temperature, I: Current): Power = polynomial(degree = 2) from "loss.csv"</c>.
/// <see cref="Model"/> names the model family and its settings; <see cref="Source"/> the data it is fitted to.
/// </summary>
public sealed record SurrogateDeclarationSyntax(TextSpan Span, NameSyntax Name, string? DocComment, ImmutableArray<AnnotationSyntax> Annotations, ImmutableArray<ParameterSyntax> Parameters, TypeSyntax ReturnType, ExpressionSyntax Model, StringLiteralSyntax? Source)
    : DeclarationSyntax(Span, Name, DocComment, Annotations);

/// <summary><c>connector Pin { potential v: Voltage  flow i: Current }</c>.</summary>
public sealed record ConnectorDeclarationSyntax(TextSpan Span, NameSyntax Name, string? DocComment, ImmutableArray<AnnotationSyntax> Annotations, ImmutableArray<VariableDeclarationSyntax> Members)
    : DeclarationSyntax(Span, Name, DocComment, Annotations);

/// <summary><c>asset Cell extends Base { members }</c>.</summary>
public sealed record AssetDeclarationSyntax(TextSpan Span, NameSyntax Name, string? DocComment, ImmutableArray<AnnotationSyntax> Annotations, TypeSyntax? BaseType, ImmutableArray<MemberSyntax> Members)
    : DeclarationSyntax(Span, Name, DocComment, Annotations);

/// <summary><c>assimilation PackEstimator for Pack { items }</c>.</summary>
public sealed record AssimilationDeclarationSyntax(TextSpan Span, NameSyntax Name, string? DocComment, ImmutableArray<AnnotationSyntax> Annotations, QualifiedNameSyntax Target, ImmutableArray<AssimilationItemSyntax> Items)
    : DeclarationSyntax(Span, Name, DocComment, Annotations);

/// <summary><c>scenario Discharge for Cell { items }</c>.</summary>
public sealed record ScenarioDeclarationSyntax(TextSpan Span, NameSyntax Name, string? DocComment, ImmutableArray<AnnotationSyntax> Annotations, QualifiedNameSyntax Target, ImmutableArray<ScenarioItemSyntax> Items)
    : DeclarationSyntax(Span, Name, DocComment, Annotations);

/// <summary>Tokens the parser skipped where a declaration was expected; its name is missing.</summary>
public sealed record ErrorDeclarationSyntax(TextSpan Span, NameSyntax Name) : DeclarationSyntax(Span, Name, null, ImmutableArray<AnnotationSyntax>.Empty);
