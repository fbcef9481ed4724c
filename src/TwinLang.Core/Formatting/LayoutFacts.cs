using System.Collections.Immutable;
using TwinLang.Syntax;

namespace TwinLang.Formatting;

/// <summary>
/// What the formatter learns from the tree, as flags on the code tokens (comments excluded): which tokens
/// start a line, which belong to a unit expression, which brackets hug their callee, which operators are unary.
/// Everything else about spacing follows from the token texts alone.
/// </summary>
internal sealed class LayoutFacts
{
    private readonly ImmutableArray<SyntaxToken> _code;
    private readonly int[] _starts;
    private int _regions;

    private LayoutFacts(ImmutableArray<SyntaxToken> code)
    {
        _code = code;
        _starts = code.Select(t => t.Span.Start).ToArray();
        LineStart = new bool[code.Length];
        TightBefore = new bool[code.Length];
        SpaceBefore = new bool[code.Length];
        UnaryOperator = new bool[code.Length];
        InlineBrace = new bool[code.Length];
        CommaAfter = new bool[code.Length];
        TightRange = new bool[code.Length];
        UnitRegion = Enumerable.Repeat(-1, code.Length).ToArray();
    }

    /// <summary>The token begins a declaration, member, equation, statement or item: it starts a line.</summary>
    public bool[] LineStart { get; }

    /// <summary>An opening bracket that hugs what precedes it (a callee, a declared name, a type).</summary>
    public bool[] TightBefore { get; }

    /// <summary>An opening bracket that must not hug what precedes it, as in <c>cells (step 1 s)</c>.</summary>
    public bool[] SpaceBefore { get; }

    /// <summary>A prefix <c>-</c> or <c>+</c>.</summary>
    public bool[] UnaryOperator { get; }

    /// <summary>A brace of a block kept on one line (a short enum, an empty block).</summary>
    public bool[] InlineBrace { get; }

    /// <summary>The last token of a table row that no comma follows: the formatter adds one.</summary>
    public bool[] CommaAfter { get; }

    /// <summary>A <c>..</c> whose operands are plain names or integers, written <c>1..n</c>.</summary>
    public bool[] TightRange { get; }

    /// <summary>The index of the unit expression a token belongs to, or -1; tokens of one unit touch.</summary>
    public int[] UnitRegion { get; }

    public static LayoutFacts Collect(SyntaxTree tree, ImmutableArray<SyntaxToken> code)
    {
        var facts = new LayoutFacts(code);
        foreach (var node in tree.Root.DescendantsAndSelf())
        {
            facts.Visit(tree, node);
        }

        return facts;
    }

    private void Visit(SyntaxTree tree, SyntaxNode node)
    {
        switch (node)
        {
            case PackageDeclarationSyntax or ImportSyntax or EquationSyntax or StatementSyntax or CouplingItemSyntax
                or AssimilationItemSyntax or ScenarioItemSyntax or DistributionAssignmentSyntax or LetStatementSyntax:
                MarkLineStart(node.Span.Start);
                break;
            case DeclarationSyntax declaration:
                MarkLineStart(declaration.Span.Start);
                MarkAnnotations(declaration.Annotations);
                VisitDeclaration(tree, declaration);
                break;
            case VariableDeclarationSyntax variable:
                MarkLineStart(variable.Span.Start);
                MarkAnnotations(variable.Annotations);
                break;
            case ComponentDeclarationSyntax component:
                MarkLineStart(component.Span.Start);
                MarkAnnotations(component.Annotations);
                break;
            case MemberSyntax member:
                MarkLineStart(member.Span.Start);
                break;
            case AnnotationSyntax annotation:
                MarkTightAfter(annotation.Name.Span.End);
                break;
            case CallExpressionSyntax call:
                MarkTightAfter(call.Callee.Span.End);
                foreach (var argument in call.Arguments)
                {
                    if (argument.Name?.Text == "unit" && IsUnitShaped(argument.Value))
                    {
                        MarkUnitRegion(argument.Value.Span.Start, argument.Value.Span.End);
                    }
                }

                break;
            case ReductionExpressionSyntax reduction:
                MarkTightAfter(reduction.Function.Span.End);
                break;
            case IndexExpressionSyntax index:
                MarkTightAfter(index.Target.Span.End);
                break;
            case TypeSyntax type:
                MarkTightAfter(type.Name.Span.End);
                break;
            case CouplingEndSyntax { Step: not null } end:
                SpaceBefore[FirstAtOrAfter(end.Target.Span.End)] = true;
                break;
            case UnaryExpressionSyntax { Operator: Syntax.UnaryOperator.Negate or Syntax.UnaryOperator.Plus } unary:
                UnaryOperator[FirstAtOrAfter(unary.Span.Start)] = true;
                break;
            case RangeExpressionSyntax range when IsPlain(range.Start) && IsPlain(range.End):
                TightRange[FirstAtOrAfter(range.Start.Span.End)] = true;
                break;
            case NumberLiteralSyntax number:
                // A signed number (`offset -459.67`) is one literal whose sign hugs it like a unary minus.
                var first = FirstAtOrAfter(number.Span.Start);
                if (first < _code.Length && _code[first].Text is "-" or "+")
                {
                    UnaryOperator[first] = true;
                }

                if (number.Unit is { } unit)
                {
                    MarkUnitRegion(unit.Span.Start, unit.Span.End);
                }

                break;
            case UnitModifierSyntax modifier:
                MarkUnitRegion(modifier.Unit.Span.Start, modifier.Unit.Span.End);
                break;
        }
    }

