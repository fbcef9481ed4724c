using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using TwinLang.Syntax;
using TwinLang.Text;
using TwinLang.Units;

namespace TwinLang.Binding;

// Expression typing: every expression gets a type with its dimension; a mismatch is reported once and the
// expression becomes the error type, about which nothing more is said (no cascades).
public sealed partial class Binder
{
    private TwinType BindStandalone(FileContext file, StructuredTypeSymbol? owner, ExpressionSyntax expression) =>
        BindExpression(expression, new BindContext(file, owner));

    private TwinType BindExpression(ExpressionSyntax expression, BindContext context)
    {
        if (!RuntimeHelpers.TryEnsureSufficientExecutionStack())
        {
            // The parser bounds nesting, so this only guards hand-built trees; the expression stays unbound.
            return ErrorType.Instance;
        }

        var type = expression switch
        {
            NumberLiteralSyntax literal => BindNumber(literal, context),
            StringLiteralSyntax => StringType.Instance,
            BooleanLiteralSyntax => BoolType.Instance,
            NameExpressionSyntax name => BindName(name, context),
            MemberAccessExpressionSyntax member => BindMemberAccess(member, context),
            IndexExpressionSyntax index => BindIndex(index, context),
            WildcardExpressionSyntax wildcard => ReportError(At(context.File, wildcard.Span).WildcardNotAllowed()),
            CallExpressionSyntax call => BindCall(call, context),
            ReductionExpressionSyntax reduction => BindReduction(reduction, context),
            UnaryExpressionSyntax unary => BindUnary(unary, context),
            BinaryExpressionSyntax binary => BindBinaryChain(binary, context),
            ConditionalExpressionSyntax conditional => BindConditional(conditional, context),
            ParenthesizedExpressionSyntax parenthesized => BindExpression(parenthesized.Expression, context),
            ArrayLiteralExpressionSyntax array => BindArrayLiteral(array, context),
            RangeExpressionSyntax range => BindRange(range, context),
            _ => ErrorType.Instance,
        };
        _model.SetType(expression, type);
        return type;
    }

    private ErrorType ReportError(Diagnostics.Diagnostic diagnostic)
    {
        Report(diagnostic);
        return ErrorType.Instance;
    }

    private TwinType BindNumber(NumberLiteralSyntax literal, BindContext context)
    {
        if (literal.Unit is null)
        {
            return literal.IsInteger ? IntType.Instance : RealType.Dimensionless;
        }

        var resolved = _units.ResolveLiteral(literal, context.File.Source, _diagnostics);
        RecordUnitReferences(context.File, literal.Unit);
        if (!resolved.IsError)
        {
            _model.SetLiteralValue(literal, new ConstantValue(resolved.SiValue, false));
        }

        return resolved.IsError ? ErrorType.Instance : RealOf(resolved.Dimension);
    }

    private RealType RealOf(Dimension dimension) => dimension.IsDimensionless ? RealType.Dimensionless : new RealType(dimension, null);

    private Symbol? LookupValue(NameSyntax name, BindContext context) =>
        context.LookupLocal(name.Text) ?? context.Owner?.LookupMember(name.Text) ?? LookupGlobal(context.File, name);

    private TwinType BindName(NameExpressionSyntax expression, BindContext context)
    {
        var name = expression.Name;
        if (name.IsMissing)
        {
            return ErrorType.Instance;
        }

        var symbol = LookupValue(name, context);
        if (symbol is null)
        {
            // Units, quantities and types are never values, so they make poor suggestions for one.
            var candidates = context.AllLocals().Concat(context.Owner?.AllMembers ?? [])
                .Concat(GlobalSymbols(context.File).Where(s => s is not (UnitSymbol or QuantitySymbol or BuiltinTypeSymbol)))
                .Select(s => s.Name);
            return ReportError(At(context.File, name.Span).UndeclaredName(name.Text, NameSuggester.Suggest(name.Text, candidates)));
        }

        _model.AddReference(context.File.Source, name.Span, symbol, isDeclaration: false);
        switch (symbol)
        {
            case IteratorSymbol:
                return IntType.Instance;
            case LocalSymbol local:
                return local.Type;
            case FunctionParameterSymbol parameter:
                return parameter.Type;
            case ObservationSymbol observation:
                return observation.Type;
            case VariableSymbol variable:
                if (ReferenceEquals(variable.Owner, context.Owner) || context.Owner?.LookupMember(variable.Name) == variable)
                {
                    context.Facts?.OwnMentions.Add(variable);
                }

                return variable.Type;
            case ComponentSymbol component:
                return component.Type;
            default:
                return ReportError(At(context.File, name.Span).NotAValue(name.Text, KindName(symbol)));
        }
    }

