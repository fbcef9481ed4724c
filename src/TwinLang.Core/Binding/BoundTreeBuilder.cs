using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using TwinLang.Syntax;
using TwinLang.Text;

namespace TwinLang.Binding;

/// <summary>
/// Turns bound syntax into bound nodes from what the binder recorded (types, resolved names, SI literal
/// values). It runs on demand, so the editor, which never needs bound trees, pays nothing for them.
/// </summary>
internal sealed class BoundTreeBuilder
{
    private readonly SemanticModel _model;
    private readonly SourceText _source;

    public BoundTreeBuilder(SemanticModel model, SourceText source)
    {
        _model = model;
        _source = source;
    }

    public BoundAssetBody BuildAsset(AssetSymbol asset)
    {
        var values = ImmutableDictionary.CreateBuilder<VariableSymbol, BoundExpression>();
        foreach (var variable in asset.OwnMembers.OfType<VariableSymbol>())
        {
            if (variable.Value is { } value)
            {
                values[variable] = Expression(value);
            }
        }

        var equations = ImmutableArray.CreateBuilder<BoundEquation>();
        var initial = ImmutableArray.CreateBuilder<BoundEquation>();
        var whens = ImmutableArray.CreateBuilder<BoundWhenSection>();
        var sampled = ImmutableArray.CreateBuilder<BoundSampledSection>();
        foreach (var member in asset.Declaration.Members)
        {
            switch (member)
            {
                case EquationSectionSyntax section:
                    (section.IsInitial ? initial : equations).AddRange(section.Equations.Select(Equation).OfType<BoundEquation>());
                    break;
                case WhenSectionSyntax whenSection:
                    whens.Add(new BoundWhenSection(whenSection.Span, Expression(whenSection.Condition), Statements(whenSection.Statements)));
                    break;
                case SampledSectionSyntax section:
                    sampled.Add(new BoundSampledSection(section.Span, Expression(section.Period), section.Offset is null ? null : Expression(section.Offset), Statements(section.Statements)));
                    break;
            }
        }

        return new BoundAssetBody(asset, _source, values.ToImmutable(), equations.ToImmutable(), initial.ToImmutable(), whens.ToImmutable(), sampled.ToImmutable());
    }

    private BoundEquation? Equation(EquationSyntax equation) => equation switch
    {
        SimpleEquationSyntax simple => new BoundSimpleEquation(simple.Span, Expression(simple.Left), Expression(simple.Right), Iterators(simple.Iterators)),
        ConnectEquationSyntax connect => new BoundConnectEquation(connect.Span, Expression(connect.First), Expression(connect.Second), Iterators(connect.Iterators)),
        ForEquationSyntax loop => new BoundForEquation(loop.Span, Iterators(loop.Iterators), [.. loop.Equations.Select(Equation).OfType<BoundEquation>()]),
        _ => null,
    };

    private ImmutableArray<BoundStatement> Statements(ImmutableArray<StatementSyntax> statements) =>
    [
        .. statements.Select(s => s switch
        {
            AssignmentStatementSyntax a => new BoundAssignment(a.Span, Expression(a.Target), Expression(a.Value)),
            ReinitStatementSyntax r => new BoundReinit(r.Span, Expression(r.Target), Expression(r.Value)),
            TerminateStatementSyntax t => new BoundTerminate(t.Span, t.Reason?.Value),
            _ => (BoundStatement?)null,
        }).OfType<BoundStatement>(),
    ];

    private ImmutableArray<BoundIterator> Iterators(ImmutableArray<IteratorSyntax> iterators) =>
        [.. iterators.Select(i => new BoundIterator(_model.GetSymbol(_source, i) as IteratorSymbol, i.Range is null ? null : Expression(i.Range)))];

    public BoundExpression Expression(ExpressionSyntax expression)
    {
        if (!RuntimeHelpers.TryEnsureSufficientExecutionStack())
        {
            return new BoundErrorExpression(expression.Span);
        }

        var type = _model.GetType(expression);
        if (type is null or ErrorType)
        {
            return new BoundErrorExpression(expression.Span);
        }

        var span = expression.Span;
        switch (expression)
        {
            case NumberLiteralSyntax literal:
                return new BoundLiteral(type, span, _model.GetLiteralValue(literal) ?? new ConstantValue(literal.Value, literal.IsInteger));
            case BooleanLiteralSyntax boolean:
                return new BoundLiteral(type, span, ConstantValue.FromBool(boolean.Value));
            case StringLiteralSyntax text:
                return new BoundStringLiteral(type, span, text.Value);
            case NameExpressionSyntax name:
                return _model.GetSymbol(_source, name) is { } symbol ? new BoundSymbolReference(type, span, symbol) : new BoundErrorExpression(span);
            case MemberAccessExpressionSyntax access:
                {
                    var member = _model.GetSymbol(_source, access);
                    if (member is null)
                    {
                        return new BoundErrorExpression(span);
                    }

                    return member is EnumMemberSymbol ? new BoundSymbolReference(type, span, member) : new BoundMemberAccess(type, span, Expression(access.Target), member);
                }

            case IndexExpressionSyntax index:
                return new BoundIndex(type, span, Expression(index.Target), [.. index.Indices.Select(i => i is WildcardExpressionSyntax ? null : Expression(i))]);
            case CallExpressionSyntax call:
                return new BoundCall(
                    type,
                    span,
                    call.Callee.Text,
                    _model.GetSymbol(_source, call) as CallableSymbol,
                    [.. call.Arguments.Select(a => Expression(a.Value))],
                    [.. call.Arguments.Select(a => a.Name?.Text)]);
            case ReductionExpressionSyntax reduction:
                return new BoundReduction(type, span, reduction.Function.Text, Expression(reduction.Body), Iterators(reduction.Iterators));
            case UnaryExpressionSyntax unary:
                return new BoundUnary(type, span, unary.Operator, Expression(unary.Operand));
            case BinaryExpressionSyntax binary:
                return BinaryChain(binary);
            case ConditionalExpressionSyntax conditional:
                return new BoundConditional(type, span, Expression(conditional.Condition), Expression(conditional.WhenTrue), Expression(conditional.WhenFalse));
            case ParenthesizedExpressionSyntax parenthesized:
                return Expression(parenthesized.Expression);
            case ArrayLiteralExpressionSyntax array:
                return new BoundArrayLiteral(type, span, [.. array.Elements.Select(Expression)]);
            case RangeExpressionSyntax range:
                return new BoundRange(type, span, Expression(range.Start), Expression(range.End));
            default:
                return new BoundErrorExpression(span);
        }
    }

    /// <summary>Left-leaning chains are built iteratively, as the binder binds them.</summary>
    private BoundExpression BinaryChain(BinaryExpressionSyntax binary)
    {
        var spine = new Stack<BinaryExpressionSyntax>();
        ExpressionSyntax current = binary;
        while (current is BinaryExpressionSyntax b)
        {
            spine.Push(b);
            current = b.Left;
        }

        var result = Expression(current);
        while (spine.Count > 0)
        {
            var node = spine.Pop();
            var type = _model.GetType(node);
            var right = Expression(node.Right);
            result = type is null or ErrorType ? new BoundErrorExpression(node.Span) : new BoundBinary(type, node.Span, result, node.Operator, right);
        }

        return result;
    }
}