    private void VisitDeclaration(SyntaxTree tree, DeclarationSyntax declaration)
    {
        switch (declaration)
        {
            case QuantityDeclarationSyntax quantity:
                MarkUnitRegion(quantity.Unit.Span.Start, quantity.Unit.Span.End);
                break;
            case UnitDeclarationSyntax { Unit: { } unit }:
                MarkUnitRegion(unit.Span.Start, unit.Span.End);
                break;
            case EnumDeclarationSyntax enumeration:
                VisitEnum(tree, enumeration);
                break;
            case FunctionDeclarationSyntax function:
                MarkTightAfter(function.Name.Span.End);
                var result = FirstAtOrAfter(function.Result.Span.Start);
                if (result > 0 && _code[result - 1].Text == "return")
                {
                    LineStart[result - 1] = true;
                }

                break;
            case TableDeclarationSyntax table:
                MarkTightAfter(table.Name.Span.End);
                foreach (var row in table.Rows)
                {
                    MarkLineStart(row.Span.Start);
                }

                foreach (var row in table.Rows)
                {
                    var last = FirstAtOrAfter(row.Span.End) - 1;
                    if (last + 1 < _code.Length && _code[last + 1].Text is not ("," or ";"))
                    {
                        CommaAfter[last] = true;
                    }
                }

                break;
            case SurrogateDeclarationSyntax surrogate:
                MarkTightAfter(surrogate.Name.Span.End);
                break;
        }
    }

    private void VisitEnum(SyntaxTree tree, EnumDeclarationSyntax enumeration)
    {
        var open = FirstAtOrAfter(enumeration.Name.Span.End);
        var close = FirstAtOrAfter(enumeration.Span.End) - 1;
        if (open >= _code.Length || close <= open || _code[open].Text != "{" || _code[close].Text != "}")
        {
            return;
        }

        var inside = tree.Text.Text.AsSpan(_code[open].Span.Start, _code[close].Span.End - _code[open].Span.Start);
        var hasComment = tree.Tokens.Any(t => IsComment(t.Kind) && t.Span.Start > _code[open].Span.Start && t.Span.Start < _code[close].Span.Start);
        if (!hasComment && inside.IndexOfAny('\n', '\r') < 0)
        {
            InlineBrace[open] = true;
            InlineBrace[close] = true;
            return;
        }

        foreach (var member in enumeration.Members)
        {
            MarkLineStart(member.Span.Start);
        }
    }

    /// <summary>Annotations stand on their own lines above what they annotate.</summary>
    private void MarkAnnotations(ImmutableArray<AnnotationSyntax> annotations)
    {
        foreach (var annotation in annotations)
        {
            MarkLineStart(annotation.Span.Start);
        }

        if (annotations.Length > 0)
        {
            MarkLineStart(annotations[^1].Span.End);
        }
    }

    private void MarkLineStart(int offset)
    {
        var index = FirstAtOrAfter(offset);
        if (index < _code.Length)
        {
            LineStart[index] = true;
        }
    }

    /// <summary>The bracket right after <paramref name="offset"/> (if it is one) hugs the preceding token.</summary>
    private void MarkTightAfter(int offset)
    {
        var index = FirstAtOrAfter(offset);
        if (index < _code.Length && _code[index].Text is "(" or "[")
        {
            TightBefore[index] = true;
        }
    }

    private void MarkUnitRegion(int start, int end)
    {
        var region = _regions++;
        for (var i = FirstAtOrAfter(start); i < _code.Length && _code[i].Span.End <= end; i++)
        {
            UnitRegion[i] = region;
        }
    }

    /// <summary>The index of the first code token starting at or after <paramref name="offset"/>.</summary>
    private int FirstAtOrAfter(int offset)
    {
        var index = Array.BinarySearch(_starts, offset);
        return index >= 0 ? index : ~index;
    }

    /// <summary>A <c>unit = …</c> argument written as an expression (<c>csv(…, unit = W/m^2)</c>) reads as a unit.</summary>
    private static bool IsUnitShaped(ExpressionSyntax expression) => expression switch
    {
        NameExpressionSyntax => true,
        NumberLiteralSyntax { Unit: null } => true,
        ParenthesizedExpressionSyntax parenthesized => IsUnitShaped(parenthesized.Expression),
        UnaryExpressionSyntax { Operator: Syntax.UnaryOperator.Negate } unary => unary.Operand is NumberLiteralSyntax { Unit: null },
        BinaryExpressionSyntax { Operator: BinaryOperator.Multiply or BinaryOperator.Divide or BinaryOperator.Power } binary =>
            IsUnitShaped(binary.Left) && IsUnitShaped(binary.Right),
        _ => false,
    };

    private static bool IsPlain(ExpressionSyntax expression) =>
        expression is NameExpressionSyntax or NumberLiteralSyntax { Unit: null };

    public static bool IsComment(TokenKind kind) => kind is TokenKind.LineComment or TokenKind.BlockComment or TokenKind.DocComment;
}