    private TwinType BindMemberAccess(MemberAccessExpressionSyntax access, BindContext context)
    {
        if (access.Target is NameExpressionSyntax { Name: var typeName } && !typeName.IsMissing &&
            context.LookupLocal(typeName.Text) is null && context.Owner?.LookupMember(typeName.Text) is null &&
            LookupGlobal(context.File, typeName, report: false) is EnumSymbol enumeration)
        {
            _model.AddReference(context.File.Source, typeName.Span, enumeration, isDeclaration: false);
            _model.SetType(access.Target, enumeration.Type);
            if (access.Member.IsMissing)
            {
                return ErrorType.Instance;
            }

            if (enumeration.LookupMember(access.Member.Text) is not { } literal)
            {
                return ReportError(At(context.File, access.Member.Span).UnknownMember(enumeration.Name, access.Member.Text, NameSuggester.Suggest(access.Member.Text, enumeration.Members.Select(m => m.Name))));
            }

            _model.AddReference(context.File.Source, access.Member.Span, literal, isDeclaration: false);
            return enumeration.Type;
        }

        var targetType = BindExpression(access.Target, context);
        if (targetType.IsError || access.Member.IsMissing)
        {
            return ErrorType.Instance;
        }

        if (targetType.ElementType is not ObjectType objectType)
        {
            return ReportError(At(context.File, access.Member.Span).UnknownMember(targetType.DisplayName, access.Member.Text, null));
        }

        var member = objectType.Symbol.LookupMember(access.Member.Text);
        if (member is null)
        {
            var suggestion = NameSuggester.Suggest(access.Member.Text, objectType.Symbol.AllMembers.Select(m => m.Name));
            return ReportError(At(context.File, access.Member.Span).UnknownMember(objectType.Symbol.Name, access.Member.Text, suggestion));
        }

        _model.AddReference(context.File.Source, access.Member.Span, member, isDeclaration: false);
        TwinType memberType;
        switch (member)
        {
            case VariableSymbol variable:
                if (RootComponent(access.Target, context) is { } root)
                {
                    context.Facts?.ComponentMentions.Add((root, variable));
                }

                memberType = variable.Type;
                break;
            case ComponentSymbol component:
                memberType = component.Type;
                break;
            default:
                return ReportError(At(context.File, access.Member.Span).NotAValue(access.Member.Text, KindName(member)));
        }

        if (memberType.IsError)
        {
            return ErrorType.Instance;
        }

        return targetType is ArrayType array ? new ArrayType(memberType, array.Sizes) : memberType;
    }

    /// <summary>The own component an access path starts from (<c>cells</c> in <c>cells[i].heat</c>), if any.</summary>
    private static ComponentSymbol? RootComponent(ExpressionSyntax target, BindContext context)
    {
        while (target is IndexExpressionSyntax index)
        {
            target = index.Target;
        }

        return target is NameExpressionSyntax name && context.LookupLocal(name.Name.Text) is null
            ? context.Owner?.LookupMember(name.Name.Text) as ComponentSymbol
            : null;
    }

    private TwinType BindIndex(IndexExpressionSyntax index, BindContext context)
    {
        var targetType = BindExpression(index.Target, context);
        if (targetType is not ArrayType array)
        {
            foreach (var argument in index.Indices)
            {
                if (argument is NameExpressionSyntax name && targetType.IsError && context.LookupLocal(name.Name.Text) is IteratorSymbol { IsInferred: true } iterator)
                {
                    // The array's size is unknown because of an error already reported; say nothing more.
                    iterator.IndexesArray = true;
                }

                if (argument is not WildcardExpressionSyntax)
                {
                    BindExpression(argument, context);
                }
            }

            return targetType.IsError
                ? ErrorType.Instance
                : ReportError(At(context.File, index.Span).InvalidIndexing(targetType.DisplayName, 0, index.Indices.Length));
        }

        if (index.Indices.Length > array.Rank)
        {
            return ReportError(At(context.File, index.Span).InvalidIndexing(targetType.DisplayName, array.Rank, index.Indices.Length));
        }

        var sizes = ImmutableArray.CreateBuilder<int?>();
        var failed = false;
        for (var i = 0; i < index.Indices.Length; i++)
        {
            var argument = index.Indices[i];
            var size = array.Sizes[i];
            if (argument is WildcardExpressionSyntax)
            {
                if (!context.AllowWildcard)
                {
                    Report(At(context.File, argument.Span).WildcardNotAllowed());
                    failed = true;
                }

                sizes.Add(size);
                continue;
            }

            if (argument is NameExpressionSyntax name && context.LookupLocal(name.Name.Text) is IteratorSymbol { IsInferred: true, Count: null } iterator)
            {
                iterator.IndexesArray = true;
                iterator.Count = size;
                iterator.Start = size is null ? null : 1;
            }

            var indexType = BindExpression(argument, context);
            if (indexType.IsError)
            {
                failed = true;
            }
            else if (indexType is not IntType)
            {
                Report(At(context.File, argument.Span).TypeMismatch("Int", indexType.DisplayName));
                failed = true;
            }
            else if (argument is NumberLiteralSyntax { IsInteger: true } literal && size is { } known && (literal.Value < 1 || literal.Value > known))
            {
                Report(At(context.File, argument.Span).IndexOutOfRange((long)literal.Value, known));
                failed = true;
            }
        }

        if (failed)
        {
            return ErrorType.Instance;
        }

        for (var i = index.Indices.Length; i < array.Rank; i++)
        {
            sizes.Add(array.Sizes[i]);
        }

        return sizes.Count == 0 ? array.Element : new ArrayType(array.Element, sizes.ToImmutable());
    }

