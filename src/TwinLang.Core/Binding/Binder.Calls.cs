using TwinLang.Syntax;
using TwinLang.Text;
using TwinLang.Units;


namespace TwinLang.Binding;

// Calls: der(), the built-in math functions, reductions, and user functions, tables and surrogates.
public sealed partial class Binder
{
    private enum BuiltinRule
    {
        /// <summary>exp, log, sin, ...: a dimensionless argument, a dimensionless result.</summary>
        Dimensionless,

        /// <summary>abs, floor, ceil: the argument's dimension.</summary>
        Keep,

        /// <summary>sign: any argument, a dimensionless result.</summary>
        Sign,

        /// <summary>sqrt: halves even exponents.</summary>
        Sqrt,

        /// <summary>atan2(y, x): equal dimensions, dimensionless result.</summary>
        Atan2,

        /// <summary>min, max: two equal dimensions, or one array.</summary>
        MinMax,

        /// <summary>sum, mean, product over an array.</summary>
        ArrayReduction,
    }

    private static readonly Dictionary<string, BuiltinRule> Builtins = new(StringComparer.Ordinal)
    {
        ["exp"] = BuiltinRule.Dimensionless,
        ["log"] = BuiltinRule.Dimensionless,
        ["log10"] = BuiltinRule.Dimensionless,
        ["sin"] = BuiltinRule.Dimensionless,
        ["cos"] = BuiltinRule.Dimensionless,
        ["tan"] = BuiltinRule.Dimensionless,
        ["asin"] = BuiltinRule.Dimensionless,
        ["acos"] = BuiltinRule.Dimensionless,
        ["atan"] = BuiltinRule.Dimensionless,
        ["sinh"] = BuiltinRule.Dimensionless,
        ["cosh"] = BuiltinRule.Dimensionless,
        ["tanh"] = BuiltinRule.Dimensionless,
        ["abs"] = BuiltinRule.Keep,
        ["floor"] = BuiltinRule.Keep,
        ["ceil"] = BuiltinRule.Keep,
        ["sign"] = BuiltinRule.Sign,
        ["sqrt"] = BuiltinRule.Sqrt,
        ["atan2"] = BuiltinRule.Atan2,
        ["min"] = BuiltinRule.MinMax,
        ["max"] = BuiltinRule.MinMax,
        ["sum"] = BuiltinRule.ArrayReduction,
        ["mean"] = BuiltinRule.ArrayReduction,
        ["product"] = BuiltinRule.ArrayReduction,
    };

    private static readonly string[] ReductionNames = ["max", "mean", "min", "product", "sum"];

    /// <summary>Names callable without a declaration, for completion.</summary>
    internal static IEnumerable<string> BuiltinFunctionNames => Builtins.Keys.Append("der").Order(StringComparer.Ordinal);

    private TwinType BindCall(CallExpressionSyntax call, BindContext context)
    {
        var callee = call.Callee;
        if (callee.Parts.IsEmpty || callee.Parts.Any(p => p.IsMissing))
        {
            BindArgumentsLoosely(call, context);
            return ErrorType.Instance;
        }

        if (callee.Parts.Length == 1 && callee.Parts[0].Text == "der")
        {
            return BindDer(call, context);
        }

        Symbol? symbol = callee.Parts.Length == 1 ? LookupValue(callee.Parts[0], context) : ResolveQualified(callee);
        if (symbol is not CallableSymbol && callee.Parts.Length == 1 && Builtins.TryGetValue(callee.Parts[0].Text, out var rule))
        {
            return BindBuiltin(call, rule, context);
        }

        if (symbol is null)
        {
            BindArgumentsLoosely(call, context);
            var candidates = GlobalSymbols(context.File).Where(s => s is CallableSymbol).Select(s => s.Name).Concat(BuiltinFunctionNames);
            return ReportError(At(context.File, callee.Span).UndeclaredName(callee.Text, NameSuggester.Suggest(callee.Text, candidates)));
        }

        _model.AddReference(context.File.Source, callee.Parts[^1].Span, symbol, isDeclaration: false);
        if (symbol is not CallableSymbol callable)
        {
            BindArgumentsLoosely(call, context);
            return ReportError(At(context.File, callee.Span).NotCallable(callee.Text, KindName(symbol)));
        }

        return BindUserCall(call, callable, context);
    }

