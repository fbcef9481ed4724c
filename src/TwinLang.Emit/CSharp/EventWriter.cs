using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using TwinLang.Lowering;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace TwinLang.Emit.CSharp;

/// <summary>
/// The members of <c>ITwinModelEvents</c> for a model with discrete variables, <c>when</c> or <c>sampled</c>
/// sections: discrete storage (<c>d</c>, held between events), one continuous indicator per <c>when</c> element
/// (relations become differences, so the runtime can locate crossings by root finding), and handlers that run the
/// statements in source order. Statements read the values as the earlier statements of their section left them;
/// algebraic variables are computed once on entry, from the state before the event.
/// </summary>
internal static class EventWriter
{
    private const string Runtime = "global::TwinLang.Runtime.";
    private const string Events = "global::TwinLang.Runtime.Events.";

    /// <summary>True when the model needs the event members at all.</summary>
    public static bool HasDiscreteBehaviour(IrModel model) =>
        !model.Events.IsEmpty || !model.Clocks.IsEmpty || model.BlocksIn(IrStorage.Discrete).Any();

    /// <summary>The interface the model class implements in addition to <c>ITwinModel</c>.</summary>
    public static string InterfaceName => Runtime + "ITwinModelEvents";

    /// <summary>The length of the discrete storage.</summary>
    public static int DiscreteCount(IrModel model) => model.BlocksIn(IrStorage.Discrete).Sum(b => b.Count);

    /// <summary>The start values of the discrete variables, set by <c>InitialState</c> so every run starts afresh.</summary>
    public static IEnumerable<StatementSyntax> DiscreteStarts(IrModel model, MethodWriter writer)
    {
        foreach (var block in model.BlocksIn(IrStorage.Discrete))
        {
            var loops = block.Sizes.Select((size, k) => new IrLoop("k" + k.ToString(CultureInfo.InvariantCulture), 1, size)).ToList();
            var target = IrAlgebra.Variable(block, [.. loops.Select(l => (IrExpression)new IrIndex(l))]);
            yield return writer.Assignment(new IrAssignment(target, AsNumber(block.Start ?? IrConstant.Zero), [.. loops], block.Origin));
        }
    }

    /// <summary><c>DiscreteValues</c>, <c>EventIndicators</c>, <c>HandleEvent</c>, <c>ClockPeriod</c>, <c>ClockOffset</c> and <c>Tick</c>.</summary>
    public static IEnumerable<MemberDeclarationSyntax> Members(IrModel model, Func<IrTable, string> tables)
    {
        yield return ParseMemberDeclaration("public double[] DiscreteValues => _discrete;") ?? throw new InvalidOperationException("Invalid member template.");
        yield return EventIndicators(model, tables);
        yield return HandleEvent(model, tables);
        yield return ClockTiming(model, tables, "ClockPeriod", c => c.Period);
        yield return ClockTiming(model, tables, "ClockOffset", c => c.Offset);
        yield return Tick(model, tables);
    }

    /// <summary>The <c>EventSectionInfo</c> array of the description: one entry per <c>when</c>, with its indicator range.</summary>
    public static ExpressionSyntax EventInfos(IrModel model)
    {
        var first = 0;
        var items = new List<ExpressionSyntax>();
        foreach (var e in model.Events)
        {
            var count = Count(e.Loops);
            items.Add(Info("EventSectionInfo", e.Origin, Int(first), Int(count)));
            first += count;
        }

        return InfoArray("EventSectionInfo", items);
    }

    /// <summary>The <c>ClockInfo</c> array of the description.</summary>
    public static ExpressionSyntax ClockInfos(IrModel model) =>
        InfoArray("ClockInfo", [.. model.Clocks.Select(c => Info("ClockInfo", c.Origin))]);