    private TwinType BindUnary(UnaryExpressionSyntax unary, BindContext context)
    {
        var operand = BindExpression(unary.Operand, context);
        if (operand.IsError)
        {
            return operand;
        }

        if (unary.Operator == UnaryOperator.Not)
        {
            return operand is BoolType ? operand : ReportError(At(context.File, unary.Operand.Span).TypeMismatch("Bool", operand.DisplayName));
        }

        return operand.ElementType.IsNumeric ? operand : ReportError(At(context.File, unary.Operand.Span).TypeMismatch("Real", operand.DisplayName));
    }

    /// <summary>
    /// Binds a left-leaning chain such as <c>a + b + c + ...</c> iteratively, so that long generated sums do not
    /// nest one stack frame per operator.
    /// </summary>
    private TwinType BindBinaryChain(BinaryExpressionSyntax binary, BindContext context)
    {
        var spine = new Stack<BinaryExpressionSyntax>();
        ExpressionSyntax current = binary;
        while (current is BinaryExpressionSyntax b)
        {
            spine.Push(b);
            current = b.Left;
        }

        var left = BindExpression(current, context);
        TwinType result = left;
        while (spine.Count > 0)
        {
            var node = spine.Pop();
            var right = BindExpression(node.Right, context);
            result = CombineBinary(node, left, right, context);
            if (spine.Count > 0)
            {
                _model.SetType(node, result);
            }

            left = result;
        }

        return result;
    }