    private void BindArgumentsLoosely(CallExpressionSyntax call, BindContext context)
    {
        foreach (var argument in call.Arguments)
        {
            BindExpression(argument.Value, context);
        }
    }

    private TwinType BindUserCall(CallExpressionSyntax call, CallableSymbol callable, BindContext context)
    {
        var parameters = callable.Parameters;
        var given = new Dictionary<FunctionParameterSymbol, ArgumentSyntax>();
        var failed = false;
        var positional = 0;
        foreach (var argument in call.Arguments)
        {
            FunctionParameterSymbol? parameter;
            if (argument.Name is { } name)
            {
                parameter = parameters.FirstOrDefault(p => p.Name == name.Text);
                if (parameter is null || given.ContainsKey(parameter))
                {
                    Report(At(context.File, name.Span).UnknownNamedArgument(callable.Name, name.Text, parameter is null ? NameSuggester.Suggest(name.Text, parameters.Select(p => p.Name)) : null));
                    BindExpression(argument.Value, context);
                    failed = true;
                    continue;
                }

                _model.AddReference(context.File.Source, name.Span, parameter, isDeclaration: false);
            }
            else
            {
                if (positional >= parameters.Count)
                {
                    BindExpression(argument.Value, context);
                    positional++;
                    continue;
                }

                parameter = parameters[positional++];
            }

            given[parameter] = argument;
            var type = BindExpression(argument.Value, context);
            if (!CheckAssignable(parameter.Type, type, argument.Value.Span, context))
            {
                failed = true;
            }
            else if (type.IsError)
            {
                failed = true;
            }
        }

        if (positional > parameters.Count)
        {
            return ReportError(At(context.File, call.Span).WrongArgumentCount(callable.Name, Count(parameters.Count, "argument"), call.Arguments.Length));
        }

        if (!failed)
        {
            foreach (var parameter in parameters)
            {
                if (!given.ContainsKey(parameter))
                {
                    return ReportError(At(context.File, call.Span).MissingArgument(callable.Name, parameter.Name));
                }
            }
        }

        return failed ? ErrorType.Instance : callable.ReturnType;
    }

    private static string Count(int count, string noun) => count == 1 ? $"1 {noun}" : $"{count} {noun}s";

    private TwinType BindDer(CallExpressionSyntax call, BindContext context)
    {
        if (call.Arguments.Length != 1 || call.Arguments[0].Name is not null)
        {
            BindArgumentsLoosely(call, context);
            return ReportError(At(context.File, call.Span).WrongArgumentCount("der", "1 argument", call.Arguments.Length));
        }

        var argument = call.Arguments[0].Value;
        var type = BindExpression(argument, context);
        if (type.IsError)
        {
            return type;
        }

        if (!context.AllowDer)
        {
            return ReportError(At(context.File, call.Callee.Span).DerivativeNotAllowed());
        }

        var target = argument;
        while (target is IndexExpressionSyntax index)
        {
            target = index.Target;
        }

        var symbol = target is NameExpressionSyntax name ? LookupValue(name.Name, context) : null;
        if (symbol is not VariableSymbol { VariableKind: VariableKind.State } state)
        {
            var kind = symbol switch
            {
                VariableSymbol v => KindName(v),
                null => "an expression",
                _ => KindName(symbol),
            };
            return ReportError(At(context.File, argument.Span).DerivativeOfNonState(context.File.Source.ToString(argument.Span), kind));
        }

        context.Facts?.Derivatives.Add(state);
        var element = type.ElementType;
        if (!element.IsNumeric)
        {
            return ReportError(At(context.File, argument.Span).TypeMismatch("Real", type.DisplayName));
        }

        return WithShape(RealOf(DimensionOf(element).Divide(Dimension.TimeDimension)), type);
    }