    private static MethodDeclarationSyntax EventIndicators(IrModel model, Func<IrTable, string> tables)
    {
        var writer = new MethodWriter(tables);
        var conditions = model.Events.Select(e => e.Condition ?? new IrBoolean(false)).ToList();
        var body = CSharpModelEmitter.NeededFor(model, conditions).Select(step => CSharpModelEmitter.Statement(model, writer, step, ImplicitBlockWriter.ScratchDerivatives)).ToList();
        var first = 0;
        foreach (var e in model.Events)
        {
            var statements = new List<StatementSyntax>();
            var value = Indicator(e.Condition ?? new IrBoolean(false), writer, statements);
            var index = Offset(first, e.Loops, writer);
            statements.Add(MethodWriter.Assign(ElementAccessExpression(IdentifierName("g")).AddArgumentListArguments(Argument(index)), value));
            StatementSyntax statement = statements.Count == 1 ? statements[0] : Block(statements);
            body.Add(Commented(writer.WrapInLoops(statement, e.Loops), e.Origin));
            first += Count(e.Loops);
        }

        return CSharpModelEmitter.Method(
            "public void EventIndicators(double t, global::System.ReadOnlySpan<double> x, global::System.Span<double> g)",
            CSharpModelEmitter.Locals("p", "u", "w", "d"),
            writer,
            body);
    }

    private static MethodDeclarationSyntax HandleEvent(IrModel model, Func<IrTable, string> tables)
    {
        var writer = new MethodWriter(tables);
        var body = CSharpModelEmitter.NeededFor(model, model.Events.SelectMany(e => Reads(e.Statements))).Select(step => CSharpModelEmitter.Statement(model, writer, step, ImplicitBlockWriter.ScratchDerivatives)).ToList();
        var end = 0;
        foreach (var e in model.Events)
        {
            var first = end;
            end += Count(e.Loops);
            var statements = Decode(first, e.Loops, writer);
            statements.AddRange(Statements(e.Statements, writer));
            if (!Terminates(e.Statements))
            {
                statements.Add(ReturnStatement(LiteralExpression(SyntaxKind.NullLiteralExpression)));
            }

            var test = BinaryExpression(SyntaxKind.LessThanExpression, IdentifierName("indicator"), Int(end));
            body.Add(Commented(IfStatement(test, Block(statements)), e.Origin));
        }

        body.Add(ParseStatement("throw new global::System.ArgumentOutOfRangeException(nameof(indicator));"));
        return CSharpModelEmitter.Method("public string? HandleEvent(int indicator, double t, global::System.Span<double> x)", CSharpModelEmitter.Locals("p", "u", "w", "d"), writer, body);
    }

    private static MethodDeclarationSyntax Tick(IrModel model, Func<IrTable, string> tables)
    {
        var writer = new MethodWriter(tables);
        var body = CSharpModelEmitter.NeededFor(model, model.Clocks.SelectMany(c => Reads(c.Statements))).Select(step => CSharpModelEmitter.Statement(model, writer, step, ImplicitBlockWriter.ScratchDerivatives)).ToList();
        for (var c = 0; c < model.Clocks.Length; c++)
        {
            var clock = model.Clocks[c];
            var statements = Statements(clock.Statements, writer);
            StatementSyntax[] each = clock.Loops.IsEmpty ? [.. statements] : [writer.WrapInLoops(Block(statements), clock.Loops)];
            var test = BinaryExpression(SyntaxKind.EqualsExpression, IdentifierName("clock"), Int(c));
            StatementSyntax[] end = Terminates(clock.Statements) && clock.Loops.IsEmpty ? [] : [ReturnStatement(LiteralExpression(SyntaxKind.NullLiteralExpression))];
            body.Add(Commented(IfStatement(test, Block((StatementSyntax[])[.. each, .. end])), clock.Origin));
        }

        body.Add(ParseStatement("throw new global::System.ArgumentOutOfRangeException(nameof(clock));"));
        return CSharpModelEmitter.Method("public string? Tick(int clock, double t, global::System.Span<double> x)", CSharpModelEmitter.Locals("p", "u", "w", "d"), writer, body);
    }

    private static MethodDeclarationSyntax ClockTiming(IrModel model, Func<IrTable, string> tables, string name, Func<IrClock, IrExpression> timing)
    {
        var writer = new MethodWriter(tables);
        var body = new List<StatementSyntax>();
        for (var c = 0; c < model.Clocks.Length; c++)
        {
            var statements = new List<StatementSyntax>();
            var value = writer.Value(timing(model.Clocks[c]), statements);
            statements.Add(ReturnStatement(value));
            var test = BinaryExpression(SyntaxKind.EqualsExpression, IdentifierName("clock"), Int(c));
            body.Add(IfStatement(test, Block(statements)));
        }

        body.Add(ParseStatement("throw new global::System.ArgumentOutOfRangeException(nameof(clock));"));
        return CSharpModelEmitter.Method($"public double {name}(int clock)", CSharpModelEmitter.Locals("p"), writer, body);
    }

