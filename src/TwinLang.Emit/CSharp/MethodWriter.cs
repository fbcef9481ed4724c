using System.Collections.Immutable;
using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using TwinLang.Lowering;
using TwinLang.Lowering.Symbolic;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace TwinLang.Emit.CSharp;

/// <summary>
/// Writes the statements of one generated method: assignments wrapped in loops over contiguous blocks,
/// reductions as accumulator loops, repeated subexpressions of an assignment hoisted into locals (CSE), scalar
/// parameters read into locals once per call.
/// </summary>
internal sealed class MethodWriter
{
    public const string StatesName = "x";
    public const string DerivativesName = "dxdt";
    public const string ParametersName = "p";
    public const string InputsName = "u";
    public const string WorkName = "w";
    public const string DiscreteName = "d";
    public const string TimeName = "t";

    private readonly NameAllocator _names;
    private readonly Dictionary<IrLoop, string> _loopNames = [];
    private readonly Dictionary<IrBlock, string> _parameterLocals = [];
    private readonly List<StatementSyntax> _parameterReads = [];
    private readonly Func<IrTable, string> _tableField;
    private readonly string _derivativeTarget;

    public MethodWriter(Func<IrTable, string> tableField, string derivativeTarget = DerivativesName)
    {
        _names = new NameAllocator([StatesName, DerivativesName, ParametersName, InputsName, WorkName, DiscreteName, TimeName, "y", "x0", "g", "indicator", "clock", "element"]);
        _tableField = tableField;
        _derivativeTarget = derivativeTarget;
    }

    /// <summary>Reads of scalar parameters into locals, to put at the top of the method.</summary>
    public IReadOnlyList<StatementSyntax> ParameterReads => _parameterReads;

    /// <summary>The statements of one assignment, with a comment pointing back to the source.</summary>
    public StatementSyntax Assignment(IrAssignment assignment, string storageOverride = "")
    {
        var counts = new Dictionary<IrExpression, int>();
        CountSubtrees(assignment.Value, counts, [.. assignment.Loops]);
        var context = new ExpressionContext(counts, []);
        var body = new List<StatementSyntax>();
        var value = Expression(assignment.Value, context, body, body);
        body.Add(Assign(Element(assignment.Target, storageOverride), value));
        StatementSyntax statement = body.Count == 1 ? body[0] : Block(body);
        statement = WrapInLoops(statement, assignment.Loops);
        return statement.WithLeadingTrivia(Comment("// " + CSharpNames.CommentText(assignment.Origin.Display + ": " + assignment.Origin.Text)), ElasticCarriageReturnLineFeed);
    }

    /// <summary>
    /// Converts several values evaluated together (an algebraic loop's residuals and Jacobian) inside
    /// <paramref name="loops"/>; subexpressions they share are hoisted into locals appended to <paramref name="body"/>.
    /// </summary>
    public List<ExpressionSyntax> Values(IReadOnlyList<IrExpression> values, IEnumerable<IrLoop> loops, List<StatementSyntax> body)
    {
        var counts = new Dictionary<IrExpression, int>();
        var allowed = loops.ToHashSet();
        foreach (var value in values)
        {
            CountSubtrees(value, counts, allowed);
        }

        var context = new ExpressionContext(counts, []);
        return [.. values.Select(value => Expression(value, context, body, body))];
    }

    /// <summary>Wraps <paramref name="body"/> in <c>for</c> loops, outermost first.</summary>
    public StatementSyntax WrapInLoops(StatementSyntax body, IEnumerable<IrLoop> loops)
    {
        foreach (var loop in loops.Reverse())
        {
            body = For(loop, body);
        }

        return body;
    }

    private StatementSyntax For(IrLoop loop, StatementSyntax body)
    {
        var name = LoopName(loop);
        return ForStatement(body)
            .WithDeclaration(VariableDeclaration(PredefinedType(Token(SyntaxKind.IntKeyword)))
                .AddVariables(VariableDeclarator(name).WithInitializer(EqualsValueClause(Int(loop.Start)))))
            .WithCondition(BinaryExpression(SyntaxKind.LessThanOrEqualExpression, IdentifierName(name), Int(loop.End)))
            .AddIncrementors(PostfixUnaryExpression(SyntaxKind.PostIncrementExpression, IdentifierName(name)));
    }