    private TwinType CombineBinary(BinaryExpressionSyntax node, TwinType left, TwinType right, BindContext context)
    {
        if (left.IsError || right.IsError)
        {
            return ErrorType.Instance;
        }

        var file = context.File;
        switch (node.Operator)
        {
            case BinaryOperator.And or BinaryOperator.Or:
                if (left is not BoolType)
                {
                    return ReportError(At(file, node.Left.Span).TypeMismatch("Bool", left.DisplayName));
                }

                return right is BoolType ? BoolType.Instance : ReportError(At(file, node.Right.Span).TypeMismatch("Bool", right.DisplayName));

            case BinaryOperator.Equal or BinaryOperator.NotEqual or BinaryOperator.Less or BinaryOperator.LessOrEqual or BinaryOperator.Greater or BinaryOperator.GreaterOrEqual:
                {
                    var ordering = node.Operator is not (BinaryOperator.Equal or BinaryOperator.NotEqual);
                    if (left.IsNumeric && right.IsNumeric)
                    {
                        return DimensionOf(left) == DimensionOf(right)
                            ? BoolType.Instance
                            : ReportError(At(file, node.Span).IncompatibleDimensions("a comparison", DescribeType(left), DescribeType(right)));
                    }

                    if (!ordering && SameScalarType(left, right) && left is BoolType or StringType or EnumType)
                    {
                        return BoolType.Instance;
                    }

                    var bad = left.IsNumeric ? (node.Right, right, left) : (node.Left, left, right.IsNumeric ? right : (TwinType)RealType.Dimensionless);
                    return ReportError(At(file, bad.Item1.Span).TypeMismatch(bad.Item3.DisplayName, bad.Item2.DisplayName));
                }

            case BinaryOperator.Power:
                return BindPower(node, left, right, context);
        }

        // Arithmetic: + - * /
        if (!left.ElementType.IsNumeric)
        {
            return ReportError(At(file, node.Left.Span).TypeMismatch("Real", left.DisplayName));
        }

        if (!right.ElementType.IsNumeric)
        {
            return ReportError(At(file, node.Right.Span).TypeMismatch("Real", right.DisplayName));
        }

        var leftDimension = DimensionOf(left.ElementType);
        var rightDimension = DimensionOf(right.ElementType);
        TwinType element;
        switch (node.Operator)
        {
            case BinaryOperator.Add or BinaryOperator.Subtract:
                if (leftDimension != rightDimension)
                {
                    var symbol = node.Operator == BinaryOperator.Add ? "'+'" : "'-'";
                    return ReportError(At(file, node.Span).IncompatibleDimensions(symbol, DescribeType(left.ElementType), DescribeType(right.ElementType)));
                }

                element = left.ElementType is IntType && right.ElementType is IntType ? IntType.Instance
                    : left.ElementType is RealType { Quantity: not null } ? left.ElementType
                    : right.ElementType is RealType { Quantity: not null } ? right.ElementType
                    : RealOf(leftDimension);
                if (left is ArrayType || right is ArrayType)
                {
                    return SameShape(left, right) ? WithShape(element, left is ArrayType ? left : right)
                        : ReportError(At(file, node.Span).ShapeMismatch(left.DisplayName, right.DisplayName));
                }

                return element;
            case BinaryOperator.Multiply:
                element = left.ElementType is IntType && right.ElementType is IntType ? IntType.Instance : RealOf(leftDimension.Multiply(rightDimension));
                break;
            default:
                element = RealOf(leftDimension.Divide(rightDimension));
                break;
        }

        if (left is ArrayType && right is ArrayType && !SameShape(left, right))
        {
            return ReportError(At(file, node.Span).ShapeMismatch(left.DisplayName, right.DisplayName));
        }

        return left is ArrayType ? WithShape(element, left) : right is ArrayType ? WithShape(element, right) : element;
    }

    private TwinType BindPower(BinaryExpressionSyntax node, TwinType left, TwinType right, BindContext context)
    {
        var file = context.File;
        if (left is not (RealType or IntType))
        {
            return ReportError(At(file, node.Left.Span).TypeMismatch("Real", left.DisplayName));
        }

        if (right is not (RealType or IntType))
        {
            return ReportError(At(file, node.Right.Span).TypeMismatch("Real", right.DisplayName));
        }

        if (!DimensionOf(right).IsDimensionless)
        {
            return ReportError(At(file, node.Right.Span).DimensionMismatch(DescribeDimensionless(), DescribeType(right)));
        }

        var exponent = EvaluateConstant(file, context.Owner, node.Right, overrides: null, report: false);
        if (exponent is not { Boolean: null } value)
        {
            return ReportError(At(file, node.Right.Span).InvalidExponent("expected a constant exponent"));
        }

        var baseDimension = DimensionOf(left);
        if (baseDimension.IsDimensionless)
        {
            return left is IntType && right is IntType && value.Number >= 0 ? IntType.Instance : RealType.Dimensionless;
        }

        if (!value.IsIntegral)
        {
            return ReportError(At(file, node.Right.Span).InvalidExponent(
                $"the base has dimension {DescribeType(left)}, so the exponent must be an integer, not {value.Number.ToString(System.Globalization.CultureInfo.InvariantCulture)}"));
        }

        return RealOf(baseDimension.Pow((int)Math.Round(value.Number)));
    }

    private TwinType BindConditional(ConditionalExpressionSyntax conditional, BindContext context)
    {
        var condition = BindExpression(conditional.Condition, context);
        var whenTrue = BindExpression(conditional.WhenTrue, context);
        var whenFalse = BindExpression(conditional.WhenFalse, context);
        var failed = false;
        if (!condition.IsError && condition is not BoolType)
        {
            Report(At(context.File, conditional.Condition.Span).TypeMismatch("Bool", condition.DisplayName));
            failed = true;
        }

        if (whenTrue.IsError || whenFalse.IsError || failed)
        {
            return ErrorType.Instance;
        }

        if (!CheckSameType(whenTrue, whenFalse, conditional.WhenFalse.Span, context))
        {
            return ErrorType.Instance;
        }

        return whenTrue is IntType ? whenFalse : whenTrue;
    }

