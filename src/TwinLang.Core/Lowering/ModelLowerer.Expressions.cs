using System.Collections.Immutable;
using TwinLang.Binding;
using TwinLang.Diagnostics;
using TwinLang.Syntax;
using TwinLang.Text;

namespace TwinLang.Lowering;

// Expressions: names resolve through the semantic model's references, literals convert to SI, structural
// members fold to constants, user functions inline, reductions become IR loops.
public sealed partial class ModelLowerer
{
    private static readonly Dictionary<string, IrFunction> Functions = new(StringComparer.Ordinal)
    {
        ["exp"] = IrFunction.Exp,
        ["log"] = IrFunction.Log,
        ["log10"] = IrFunction.Log10,
        ["sin"] = IrFunction.Sin,
        ["cos"] = IrFunction.Cos,
        ["tan"] = IrFunction.Tan,
        ["asin"] = IrFunction.Asin,
        ["acos"] = IrFunction.Acos,
        ["atan"] = IrFunction.Atan,
        ["sinh"] = IrFunction.Sinh,
        ["cosh"] = IrFunction.Cosh,
        ["tanh"] = IrFunction.Tanh,
        ["abs"] = IrFunction.Abs,
        ["floor"] = IrFunction.Floor,
        ["ceil"] = IrFunction.Ceiling,
        ["sign"] = IrFunction.Sign,
        ["sqrt"] = IrFunction.Sqrt,
        ["atan2"] = IrFunction.Atan2,
        ["min"] = IrFunction.Min,
        ["max"] = IrFunction.Max,
    };

    private static readonly Dictionary<string, IrReductionKind> Reductions = new(StringComparer.Ordinal)
    {
        ["sum"] = IrReductionKind.Sum,
        ["mean"] = IrReductionKind.Mean,
        ["min"] = IrReductionKind.Min,
        ["max"] = IrReductionKind.Max,
        ["product"] = IrReductionKind.Product,
    };

    private readonly Dictionary<TableDeclarationSyntax, IrTable> _tables = [];

    /// <summary>A resolved access path: a variable element, a (partly indexed) instance, or a plain value.</summary>
    private abstract record PathTarget;

    private sealed record ValueTarget(IrExpression Value) : PathTarget;

    private sealed record BlockTarget(IrBlock Block, ImmutableArray<IrExpression> Indices) : PathTarget;

    private sealed record InstanceTarget(LoweredInstance Instance, ImmutableArray<IrExpression> Indices) : PathTarget;

    private IrExpression Unsupported(LoweringScope scope, TextSpan span, string construct)
    {
        Report(DiagnosticCatalog.At(scope.Source, span).NotSupportedInLowering(construct));
        return IrConstant.Zero;
    }

    private Symbol? SymbolAt(LoweringScope scope, NameSyntax name)
    {
        var reference = _model.GetReferenceAt(scope.Source, name.Span.Start);
        return reference is { } r && r.Location.Span == name.Span ? r.Symbol : null;
    }

    private IrExpression LowerExpression(ExpressionSyntax expression, LoweringScope scope)
    {
        switch (expression)
        {
            case NumberLiteralSyntax literal:
                return new IrConstant(literal.Unit is null ? literal.Value : _units.ResolveLiteral(literal, scope.Source, new DiagnosticBag()).SiValue);
            case BooleanLiteralSyntax boolean:
                return new IrBoolean(boolean.Value);
            case ParenthesizedExpressionSyntax parenthesized:
                return LowerExpression(parenthesized.Expression, scope);
            case UnaryExpressionSyntax unary:
                var operand = LowerExpression(unary.Operand, scope);
                return unary.Operator switch
                {
                    UnaryOperator.Negate => IrAlgebra.Negate(operand),
                    UnaryOperator.Plus => operand,
                    _ => new IrUnary(IrUnaryOperator.Not, operand),
                };
            case BinaryExpressionSyntax binary:
                return IrAlgebra.Binary(LowerExpression(binary.Left, scope), MapOperator(binary.Operator), LowerExpression(binary.Right, scope));
            case ConditionalExpressionSyntax conditional:
                var condition = LowerExpression(conditional.Condition, scope);
                var whenTrue = LowerExpression(conditional.WhenTrue, scope);
                var whenFalse = LowerExpression(conditional.WhenFalse, scope);
                return IrAlgebra.Evaluate(condition) is { } known ? (known != 0 ? whenTrue : whenFalse) : new IrConditional(condition, whenTrue, whenFalse);
            case CallExpressionSyntax call:
                return LowerCall(call, scope);
            case ReductionExpressionSyntax reduction:
                return LowerReduction(reduction, scope);
            case NameExpressionSyntax or MemberAccessExpressionSyntax or IndexExpressionSyntax:
                return ToValue(ResolvePath(expression, scope), expression, scope);
            default:
                return Unsupported(scope, expression.Span, $"The expression '{scope.Source.ToString(expression.Span)}'");
        }
    }