    private TwinType BindBuiltin(CallExpressionSyntax call, BuiltinRule rule, BindContext context)
    {
        var name = call.Callee.Parts[0].Text;
        var expected = rule switch
        {
            BuiltinRule.Atan2 => 2,
            BuiltinRule.MinMax => call.Arguments.Length == 1 ? 1 : 2,
            _ => 1,
        };
        foreach (var argument in call.Arguments)
        {
            if (argument.Name is { } argumentName)
            {
                Report(At(context.File, argumentName.Span).UnknownNamedArgument(name, argumentName.Text, null));
                BindArgumentsLoosely(call, context);
                return ErrorType.Instance;
            }
        }

        if (call.Arguments.Length != expected)
        {
            BindArgumentsLoosely(call, context);
            var what = rule == BuiltinRule.MinMax ? "1 array or 2 arguments" : Count(expected, "argument");
            return ReportError(At(context.File, call.Span).WrongArgumentCount(name, what, call.Arguments.Length));
        }

        var wholeArray = rule is BuiltinRule.ArrayReduction || (rule is BuiltinRule.MinMax && expected == 1);
        var argumentContext = wholeArray ? context.WithWildcard(true) : context;
        var types = call.Arguments.Select(a => BindExpression(a.Value, argumentContext)).ToList();
        if (types.Any(t => t.IsError))
        {
            return ErrorType.Instance;
        }

        for (var i = 0; i < types.Count; i++)
        {
            if (!types[i].ElementType.IsNumeric)
            {
                return ReportError(At(context.File, call.Arguments[i].Value.Span).TypeMismatch("Real", types[i].DisplayName));
            }
        }

        var first = types[0];
        var firstSpan = call.Arguments[0].Value.Span;
        var dimension = DimensionOf(first.ElementType);
        switch (rule)
        {
            case BuiltinRule.Dimensionless:
                return dimension.IsDimensionless
                    ? WithShape(RealType.Dimensionless, first)
                    : ReportError(At(context.File, firstSpan).DimensionMismatch(DescribeDimensionless(), DescribeType(first)));
            case BuiltinRule.Keep:
                return first;
            case BuiltinRule.Sign:
                return WithShape(first.ElementType is IntType ? IntType.Instance : RealType.Dimensionless, first);
            case BuiltinRule.Sqrt:
                return dimension.TryRoot(2, out var root)
                    ? WithShape(RealOf(root), first)
                    : ReportError(At(context.File, firstSpan).DimensionMismatch("a dimension with even exponents", DescribeType(first)));
            case BuiltinRule.Atan2:
                return CheckAssignable(first, types[1], call.Arguments[1].Value.Span, context) ? RealType.Dimensionless : ErrorType.Instance;
            case BuiltinRule.MinMax when expected == 2:
                if (first is ArrayType || types[1] is ArrayType)
                {
                    return ReportError(At(context.File, call.Span).ShapeMismatch(first.DisplayName, types[1].DisplayName));
                }

                return CheckSameType(first, types[1], call.Arguments[1].Value.Span, context) ? (first is IntType ? types[1] : first) : ErrorType.Instance;
            default:
                if (first is not ArrayType array)
                {
                    return ReportError(At(context.File, firstSpan).InvalidIndexing(first.DisplayName, 0, 1));
                }

                if (name == "product" && !dimension.IsDimensionless)
                {
                    return array.ElementCount is { } count and <= 64
                        ? RealOf(dimension.Pow((int)count))
                        : ReportError(At(context.File, firstSpan).DimensionMismatch(DescribeDimensionless(), DescribeType(first)));
                }

                return name == "mean" && array.Element is IntType ? RealType.Dimensionless : array.Element;
        }
    }

