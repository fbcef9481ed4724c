using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using TwinLang.Syntax;

namespace TwinLang.Binding;

// Constant evaluation of constants, parameter defaults and array sizes. A parameter's value is its
// default unless a component modifier overrides it; results per variable are cached (defaults only), and a
// variable whose value depends on itself is not constant.
public sealed partial class Binder
{
    private readonly Dictionary<VariableSymbol, ConstantValue?> _constantCache = [];
    private readonly HashSet<VariableSymbol> _evaluating = [];

    /// <summary>The constant value of a parameter or constant with its default, cached.</summary>
    internal ConstantValue? GetConstantValue(VariableSymbol variable)
    {
        if (_constantCache.TryGetValue(variable, out var cached))
        {
            return cached;
        }

        if (variable.VariableKind is not (VariableKind.Parameter or VariableKind.Constant) || variable.Value is null ||
            !_fileOf.TryGetValue(TopLevelOf(variable), out var file) || !_evaluating.Add(variable))
        {
            return null;
        }

        var value = EvaluateConstant(file, variable.Owner, variable.Value, overrides: null, report: true);
        _evaluating.Remove(variable);
        _constantCache[variable] = value;
        return value;
    }

    private static Symbol TopLevelOf(Symbol symbol)
    {
        var current = symbol;
        while (current.Container is { Kind: not SymbolKind.Package } container)
        {
            current = container;
        }

        return current;
    }

    /// <summary>
    /// Evaluates <paramref name="expression"/> in the scope of <paramref name="owner"/>; names resolve to the
    /// owner's parameters and constants, with <paramref name="overrides"/> in place of defaults. Returns null
    /// when the expression is not constant. Division by zero is reported when <paramref name="report"/> is set.
    /// </summary>
    private ConstantValue? EvaluateConstant(FileContext file, StructuredTypeSymbol? owner, ExpressionSyntax expression, IReadOnlyDictionary<VariableSymbol, ConstantValue?>? overrides, bool report)
    {
        if (!RuntimeHelpers.TryEnsureSufficientExecutionStack())
        {
            return null;
        }

        switch (expression)
        {
            case NumberLiteralSyntax literal:
                if (literal.Unit is null)
                {
                    return new ConstantValue(literal.Value, literal.IsInteger);
                }

                var resolved = _units.ResolveLiteral(literal, file.Source, new Diagnostics.DiagnosticBag());
                return resolved.IsError ? null : new ConstantValue(resolved.SiValue, false);
            case BooleanLiteralSyntax boolean:
                return ConstantValue.FromBool(boolean.Value);
            case ParenthesizedExpressionSyntax parenthesized:
                return EvaluateConstant(file, owner, parenthesized.Expression, overrides, report);
            case NameExpressionSyntax name when owner?.LookupMember(name.Name.Text) is VariableSymbol variable:
                if (overrides is not null && overrides.TryGetValue(variable, out var overridden))
                {
                    return overridden;
                }

                if (overrides is not null && variable.VariableKind is VariableKind.Parameter or VariableKind.Constant &&
                    variable.Value is not null && _evaluating.Add(variable))
                {
                    // Under overrides a default may depend on an overridden parameter, so it is not cached.
                    var value = EvaluateConstant(file, owner, variable.Value, overrides, report: false);
                    _evaluating.Remove(variable);
                    return value;
                }

                return GetConstantValue(variable);
            case UnaryExpressionSyntax unary:
                {
                    var operand = EvaluateConstant(file, owner, unary.Operand, overrides, report);
                    return operand switch
                    {
                        null => null,
                        { Boolean: { } b } when unary.Operator == UnaryOperator.Not => ConstantValue.FromBool(!b),
                        { Boolean: null } n when unary.Operator == UnaryOperator.Negate => n with { Number = -n.Number },
                        { Boolean: null } n when unary.Operator == UnaryOperator.Plus => n,
                        _ => null,
                    };
                }

            case BinaryExpressionSyntax binary:
                return EvaluateBinary(file, owner, binary, overrides, report);
            case ConditionalExpressionSyntax conditional:
                {
                    var condition = EvaluateConstant(file, owner, conditional.Condition, overrides, report);
                    return condition?.Boolean switch
                    {
                        true => EvaluateConstant(file, owner, conditional.WhenTrue, overrides, report),
                        false => EvaluateConstant(file, owner, conditional.WhenFalse, overrides, report),
                        null => null,
                    };
                }

            case CallExpressionSyntax { Callee.Parts: [{ Text: "min" or "max" or "abs" } callee] } call:
                {
                    var values = new List<ConstantValue>();
                    foreach (var argument in call.Arguments)
                    {
                        if (argument.Name is not null || EvaluateConstant(file, owner, argument.Value, overrides, report) is not { Boolean: null } value)
                        {
                            return null;
                        }

                        values.Add(value);
                    }

                    return (callee.Text, values.Count) switch
                    {
                        ("abs", 1) => values[0] with { Number = Math.Abs(values[0].Number) },
                        ("min", 2) => values[0].Number <= values[1].Number ? values[0] : values[1],
                        ("max", 2) => values[0].Number >= values[1].Number ? values[0] : values[1],
                        _ => null,
                    };
                }

            default:
                return null;
        }
    }