    private static IrBinaryOperator MapOperator(BinaryOperator op) => op switch
    {
        BinaryOperator.Add => IrBinaryOperator.Add,
        BinaryOperator.Subtract => IrBinaryOperator.Subtract,
        BinaryOperator.Multiply => IrBinaryOperator.Multiply,
        BinaryOperator.Divide => IrBinaryOperator.Divide,
        BinaryOperator.Power => IrBinaryOperator.Power,
        BinaryOperator.Less => IrBinaryOperator.Less,
        BinaryOperator.LessOrEqual => IrBinaryOperator.LessOrEqual,
        BinaryOperator.Greater => IrBinaryOperator.Greater,
        BinaryOperator.GreaterOrEqual => IrBinaryOperator.GreaterOrEqual,
        BinaryOperator.Equal => IrBinaryOperator.Equal,
        BinaryOperator.NotEqual => IrBinaryOperator.NotEqual,
        BinaryOperator.And => IrBinaryOperator.And,
        BinaryOperator.Or => IrBinaryOperator.Or,
        _ => throw new ArgumentOutOfRangeException(nameof(op), op, "Unknown operator."),
    };

    private IrExpression ToValue(PathTarget target, ExpressionSyntax syntax, LoweringScope scope, bool derivative = false)
    {
        switch (target)
        {
            case ValueTarget value when !derivative:
                return value.Value;
            case BlockTarget block when block.Indices.Length == block.Block.Sizes.Length:
                return IrAlgebra.Variable(block.Block, block.Indices, derivative);
            case BlockTarget:
                return Unsupported(scope, syntax.Span, "Using a whole array as a value");
            default:
                return Unsupported(scope, syntax.Span, $"The value '{scope.Source.ToString(syntax.Span)}'");
        }
    }