    private TwinType BindReduction(ReductionExpressionSyntax reduction, BindContext context)
    {
        var name = reduction.Function.Text;
        var (inner, iterators) = DeclareIterators(reduction.Iterators, context, null);
        var body = BindExpression(reduction.Body, inner.WithWildcard(false));
        CheckIteratorsInferred(iterators, context);
        if (!reduction.Function.IsMissing && Array.IndexOf(ReductionNames, name) < 0)
        {
            return ReportError(At(context.File, reduction.Function.Span).UnknownChoice("reduction", name, QuoteList(ReductionNames)));
        }

        if (body.IsError)
        {
            return body;
        }

        if (!body.IsNumeric)
        {
            return ReportError(At(context.File, reduction.Body.Span).TypeMismatch("Real", body.DisplayName));
        }

        if (name == "product" && !DimensionOf(body).IsDimensionless)
        {
            long? count = 1;
            foreach (var iterator in iterators)
            {
                count = iterator.Count is { } c ? count * c : null;
            }

            return count is { } known and <= 64
                ? RealOf(DimensionOf(body).Pow((int)known))
                : ReportError(At(context.File, reduction.Body.Span).DimensionMismatch(DescribeDimensionless(), DescribeType(body)));
        }

        return name == "mean" && body is IntType ? RealType.Dimensionless : body;
    }

    /// <summary>
    /// Declares iterators (<c>i in 1..n</c> or bare <c>i</c>, inferred from the arrays it indexes) in a new
    /// local scope. Ranges must be Int and constant to give a count.
    /// </summary>
    private (BindContext Context, List<IteratorSymbol> Iterators) DeclareIterators(IEnumerable<IteratorSyntax> syntaxes, BindContext context, Symbol? container)
    {
        var locals = new Dictionary<string, Symbol>(StringComparer.Ordinal);
        var iterators = new List<IteratorSymbol>();
        foreach (var syntax in syntaxes)
        {
            if (syntax.Name.IsMissing)
            {
                continue;
            }

            var iterator = new IteratorSymbol(container, LocationOf(context.File, syntax.Name), syntax.Name.Text) { IsInferred = syntax.Range is null };
            if (syntax.Range is RangeExpressionSyntax range)
            {
                var start = BindExpression(range.Start, context);
                var end = BindExpression(range.End, context);
                var startOk = CheckIntRange(start, range.Start, context);
                var endOk = CheckIntRange(end, range.End, context);
                if (startOk && endOk &&
                    EvaluateConstant(context.File, context.Owner, range.Start, null, report: true) is { } first &&
                    EvaluateConstant(context.File, context.Owner, range.End, null, report: true) is { } last)
                {
                    iterator.Start = (int)first.Number;
                    iterator.Count = (int)Math.Max(0, last.Number - first.Number + 1);
                }
            }
            else if (syntax.Range is { } other)
            {
                // A whole array as the range: for i in x iterates its indices.
                var type = BindExpression(other, context);
                if (type is ArrayType { Rank: 1 } array)
                {
                    iterator.Start = 1;
                    iterator.Count = array.Sizes[0];
                }
                else if (!type.IsError)
                {
                    Report(At(context.File, other.Span).TypeMismatch("Int range", type.DisplayName));
                }
            }

            if (!locals.TryAdd(iterator.Name, iterator))
            {
                ReportDuplicate(context.File, syntax.Name, locals[iterator.Name]);
                continue;
            }

            iterators.Add(iterator);
            _model.AddReference(context.File.Source, syntax.Name.Span, iterator, isDeclaration: true);
        }

        return (locals.Count == 0 ? context : context.WithLocals(locals), iterators);
    }

    private bool CheckIntRange(TwinType type, ExpressionSyntax syntax, BindContext context)
    {
        if (type.IsError)
        {
            return false;
        }

        if (type is not IntType)
        {
            Report(At(context.File, syntax.Span).TypeMismatch("Int", type.DisplayName));
            return false;
        }

        return true;
    }

    private void CheckIteratorsInferred(IEnumerable<IteratorSymbol> iterators, BindContext context)
    {
        foreach (var iterator in iterators)
        {
            if (iterator is { IsInferred: true, Count: null, IndexesArray: false, Location: { } location })
            {
                Report(At(context.File, location.Span).CannotInferIteratorRange(iterator.Name));
            }
        }
    }

    private static string QuoteList(IEnumerable<string> names) => string.Join(", ", names.Select(n => $"'{n}'"));
}
