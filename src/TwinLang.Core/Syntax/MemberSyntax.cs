using System.Collections.Immutable;
using TwinLang.Text;

namespace TwinLang.Syntax;

/// <summary>Something declared inside an asset (or connector) body.</summary>
public abstract record MemberSyntax(TextSpan Span) : SyntaxNode(Span);

/// <summary>The role of a declared variable.</summary>
public enum VariableKind
{
    /// <summary>Fixed during a run; may be overridden by a scenario or estimated.</summary>
    Parameter,

    /// <summary>Fixed at compile time.</summary>
    Constant,

    /// <summary>Given from outside at every time.</summary>
    Input,

    /// <summary>Computed and exposed.</summary>
    Output,

    /// <summary>Continuous state, has <c>der()</c>; its value is the start value.</summary>
    State,

    /// <summary>Algebraic unknown, internal.</summary>
    Variable,

    /// <summary>Changes only at events and sample ticks; held between them.</summary>
    Discrete,

    /// <summary>Connector across variable (equal when connected).</summary>
    Potential,

    /// <summary>Connector through variable (sums to zero when connected).</summary>
    Flow,
}

/// <summary>
/// <c>parameter capacity: Charge(unit = A*h, min = 0.1 A*h) = 2.5 A*h "nominal capacity"</c>.
/// <see cref="Value"/> is the default (parameter, input, constant), start value (state, discrete) or
/// binding equation (output, variable).
/// </summary>
public sealed record VariableDeclarationSyntax(TextSpan Span, VariableKind Kind, NameSyntax Name, TypeSyntax Type, ExpressionSyntax? Value, StringLiteralSyntax? Description, string? DocComment, ImmutableArray<AnnotationSyntax> Annotations) : MemberSyntax(Span);

/// <summary><c>component cells: Cell[n](capacity = 3 A*h)</c> or, for connectors, <c>port p: Pin</c>.</summary>
public sealed record ComponentDeclarationSyntax(TextSpan Span, bool IsPort, NameSyntax Name, TypeSyntax Type, StringLiteralSyntax? Description, string? DocComment, ImmutableArray<AnnotationSyntax> Annotations) : MemberSyntax(Span);

/// <summary><c>equation { ... }</c> or <c>initial equation { ... }</c>.</summary>
public sealed record EquationSectionSyntax(TextSpan Span, bool IsInitial, ImmutableArray<EquationSyntax> Equations) : MemberSyntax(Span);

/// <summary><c>when temp &gt; 60 degC { reinit(soc, 0) }</c>: a zero-crossing event and what it does.</summary>
public sealed record WhenSectionSyntax(TextSpan Span, ExpressionSyntax Condition, ImmutableArray<StatementSyntax> Statements) : MemberSyntax(Span);

/// <summary><c>sampled every 0.1 s offset 0.05 s { u := k * e }</c>: a clocked section whose assignments are held between ticks.</summary>
public sealed record SampledSectionSyntax(TextSpan Span, ExpressionSyntax Period, ExpressionSyntax? Offset, ImmutableArray<StatementSyntax> Statements) : MemberSyntax(Span);

/// <summary>
/// <c>coupling thermal between cells (step 1 s) and coolant (step 60 s) { up ... down ... conserve ... key = value }</c>:
/// links two sub-models that run at their own steps.
/// </summary>
public sealed record CouplingSyntax(TextSpan Span, NameSyntax Name, CouplingEndSyntax First, CouplingEndSyntax Second, ImmutableArray<CouplingItemSyntax> Items, string? DocComment) : MemberSyntax(Span);

/// <summary><c>cells (step 1 s)</c>: one side of a coupling.</summary>
public sealed record CouplingEndSyntax(TextSpan Span, ExpressionSyntax Target, ExpressionSyntax? Step) : SyntaxNode(Span);

/// <summary>An item in a coupling body.</summary>
public abstract record CouplingItemSyntax(TextSpan Span) : SyntaxNode(Span);

/// <summary>Direction of a coupling transfer.</summary>
public enum CouplingDirection
{
    /// <summary>Micro to macro (aggregation).</summary>
    Up,

    /// <summary>Macro to micro (distribution).</summary>
    Down,
}

/// <summary><c>up coolant.heat = sum(cells[i].heat for i)</c> or <c>down cells[i].ambient = coolant.temperature for i</c>.</summary>
public sealed record CouplingTransferSyntax(TextSpan Span, CouplingDirection Direction, ExpressionSyntax Target, ExpressionSyntax Value, ImmutableArray<IteratorSyntax> Iterators) : CouplingItemSyntax(Span);

/// <summary><c>conserve coolant.heat</c> (optionally <c>tolerance 1e-9 W</c>): the transferred quantity must balance.</summary>
public sealed record CouplingConserveSyntax(TextSpan Span, ExpressionSyntax Quantity, ExpressionSyntax? Tolerance) : CouplingItemSyntax(Span);

/// <summary><c>interpolation = linear</c> inside a coupling.</summary>
public sealed record CouplingSettingSyntax(TextSpan Span, SettingSyntax Setting) : CouplingItemSyntax(Span);

/// <summary>Skipped tokens where a member was expected.</summary>
public sealed record ErrorMemberSyntax(TextSpan Span) : MemberSyntax(Span);