    /// <summary>True when a section ends in <c>terminate</c> (statements after it are never reached and not generated).</summary>
    private static bool Terminates(IEnumerable<IrStatement> statements) => statements.Any(s => s is IrTerminate);

    /// <summary>The statements of a section in source order; <c>terminate</c> returns its reason at once.</summary>
    private static List<StatementSyntax> Statements(IEnumerable<IrStatement> statements, MethodWriter writer)
    {
        var result = new List<StatementSyntax>();
        foreach (var statement in statements)
        {
            if (result.Count > 0 && result[^1] is ReturnStatementSyntax)
            {
                break;
            }

            result.Add(statement switch
            {
                IrReinit reinit => writer.Assignment(new IrAssignment(reinit.Target, reinit.Value, [], reinit.Origin)),
                IrDiscreteAssignment assignment => writer.Assignment(new IrAssignment(assignment.Target, AsNumber(assignment.Value), [], assignment.Origin)),
                IrTerminate terminate => Commented(ReturnStatement(LiteralExpression(SyntaxKind.StringLiteralExpression, Literal(terminate.Reason))), terminate.Origin),
                _ => throw new InvalidOperationException($"Unknown statement {statement.GetType().Name}."),
            });
        }

        return result;
    }

    private static IEnumerable<IrExpression> Reads(IEnumerable<IrStatement> statements) => statements.SelectMany(s => s switch
    {
        IrReinit reinit => new[] { reinit.Value },
        IrDiscreteAssignment assignment => [assignment.Value],
        _ => [],
    });

    /// <summary>
    /// The indicator of a condition, positive exactly when it holds: strict relations are differences; non-strict
    /// ones and negations go through the runtime's helpers so equality keeps its truth value; <c>and</c>/<c>or</c>
    /// are the minimum/maximum; anything else (a Boolean value, an equality) is ±1.
    /// </summary>
    private static ExpressionSyntax Indicator(IrExpression condition, MethodWriter writer, List<StatementSyntax> statements)
    {
        ExpressionSyntax Difference(IrExpression left, IrExpression right) => writer.Value(IrAlgebra.Binary(left, IrBinaryOperator.Subtract, right), statements);
        return condition switch
        {
            IrBinary { Operator: IrBinaryOperator.Less } b => Difference(b.Right, b.Left),
            IrBinary { Operator: IrBinaryOperator.Greater } b => Difference(b.Left, b.Right),
            IrBinary { Operator: IrBinaryOperator.LessOrEqual } b => Helper("AtLeast", Difference(b.Right, b.Left)),
            IrBinary { Operator: IrBinaryOperator.GreaterOrEqual } b => Helper("AtLeast", Difference(b.Left, b.Right)),
            IrBinary { Operator: IrBinaryOperator.And } b => MathCall("Min", Indicator(b.Left, writer, statements), Indicator(b.Right, writer, statements)),
            IrBinary { Operator: IrBinaryOperator.Or } b => MathCall("Max", Indicator(b.Left, writer, statements), Indicator(b.Right, writer, statements)),
            IrUnary { Operator: IrUnaryOperator.Not } u => Helper("Not", Indicator(u.Operand, writer, statements)),
            _ => Helper("FromBoolean", writer.Value(MethodWriter.IsBoolean(condition) ? condition : new IrBinary(condition, IrBinaryOperator.NotEqual, IrConstant.Zero), statements)),
        };
    }

    /// <summary>A Boolean value stored as a number: 1 for true, 0 for false.</summary>
    private static IrExpression AsNumber(IrExpression value) => value switch
    {
        IrBoolean b => new IrConstant(b.Value ? 1 : 0),
        _ when MethodWriter.IsBoolean(value) => new IrConditional(value, new IrConstant(1), IrConstant.Zero),
        _ => value,
    };