    private PathTarget ResolvePath(ExpressionSyntax expression, LoweringScope scope)
    {
        switch (expression)
        {
            case NameExpressionSyntax name:
                var symbol = SymbolAt(scope, name.Name);
                if (symbol is not null && scope.Locals.TryGetValue(symbol, out var local))
                {
                    return new ValueTarget(local);
                }

                if (symbol is null or IteratorSymbol && scope.Iterators.TryGetValue(name.Name.Text, out var iteratorIndex))
                {
                    return new ValueTarget(iteratorIndex);
                }

                return symbol switch
                {
                    VariableSymbol or ComponentSymbol => Member(scope.Instance, scope.OuterIndices, name.Name.Text, scope, name.Span),
                    EnumMemberSymbol literal => new ValueTarget(new IrConstant(literal.Ordinal)),
                    _ => new ValueTarget(Unsupported(scope, name.Span, $"The name '{name.Name.Text}' here")),
                };
            case MemberAccessExpressionSyntax access:
                if (_model.GetType(access) is EnumType enumType && enumType.Symbol.LookupMember(access.Member.Text) is EnumMemberSymbol member)
                {
                    return new ValueTarget(new IrConstant(member.Ordinal));
                }

                return ResolvePath(access.Target, scope) is InstanceTarget owner && owner.Indices.Length == owner.Instance.Dimensions.Length
                    ? Member(owner.Instance, owner.Indices, access.Member.Text, scope, access.Span)
                    : new ValueTarget(Unsupported(scope, access.Span, $"The access '{scope.Source.ToString(access.Span)}'"));
            case IndexExpressionSyntax index:
                var inner = ResolvePath(index.Target, scope);
                var sizes = inner switch
                {
                    BlockTarget b => b.Block.Sizes,
                    InstanceTarget i => i.Instance.Dimensions,
                    _ => [],
                };
                var given = inner switch
                {
                    BlockTarget b => b.Indices,
                    InstanceTarget i => i.Indices,
                    _ => [],
                };
                var indices = given.ToBuilder();
                foreach (var argument in index.Indices)
                {
                    if (indices.Count >= sizes.Length)
                    {
                        return new ValueTarget(Unsupported(scope, index.Span, "Indexing beyond the array's dimensions"));
                    }

                    if (argument is WildcardExpressionSyntax)
                    {
                        if (scope.WildcardLoops is null)
                        {
                            return new ValueTarget(Unsupported(scope, argument.Span, "'[*]' outside a reduction"));
                        }

                        var loop = NewLoop("k" + scope.WildcardLoops.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), 1, sizes[indices.Count]);
                        scope.WildcardLoops.Add(loop);
                        indices.Add(new IrIndex(loop));
                    }
                    else
                    {
                        indices.Add(LowerExpression(argument, scope));
                    }
                }

                return inner switch
                {
                    BlockTarget b => b with { Indices = indices.ToImmutable() },
                    InstanceTarget i => i with { Indices = indices.ToImmutable() },
                    _ => new ValueTarget(Unsupported(scope, index.Span, $"Indexing '{scope.Source.ToString(index.Target.Span)}'")),
                };
            default:
                return new ValueTarget(LowerExpression(expression, scope));
        }
    }

    private PathTarget Member(LoweredInstance instance, ImmutableArray<IrExpression> indices, string name, LoweringScope scope, TextSpan span)
    {
        switch (instance.Type.LookupMember(name))
        {
            case VariableSymbol variable when instance.Structural.TryGetValue(variable, out var value):
                return new ValueTarget(new IrConstant(value));
            case VariableSymbol variable when instance.Blocks.TryGetValue(variable, out var block):
                return new BlockTarget(block, indices);
            case ComponentSymbol component when instance.Children.TryGetValue(component, out var child):
                return new InstanceTarget(child, indices);
            default:
                return new ValueTarget(Unsupported(scope, span, $"The member '{name}'"));
        }
    }

    private IrExpression LowerCall(CallExpressionSyntax call, LoweringScope scope)
    {
        var name = call.Callee.Parts.Length == 1 ? call.Callee.Parts[0].Text : string.Empty;
        if (name == "der" && call.Arguments.Length == 1)
        {
            return ToValue(ResolvePath(call.Arguments[0].Value, scope), call.Arguments[0].Value, scope, derivative: true);
        }

        var symbol = call.Callee.Parts.Length > 0 ? SymbolAt(scope, call.Callee.Parts[^1]) : null;
        if (symbol is CallableSymbol callable)
        {
            return LowerUserCall(call, callable, scope);
        }

        if (call.Arguments.Length == 1 && Reductions.TryGetValue(name, out var kind) && _model.GetType(call.Arguments[0].Value) is ArrayType)
        {
            var reductionScope = scope.WithSource(scope.Source);
            reductionScope.WildcardLoops = [];
            var body = LowerExpression(call.Arguments[0].Value, reductionScope);
            return reductionScope.WildcardLoops.Count == 1
                ? new IrReduction(kind, reductionScope.WildcardLoops[0], body)
                : Unsupported(scope, call.Span, "A reduction over a whole array without exactly one '[*]'");
        }

        if (Functions.TryGetValue(name, out var function))
        {
            var arguments = call.Arguments.Select(a => LowerExpression(a.Value, scope)).ToArray();
            return IrAlgebra.Call(function, arguments);
        }

        return Unsupported(scope, call.Callee.Span, $"Calling '{call.Callee.Text}'");
    }

    private IrExpression LowerUserCall(CallExpressionSyntax call, CallableSymbol callable, LoweringScope scope)
    {
        var arguments = new Dictionary<string, IrExpression>(StringComparer.Ordinal);
        var positional = 0;
        foreach (var argument in call.Arguments)
        {
            var parameterName = argument.Name?.Text ?? (positional < callable.Parameters.Count ? callable.Parameters[positional++].Name : string.Empty);
            arguments[parameterName] = LowerExpression(argument.Value, scope);
        }

        var source = callable.Location?.Source ?? scope.Source;
        switch (callable.Syntax)
        {
            case FunctionDeclarationSyntax function:
                // Functions are pure and small: inlining them lets folding and CSE see through the call.
                var functionScope = new LoweringScope(scope.Instance, scope.OuterIndices, source);
                foreach (var parameter in callable.Parameters)
                {
                    functionScope.Locals[parameter] = arguments.GetValueOrDefault(parameter.Name) ?? IrConstant.Zero;
                }

                foreach (var let in function.Lets)
                {
                    var value = LowerExpression(let.Value, functionScope);
                    if (SymbolAt(functionScope, let.Name) is { } letSymbol)
                    {
                        functionScope.Locals[letSymbol] = value;
                    }
                }

                return LowerExpression(function.Result, functionScope);
            case TableDeclarationSyntax table when callable.Parameters.Count == 1 && table.Source is null:
                return new IrTableLookup(LowerTable(table, new LoweringScope(scope.Instance, [], source)), arguments.GetValueOrDefault(callable.Parameters[0].Name) ?? IrConstant.Zero);
            default:
                return Unsupported(scope, call.Span, $"Calling the {callable.Kind.ToString().ToLowerInvariant()} '{callable.Name}'");
        }
    }

    private IrTable LowerTable(TableDeclarationSyntax table, LoweringScope empty)
    {
        if (_tables.TryGetValue(table, out var existing))
        {
            return existing;
        }

        var source = empty.Source;
        var rows = table.Rows
            .Select(r => (X: IrAlgebra.Evaluate(LowerExpression(r.Inputs[0], empty)) ?? 0, Y: IrAlgebra.Evaluate(LowerExpression(r.Output, empty)) ?? 0))
            .OrderBy(r => r.X)
            .ToList();
        string Setting(string key) => table.Settings.FirstOrDefault(s => s.Key.Text == key)?.Value is NameExpressionSyntax n ? n.Name.Text : string.Empty;
        var result = new IrTable(table.Name.Text, [.. rows.Select(r => r.X)], [.. rows.Select(r => r.Y)], Setting("interpolation") == "hold", Setting("extrapolation") == "linear");
        if (Setting("interpolation") == "spline" || Setting("extrapolation") == "error")
        {
            Report(DiagnosticCatalog.At(source, table.Name.Span).NotSupportedInLowering("Spline interpolation or 'extrapolation = error' in a table"));
        }

        _tables[table] = result;
        return result;
    }

    private IrExpression LowerReduction(ReductionExpressionSyntax reduction, LoweringScope scope)
    {
        if (!Reductions.TryGetValue(reduction.Function.Text, out var kind))
        {
            return Unsupported(scope, reduction.Function.Span, $"The reduction '{reduction.Function.Text}'");
        }

        var inner = scope.WithSource(scope.Source);
        var loops = new List<IrLoop>();
        foreach (var iterator in reduction.Iterators)
        {
            var loop = LowerIterator(iterator, reduction.Body, inner);
            loops.Add(loop);
            inner.Iterators[iterator.Name.Text] = new IrIndex(loop);
        }

        var body = LowerExpression(reduction.Body, inner);
        if (loops.Count != 1)
        {
            return Unsupported(scope, reduction.Span, "A reduction over more than one iterator");
        }

        return new IrReduction(kind, loops[0], body);
    }

    /// <summary>
    /// The loop of an iterator: its written range, or (when left out) the size of the first array the body
    /// indexes with it, in this instance (modifiers may have changed sizes since the binder inferred them).
    /// </summary>
    private IrLoop LowerIterator(IteratorSyntax iterator, SyntaxNode body, LoweringScope scope)
    {
        if (iterator.Range is RangeExpressionSyntax range)
        {
            var start = FoldStructural(LowerExpression(range.Start, scope), range.Start, scope) ?? 1;
            var end = FoldStructural(LowerExpression(range.End, scope), range.End, scope) ?? 0;
            return NewLoop(iterator.Name.Text, (int)Math.Round(start), (int)Math.Round(end));
        }

        if (iterator.Range is not null)
        {
            Report(DiagnosticCatalog.At(scope.Source, iterator.Range.Span).NotSupportedInLowering("An iterator range that is not 'start..end'"));
            return NewLoop(iterator.Name.Text, 1, 0);
        }

        foreach (var index in body.DescendantsAndSelf().OfType<IndexExpressionSyntax>())
        {
            for (var k = 0; k < index.Indices.Length; k++)
            {
                if (index.Indices[k] is NameExpressionSyntax n && n.Name.Text == iterator.Name.Text)
                {
                    var probe = scope.WithSource(scope.Source);
                    probe.WildcardLoops = [];
                    var target = ResolvePath(index.Target, probe);
                    var sizes = target switch
                    {
                        BlockTarget b => b.Block.Sizes.Skip(b.Indices.Length).ToArray(),
                        InstanceTarget i => i.Instance.Dimensions.Skip(i.Indices.Length).ToArray(),
                        _ => [],
                    };
                    if (k < sizes.Length)
                    {
                        return NewLoop(iterator.Name.Text, 1, sizes[k]);
                    }
                }
            }
        }

        Report(DiagnosticCatalog.At(scope.Source, iterator.Span).NotSupportedInLowering($"The iterator '{iterator.Name.Text}' without a range"));
        return NewLoop(iterator.Name.Text, 1, 0);
    }
}