    /// <summary>A fresh local name that clashes with no other name of the method.</summary>
    public string Local(string hint) => _names.Allocate(hint);

    public string LoopName(IrLoop loop)
    {
        if (!_loopNames.TryGetValue(loop, out var name))
        {
            name = _names.Allocate(loop.Name);
            _loopNames[loop] = name;
        }

        return name;
    }

    public static StatementSyntax Assign(ExpressionSyntax target, ExpressionSyntax value) =>
        ExpressionStatement(AssignmentExpression(SyntaxKind.SimpleAssignmentExpression, target, value));

    public static LiteralExpressionSyntax Int(int value) => LiteralExpression(SyntaxKind.NumericLiteralExpression, Literal(value));

    public static ExpressionSyntax Number(double value)
    {
        if (double.IsNaN(value))
        {
            return Member("double", "NaN");
        }

        if (double.IsInfinity(value))
        {
            return Member("double", value > 0 ? "PositiveInfinity" : "NegativeInfinity");
        }

        var text = Math.Abs(value).ToString("R", CultureInfo.InvariantCulture);
        if (!text.Contains('.', StringComparison.Ordinal) && !text.Contains('E', StringComparison.Ordinal))
        {
            text += ".0";
        }

        ExpressionSyntax literal = LiteralExpression(SyntaxKind.NumericLiteralExpression, Literal(text, Math.Abs(value)));
        return value < 0 || (value == 0 && double.IsNegative(value)) ? PrefixUnaryExpression(SyntaxKind.UnaryMinusExpression, literal) : literal;
    }