    private TwinType BindArrayLiteral(ArrayLiteralExpressionSyntax array, BindContext context)
    {
        TwinType? element = null;
        var failed = false;
        foreach (var item in array.Elements)
        {
            var type = BindExpression(item, context);
            if (type.IsError)
            {
                failed = true;
                continue;
            }

            if (element is null)
            {
                element = type;
            }
            else if (!CheckSameType(element, type, item.Span, context))
            {
                failed = true;
            }
            else if (element is IntType)
            {
                element = type;
            }
        }

        return failed ? ErrorType.Instance : new ArrayType(element ?? RealType.Dimensionless, [array.Elements.Length]);
    }

    private TwinType BindRange(RangeExpressionSyntax range, BindContext context)
    {
        var start = BindExpression(range.Start, context);
        var end = BindExpression(range.End, context);
        if (start.IsError || end.IsError)
        {
            return ErrorType.Instance;
        }

        return CheckSameType(start, end, range.End.Span, context) ? start : ErrorType.Instance;
    }

    /// <summary>
    /// Checks that <paramref name="found"/> has the type <paramref name="expected"/> (same dimension for numbers),
    /// reporting at <paramref name="span"/>. A scalar is accepted for an array when <paramref name="allowFill"/>.
    /// </summary>
    private bool CheckAssignable(TwinType expected, TwinType found, TextSpan span, BindContext context, bool allowFill = false)
    {
        if (expected.IsError || found.IsError)
        {
            return true;
        }

        if (expected is ArrayType expectedArray)
        {
            if (found is ArrayType foundArray)
            {
                if (!SameShape(expectedArray, foundArray))
                {
                    Report(At(context.File, span).ShapeMismatch(expected.DisplayName, found.DisplayName));
                    return false;
                }

                return CheckAssignable(expectedArray.Element, foundArray.Element, span, context);
            }

            if (!allowFill)
            {
                Report(At(context.File, span).ShapeMismatch(expected.DisplayName, found.DisplayName));
                return false;
            }

            return CheckAssignable(expectedArray.Element, found, span, context);
        }

        if (found is ArrayType)
        {
            Report(At(context.File, span).ShapeMismatch(expected.DisplayName, found.DisplayName));
            return false;
        }

        if (expected.IsNumeric && found.IsNumeric)
        {
            if (expected is IntType && found is RealType)
            {
                Report(At(context.File, span).TypeMismatch("Int", found.DisplayName));
                return false;
            }

            if (DimensionOf(expected) != DimensionOf(found))
            {
                Report(At(context.File, span).DimensionMismatch(DescribeType(expected), DescribeType(found)));
                return false;
            }

            return true;
        }

        if (SameScalarType(expected, found))
        {
            return true;
        }

        Report(At(context.File, span).TypeMismatch(expected.DisplayName, found.DisplayName));
        return false;
    }

    /// <summary>Checks two sides that must agree (branches, array elements, range ends): the first side is the expectation.</summary>
    private bool CheckSameType(TwinType first, TwinType second, TextSpan span, BindContext context) =>
        CheckAssignable(first is IntType && second is RealType ? second : first, second, span, context);

    private static bool SameScalarType(TwinType a, TwinType b) => a switch
    {
        EnumType e => b is EnumType f && ReferenceEquals(e.Symbol, f.Symbol),
        ObjectType o => b is ObjectType p && ReferenceEquals(o.Symbol, p.Symbol),
        _ => ReferenceEquals(a, b) || (a.IsNumeric && b.IsNumeric),
    };

    private static bool SameShape(TwinType a, TwinType b)
    {
        var sa = a is ArrayType x ? x.Sizes : [];
        var sb = b is ArrayType y ? y.Sizes : [];
        if (sa.Length != sb.Length)
        {
            return false;
        }

        for (var i = 0; i < sa.Length; i++)
        {
            if (sa[i] is { } p && sb[i] is { } q && p != q)
            {
                return false;
            }
        }

        return true;
    }

    private static TwinType WithShape(TwinType element, TwinType shaped) =>
        shaped is ArrayType array ? new ArrayType(element, array.Sizes) : element;

    private static Dimension DimensionOf(TwinType type) => type is RealType real ? real.Dimension : Dimension.None;

    /// <summary>A type as messages show it: <c>'Voltage' (V)</c> for reals, <c>'Bool'</c> otherwise.</summary>
    private string DescribeType(TwinType type) => type switch
    {
        RealType { Quantity: { Unit: { } unit } quantity } => $"'{quantity.Name}' ({unit.Symbol})",
        RealType real when real.Dimension.IsDimensionless => DescribeDimensionless(),
        RealType real => _units.Describe(real.Dimension),
        IntType => DescribeDimensionless(),
        ArrayType array => DescribeType(array.Element),
        _ => $"'{type.DisplayName}'",
    };

    private static string DescribeDimensionless() => "a dimensionless number '1'";
}