    private ConstantValue? EvaluateBinary(FileContext file, StructuredTypeSymbol? owner, BinaryExpressionSyntax binary, IReadOnlyDictionary<VariableSymbol, ConstantValue?>? overrides, bool report)
    {
        var left = EvaluateConstant(file, owner, binary.Left, overrides, report);
        var right = EvaluateConstant(file, owner, binary.Right, overrides, report);
        if (left is not { } l || right is not { } r)
        {
            return null;
        }

        if (l.Boolean is { } lb && r.Boolean is { } rb)
        {
            return binary.Operator switch
            {
                BinaryOperator.And => ConstantValue.FromBool(lb && rb),
                BinaryOperator.Or => ConstantValue.FromBool(lb || rb),
                BinaryOperator.Equal => ConstantValue.FromBool(lb == rb),
                BinaryOperator.NotEqual => ConstantValue.FromBool(lb != rb),
                _ => null,
            };
        }

        if (l.Boolean is not null || r.Boolean is not null)
        {
            return null;
        }

        var integer = l.IsInteger && r.IsInteger;
        switch (binary.Operator)
        {
            case BinaryOperator.Add:
                return new ConstantValue(l.Number + r.Number, integer);
            case BinaryOperator.Subtract:
                return new ConstantValue(l.Number - r.Number, integer);
            case BinaryOperator.Multiply:
                return new ConstantValue(l.Number * r.Number, integer);
            case BinaryOperator.Divide:
                if (r.Number == 0)
                {
                    if (report)
                    {
                        Report(At(file, binary.Span).DivisionByZero());
                    }

                    return null;
                }

                return new ConstantValue(l.Number / r.Number, integer && l.Number % r.Number == 0);
            case BinaryOperator.Power:
                return new ConstantValue(Math.Pow(l.Number, r.Number), integer && r.Number >= 0);
            case BinaryOperator.Less:
                return ConstantValue.FromBool(l.Number < r.Number);
            case BinaryOperator.LessOrEqual:
                return ConstantValue.FromBool(l.Number <= r.Number);
            case BinaryOperator.Greater:
                return ConstantValue.FromBool(l.Number > r.Number);
            case BinaryOperator.GreaterOrEqual:
                return ConstantValue.FromBool(l.Number >= r.Number);
            case BinaryOperator.Equal:
                return ConstantValue.FromBool(l.Number == r.Number);
            case BinaryOperator.NotEqual:
                return ConstantValue.FromBool(l.Number != r.Number);
            default:
                return null;
        }
    }

    /// <summary>Evaluates the dimensions of a declared type into sizes, reporting non-constant, non-integer and negative sizes.</summary>
    private ImmutableArray<int?> EvaluateSizes(FileContext file, StructuredTypeSymbol owner, ImmutableArray<ExpressionSyntax> dimensions, IReadOnlyDictionary<VariableSymbol, ConstantValue?>? overrides, bool report)
    {
        var sizes = ImmutableArray.CreateBuilder<int?>(dimensions.Length);
        foreach (var dimension in dimensions)
        {
            sizes.Add(EvaluateSize(file, owner, dimension, overrides, report));
        }

        return sizes.MoveToImmutable();
    }

    private int? EvaluateSize(FileContext file, StructuredTypeSymbol owner, ExpressionSyntax dimension, IReadOnlyDictionary<VariableSymbol, ConstantValue?>? overrides, bool report)
    {
        if (report)
        {
            // Binding first reports undeclared names and records references for the editor.
            var type = BindStandalone(file, owner, dimension);
            if (type.IsError)
            {
                return null;
            }

            // A Real constant with an integral value is accepted too, so that 'Real[n / 2]' works.
            if (type is not (IntType or RealType { Dimension.IsDimensionless: true }))
            {
                Report(At(file, dimension.Span).TypeMismatch("Int", type.DisplayName));
                return null;
            }
        }

        var before = _diagnostics.Count;
        var value = EvaluateConstant(file, owner, dimension, overrides, report);
        if (value is not { } v)
        {
            if (report && _diagnostics.Count == before)
            {
                Report(At(file, dimension.Span).NotConstant("integer array size"));
            }

            return null;
        }

        if (!v.IsIntegral)
        {
            if (report)
            {
                Report(At(file, dimension.Span).TypeMismatch("Int", "Real"));
            }

            return null;
        }

        if (v.Number < 0)
        {
            if (report)
            {
                Report(At(file, dimension.Span).NegativeArraySize((long)v.Number));
            }

            return null;
        }

        return v.Number > int.MaxValue ? null : (int)v.Number;
    }

    private void ApplyArraySizes(FileContext file)
    {
        foreach (var (typeFile, type) in AllStructuredTypes())
        {
            if (ReferenceEquals(typeFile, file))
            {
                ApplyArraySizes(file, type);
            }
        }
    }

    private void ApplyArraySizes(FileContext file, StructuredTypeSymbol type)
    {
        foreach (var member in type.OwnMembers)
        {
            switch (member)
            {
                case VariableSymbol { Syntax.Type.Dimensions.IsEmpty: false } variable:
                    {
                        var sizes = EvaluateSizes(file, type, variable.Syntax.Type.Dimensions, null, report: true);
                        if (!variable.Type.IsError)
                        {
                            variable.Type = new ArrayType(variable.Type, sizes);
                        }

                        break;
                    }

                case ComponentSymbol { Syntax.Type.Dimensions.IsEmpty: false } component:
                    {
                        var sizes = EvaluateSizes(file, type, component.Syntax.Type.Dimensions, null, report: true);
                        if (!component.Type.IsError)
                        {
                            component.Type = new ArrayType(component.Type, sizes);
                        }

                        break;
                    }
            }
        }
    }
}