    public static ExpressionSyntax Member(string type, string member) =>
        MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, IdentifierName(type), IdentifierName(member));

    /// <summary>
    /// Converts <paramref name="expression"/> reading the subtrees in <paramref name="hoisted"/> from their locals;
    /// statements it needs (reduction loops) go to <paramref name="statements"/>. For writers that do their own CSE.
    /// </summary>
    public ExpressionSyntax Value(IrExpression expression, Dictionary<IrExpression, string> hoisted, List<StatementSyntax> statements) =>
        Expression(expression, new ExpressionContext([], hoisted), statements, statements);

    private static ExpressionSyntax MathCall(string method, params ExpressionSyntax[] arguments) =>
        InvocationExpression(
            MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, ParseName("global::System.Math"), IdentifierName(method)),
            ArgumentList(SeparatedList(arguments.Select(Argument))));

    /// <summary>The storage element of a variable reference: <c>x[3]</c>, <c>w[i + 4]</c>, or a parameter local.</summary>
    public ExpressionSyntax Element(IrVariable variable, string storageOverride = "")
    {
        var block = variable.Block;
        if (!variable.IsDerivative && block.Storage == IrStorage.Parameter && block.Sizes.IsEmpty && storageOverride.Length == 0)
        {
            if (!_parameterLocals.TryGetValue(block, out var local))
            {
                local = _names.Allocate(block.DisplayName.Replace("[]", string.Empty, StringComparison.Ordinal));
                _parameterLocals[block] = local;
                _parameterReads.Add(LocalDeclarationStatement(VariableDeclaration(IdentifierName("var"))
                    .AddVariables(VariableDeclarator(local).WithInitializer(EqualsValueClause(
                        ElementAccessExpression(IdentifierName(ParametersName)).AddArgumentListArguments(Argument(Int(block.Offset))))))));
            }

            return IdentifierName(local);
        }

        var array = storageOverride.Length > 0 ? storageOverride : variable.IsDerivative ? _derivativeTarget : block.Storage switch
        {
            IrStorage.State => StatesName,
            IrStorage.Parameter => ParametersName,
            IrStorage.Input => InputsName,
            IrStorage.Discrete => DiscreteName,
            _ => WorkName,
        };
        return ElementAccessExpression(IdentifierName(array)).AddArgumentListArguments(Argument(FlatIndex(block, variable.Indices.Items)));
    }

    /// <summary><c>offset + Σ (index_k - 1) * stride_k</c> with the constant parts folded.</summary>
    public ExpressionSyntax FlatIndex(IrBlock block, ImmutableArray<IrExpression> indices)
    {
        long constant = block.Offset;
        var terms = new List<ExpressionSyntax>();
        var stride = 1;
        for (var k = block.Sizes.Length - 1; k >= 0; k--)
        {
            var index = indices[k];
            constant -= stride;
            if (index is IrConstant c)
            {
                constant += (long)c.Value * stride;
            }
            else
            {
                var term = IndexExpression(index);
                terms.Insert(0, stride == 1 ? term : BinaryExpression(SyntaxKind.MultiplyExpression, Parenthesize(term), Int(stride)));
            }

            stride *= block.Sizes[k];
        }

        ExpressionSyntax? result = null;
        foreach (var term in terms)
        {
            result = result is null ? term : BinaryExpression(SyntaxKind.AddExpression, result, term);
        }

        if (result is null)
        {
            return Int((int)constant);
        }

        return constant switch
        {
            0 => result,
            > 0 => BinaryExpression(SyntaxKind.AddExpression, result, Int((int)constant)),
            _ => BinaryExpression(SyntaxKind.SubtractExpression, result, Int((int)-constant)),
        };
    }

    private ExpressionSyntax IndexExpression(IrExpression index) => index switch
    {
        IrIndex i => IdentifierName(LoopName(i.Loop)),
        IrConstant c => Int((int)Math.Round(c.Value)),
        IrUnary { Operator: IrUnaryOperator.Negate } u => PrefixUnaryExpression(SyntaxKind.UnaryMinusExpression, Parenthesize(IndexExpression(u.Operand))),
        IrBinary { Operator: IrBinaryOperator.Add or IrBinaryOperator.Subtract or IrBinaryOperator.Multiply } b => BinaryExpression(
            b.Operator switch
            {
                IrBinaryOperator.Add => SyntaxKind.AddExpression,
                IrBinaryOperator.Subtract => SyntaxKind.SubtractExpression,
                _ => SyntaxKind.MultiplyExpression,
            },
            Parenthesize(IndexExpression(b.Left)),
            Parenthesize(IndexExpression(b.Right))),
        _ => CastExpression(PredefinedType(Token(SyntaxKind.IntKeyword)), ParenthesizedExpression(ValueOnly(index))),
    };

    /// <summary>Converts one expression; statements it needs (reduction loops) are appended to <paramref name="statements"/>.</summary>
    public ExpressionSyntax Value(IrExpression expression, List<StatementSyntax> statements) =>
        Expression(expression, new ExpressionContext([], []), statements, statements);

    private ExpressionSyntax ValueOnly(IrExpression expression)
    {
        var statements = new List<StatementSyntax>();
        return Expression(expression, new ExpressionContext([], []), statements, statements);
    }

    private static ExpressionSyntax Parenthesize(ExpressionSyntax expression) =>
        expression is BinaryExpressionSyntax or ConditionalExpressionSyntax or PrefixUnaryExpressionSyntax or CastExpressionSyntax or AssignmentExpressionSyntax
            ? ParenthesizedExpression(expression)
            : expression;

    /// <summary>Subtrees seen more than once in an assignment, and the hoisted locals made for them.</summary>
    private sealed record ExpressionContext(Dictionary<IrExpression, int> Counts, Dictionary<IrExpression, string> Hoisted);

    /// <summary>Counts subtrees that could be hoisted: compound, and free of loops other than the assignment's.</summary>
    private static void CountSubtrees(IrExpression expression, Dictionary<IrExpression, int> counts, HashSet<IrLoop> allowed)
    {
        var hoistable = expression is IrBinary or IrCall or IrConditional or IrTableLookup or IrReduction &&
            !UsesLoopsOutside(expression, allowed);
        if (hoistable)
        {
            counts[expression] = counts.GetValueOrDefault(expression) + 1;
            if (counts[expression] > 1)
            {
                return;
            }
        }

        foreach (var child in IrTraversal.Children(expression))
        {
            CountSubtrees(child, counts, allowed);
        }
    }

    private static bool UsesLoopsOutside(IrExpression expression, HashSet<IrLoop> allowed)
    {
        var own = expression is IrReduction r ? r.Loop : null;
        return Indices(expression).Any(l => l != own && !allowed.Contains(l));
    }

    private static IEnumerable<IrLoop> Indices(IrExpression expression)
    {
        if (expression is IrIndex i)
        {
            yield return i.Loop;
        }

        foreach (var child in IrTraversal.Children(expression))
        {
            foreach (var loop in Indices(child))
            {
                yield return loop;
            }
        }
    }


    /// <summary>
    /// Converts an IR expression. Statements it needs (reduction loops, hoisted subexpressions) go to
    /// <paramref name="outer"/> (before the assignment) or, inside a reduction body, to <paramref name="current"/>.
    /// </summary>
    private ExpressionSyntax Expression(IrExpression expression, ExpressionContext context, List<StatementSyntax> outer, List<StatementSyntax> current)
    {
        if (context.Hoisted.TryGetValue(expression, out var hoisted))
        {
            return IdentifierName(hoisted);
        }

        if (context.Counts.GetValueOrDefault(expression) > 1)
        {
            var value = Convert(expression, context, outer, outer);
            var local = _names.Allocate("cse");
            outer.Add(LocalDeclarationStatement(VariableDeclaration(IdentifierName("var")).AddVariables(VariableDeclarator(local).WithInitializer(EqualsValueClause(value)))));
            context.Hoisted[expression] = local;
            return IdentifierName(local);
        }

        return Convert(expression, context, outer, current);
    }

    private ExpressionSyntax Convert(IrExpression expression, ExpressionContext context, List<StatementSyntax> outer, List<StatementSyntax> current)
    {
        ExpressionSyntax Sub(IrExpression e) => Parenthesize(Expression(e, context, outer, current));

        // Boolean variables (discrete Bool) are stored as 0/1 numbers; where C# needs a bool they are compared with 0.
        ExpressionSyntax Truth(IrExpression e) => IsBoolean(e) ? Sub(e) : ParenthesizedExpression(BinaryExpression(SyntaxKind.NotEqualsExpression, Sub(e), Number(0)));
        switch (expression)
        {
            case IrConstant c:
                return Number(c.Value);
            case IrBoolean b:
                return LiteralExpression(b.Value ? SyntaxKind.TrueLiteralExpression : SyntaxKind.FalseLiteralExpression);
            case IrTime:
                return IdentifierName(TimeName);
            case IrIndex i:
                return CastExpression(PredefinedType(Token(SyntaxKind.DoubleKeyword)), IdentifierName(LoopName(i.Loop)));
            case IrVariable v:
                return Element(v);
            case IrUnary { Operator: IrUnaryOperator.Negate } u:
                return PrefixUnaryExpression(SyntaxKind.UnaryMinusExpression, Sub(u.Operand));
            case IrUnary u:
                return PrefixUnaryExpression(SyntaxKind.LogicalNotExpression, Truth(u.Operand));
            case IrBinary { Operator: IrBinaryOperator.Power } power:
                return power.Right is IrConstant { Value: 2 }
                    ? BinaryExpression(SyntaxKind.MultiplyExpression, Sub(power.Left), Sub(power.Left))
                    : MathCall("Pow", Expression(power.Left, context, outer, current), Expression(power.Right, context, outer, current));
            case IrBinary { Operator: IrBinaryOperator.And or IrBinaryOperator.Or } logical:
                return BinaryExpression(BinaryKind(logical.Operator), Truth(logical.Left), Truth(logical.Right));
            case IrBinary binary:
                return BinaryExpression(BinaryKind(binary.Operator), Sub(binary.Left), Sub(binary.Right));
            case IrConditional conditional:
                return ConditionalExpression(Truth(conditional.Condition), Sub(conditional.WhenTrue), Sub(conditional.WhenFalse));
            case IrCall call:
                var arguments = call.Arguments.Items.Select(a => Expression(a, context, outer, current)).ToArray();
                return MathCall(MathName(call.Function), arguments);
            case IrTableLookup table:
                var field = _tableField(table.Table);
                return InvocationExpression(IdentifierName("Interpolate"), ArgumentList(SeparatedList(new[]
                {
                    Argument(IdentifierName(field + "X")),
                    Argument(IdentifierName(field + "Y")),
                    Argument(Expression(table.Argument, context, outer, current)),
                    Argument(LiteralExpression(table.Table.Hold ? SyntaxKind.TrueLiteralExpression : SyntaxKind.FalseLiteralExpression)),
                    Argument(LiteralExpression(table.Table.ExtrapolateLinearly ? SyntaxKind.TrueLiteralExpression : SyntaxKind.FalseLiteralExpression)),
                })));
            case IrReduction reduction:
                return Reduction(reduction, context, outer, current);
            default:
                throw new InvalidOperationException($"Unknown IR expression {expression.GetType().Name}.");
        }
    }

    private ExpressionSyntax Reduction(IrReduction reduction, ExpressionContext context, List<StatementSyntax> outer, List<StatementSyntax> current)
    {
        var accumulator = _names.Allocate(reduction.Kind.ToString().ToLowerInvariant());
        var initial = reduction.Kind switch
        {
            IrReductionKind.Sum or IrReductionKind.Mean => 0.0,
            IrReductionKind.Product => 1.0,
            IrReductionKind.Min => double.PositiveInfinity,
            _ => double.NegativeInfinity,
        };
        current.Add(LocalDeclarationStatement(VariableDeclaration(PredefinedType(Token(SyntaxKind.DoubleKeyword)))
            .AddVariables(VariableDeclarator(accumulator).WithInitializer(EqualsValueClause(Number(initial))))));
        var body = new List<StatementSyntax>();
        var element = Expression(reduction.Body, context, outer, body);
        ExpressionSyntax update = reduction.Kind switch
        {
            IrReductionKind.Sum or IrReductionKind.Mean => AssignmentExpression(SyntaxKind.AddAssignmentExpression, IdentifierName(accumulator), element),
            IrReductionKind.Product => AssignmentExpression(SyntaxKind.MultiplyAssignmentExpression, IdentifierName(accumulator), element),
            _ => AssignmentExpression(SyntaxKind.SimpleAssignmentExpression, IdentifierName(accumulator), MathCall(reduction.Kind == IrReductionKind.Min ? "Min" : "Max", IdentifierName(accumulator), element)),
        };
        body.Add(ExpressionStatement(update));
        current.Add(For(reduction.Loop, Block(body)));
        return reduction.Kind == IrReductionKind.Mean
            ? BinaryExpression(SyntaxKind.DivideExpression, IdentifierName(accumulator), Number(reduction.Loop.Count))
            : IdentifierName(accumulator);
    }

    /// <summary>True for expressions that are Booleans in C# (relations, logic, literals); numbers stand for Booleans otherwise.</summary>
    public static bool IsBoolean(IrExpression expression) => expression switch
    {
        IrBoolean => true,
        IrUnary { Operator: IrUnaryOperator.Not } => true,
        IrBinary b => b.Operator is IrBinaryOperator.Less or IrBinaryOperator.LessOrEqual or IrBinaryOperator.Greater or IrBinaryOperator.GreaterOrEqual
            or IrBinaryOperator.Equal or IrBinaryOperator.NotEqual or IrBinaryOperator.And or IrBinaryOperator.Or,
        IrConditional c => IsBoolean(c.WhenTrue),
        _ => false,
    };

    private static SyntaxKind BinaryKind(IrBinaryOperator op) => op switch
    {
        IrBinaryOperator.Add => SyntaxKind.AddExpression,
        IrBinaryOperator.Subtract => SyntaxKind.SubtractExpression,
        IrBinaryOperator.Multiply => SyntaxKind.MultiplyExpression,
        IrBinaryOperator.Divide => SyntaxKind.DivideExpression,
        IrBinaryOperator.Less => SyntaxKind.LessThanExpression,
        IrBinaryOperator.LessOrEqual => SyntaxKind.LessThanOrEqualExpression,
        IrBinaryOperator.Greater => SyntaxKind.GreaterThanExpression,
        IrBinaryOperator.GreaterOrEqual => SyntaxKind.GreaterThanOrEqualExpression,
        IrBinaryOperator.Equal => SyntaxKind.EqualsExpression,
        IrBinaryOperator.NotEqual => SyntaxKind.NotEqualsExpression,
        IrBinaryOperator.And => SyntaxKind.LogicalAndExpression,
        IrBinaryOperator.Or => SyntaxKind.LogicalOrExpression,
        _ => throw new ArgumentOutOfRangeException(nameof(op), op, "Power is emitted as a call."),
    };

    private static string MathName(IrFunction function) => function switch
    {
        IrFunction.Ceiling => "Ceiling",
        _ => function.ToString(),
    };
}