    /// <summary>Declares the loop indices of the element <c>indicator - first</c> (row-major, innermost fastest).</summary>
    private static List<StatementSyntax> Decode(int first, IReadOnlyList<IrLoop> loops, MethodWriter writer)
    {
        var result = new List<StatementSyntax>();
        if (loops.Count == 0)
        {
            return result;
        }

        result.Add(ParseStatement($"var element = indicator - {first.ToString(CultureInfo.InvariantCulture)};"));
        for (var k = loops.Count - 1; k >= 0; k--)
        {
            var loop = loops[k];
            var name = writer.LoopName(loop);
            var start = loop.Start.ToString(CultureInfo.InvariantCulture);
            if (k == 0)
            {
                result.Add(ParseStatement($"var {name} = element + {start};"));
            }
            else
            {
                var count = loop.Count.ToString(CultureInfo.InvariantCulture);
                result.Add(ParseStatement($"var {name} = (element % {count}) + {start};"));
                result.Add(ParseStatement($"element /= {count};"));
            }
        }

        return result;
    }

    /// <summary><c>first + Σ (index_k - start_k)·stride_k</c> over the loops.</summary>
    private static ExpressionSyntax Offset(int first, IReadOnlyList<IrLoop> loops, MethodWriter writer)
    {
        if (loops.Count == 0)
        {
            return Int(first);
        }

        var text = new System.Text.StringBuilder(first.ToString(CultureInfo.InvariantCulture));
        var stride = 1;
        for (var k = loops.Count - 1; k >= 0; k--)
        {
            var loop = loops[k];
            text.Append(" + (").Append(writer.LoopName(loop)).Append(" - ").Append(loop.Start.ToString(CultureInfo.InvariantCulture)).Append(')');
            if (stride > 1)
            {
                text.Append(" * ").Append(stride.ToString(CultureInfo.InvariantCulture));
            }

            stride = checked(stride * loop.Count);
        }

        return ParseExpression(text.ToString());
    }

    private static int Count(IEnumerable<IrLoop> loops) => loops.Aggregate(1, (count, loop) => checked(count * loop.Count));

    private static StatementSyntax Commented(StatementSyntax statement, IrOrigin origin) =>
        statement.WithLeadingTrivia(Comment("// " + CSharpNames.CommentText(origin.Display + ": " + Header(origin))), ElasticCarriageReturnLineFeed);

    /// <summary>The first line of a section's source without its opening brace: <c>when h &lt; 0 m</c>.</summary>
    private static string Header(IrOrigin origin)
    {
        var line = origin.Text.Split('\n')[0];
        var brace = line.IndexOf('{', StringComparison.Ordinal);
        return (brace < 0 ? line : line[..brace]).Trim();
    }

    private static ExpressionSyntax Info(string type, IrOrigin origin, params ExpressionSyntax[] rest) =>
        ObjectCreationExpression(ParseTypeName(Events + type)).AddArgumentListArguments([
            Argument(LiteralExpression(SyntaxKind.StringLiteralExpression, Literal(origin.Display))),
            Argument(Int(origin.Line)),
            Argument(LiteralExpression(SyntaxKind.StringLiteralExpression, Literal(Header(origin)))),
            .. rest.Select(Argument)]);

    private static ExpressionSyntax InfoArray(string type, List<ExpressionSyntax> items) =>
        items.Count == 0
            ? ParseExpression($"global::System.Array.Empty<{Events}{type}>()")
            : ArrayCreationExpression(ArrayType(ParseTypeName(Events + type)).AddRankSpecifiers(ArrayRankSpecifier()))
                .WithInitializer(InitializerExpression(SyntaxKind.ArrayInitializerExpression, SeparatedList(items)));

    private static ExpressionSyntax Helper(string name, ExpressionSyntax argument) =>
        InvocationExpression(ParseExpression(Events + "EventIndicator." + name), ArgumentList(SingletonSeparatedList(Argument(argument))));

    private static ExpressionSyntax MathCall(string name, ExpressionSyntax left, ExpressionSyntax right) =>
        InvocationExpression(ParseExpression("global::System.Math." + name), ArgumentList(SeparatedList([Argument(left), Argument(right)])));

    private static LiteralExpressionSyntax Int(int value) => MethodWriter.Int(value);
}
