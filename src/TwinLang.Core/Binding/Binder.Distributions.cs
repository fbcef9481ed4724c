using TwinLang.Text;
using TwinLang.Syntax;

namespace TwinLang.Binding;

// Probability distributions (observation noise, priors, ensembles) and signal functions of scenarios:
// built-in calls whose arguments are checked against roles rather than declared types.
public sealed partial class Binder
{
    /// <summary>What an argument of a distribution or signal must be.</summary>
    private enum ArgumentRole
    {
        /// <summary>The value's own type (the first such argument fixes it when nothing is expected).</summary>
        Value,

        /// <summary>A dimensionless number.</summary>
        Number,

        /// <summary>A duration.</summary>
        Time,

        /// <summary>A frequency (1/s).</summary>
        Frequency,

        /// <summary>A string.</summary>
        Text,

        /// <summary>A unit written as a value (<c>unit = degC</c>).</summary>
        Unit,

        /// <summary>An array of durations.</summary>
        TimeArray,

        /// <summary>An array of values of the value's type.</summary>
        ValueArray,
    }

    private sealed record BuiltinParameter(string Name, ArgumentRole Role, bool Required = true);

    private static readonly Dictionary<string, BuiltinParameter[]> Distributions = new(StringComparer.Ordinal)
    {
        ["cauchy"] = [new("location", ArgumentRole.Value), new("scale", ArgumentRole.Value)],
        ["laplace"] = [new("mean", ArgumentRole.Value), new("scale", ArgumentRole.Value)],
        ["lognormal"] = [new("median", ArgumentRole.Value), new("sigma", ArgumentRole.Number)],
        ["normal"] = [new("mean", ArgumentRole.Value), new("sd", ArgumentRole.Value)],
        ["student_t"] = [new("mean", ArgumentRole.Value), new("scale", ArgumentRole.Value), new("dof", ArgumentRole.Number)],
        ["uniform"] = [new("low", ArgumentRole.Value), new("high", ArgumentRole.Value)],
    };

    private static readonly Dictionary<string, BuiltinParameter[]> Signals = new(StringComparer.Ordinal)
    {
        ["csv"] = [new("file", ArgumentRole.Text), new("column", ArgumentRole.Text, false), new("unit", ArgumentRole.Unit, false)],
        ["pwl"] = [new("times", ArgumentRole.TimeArray), new("values", ArgumentRole.ValueArray)],
        ["ramp"] = [new("start", ArgumentRole.Time), new("duration", ArgumentRole.Time), new("from", ArgumentRole.Value, false), new("to", ArgumentRole.Value)],
        ["sine"] = [new("amplitude", ArgumentRole.Value), new("frequency", ArgumentRole.Frequency), new("offset", ArgumentRole.Value, false), new("phase", ArgumentRole.Number, false)],
        ["step"] = [new("at", ArgumentRole.Time), new("from", ArgumentRole.Value, false), new("to", ArgumentRole.Value)],
    };

    /// <summary>
    /// Binds a distribution call such as <c>normal(mean, sd)</c>; returns the type of the values it draws.
    /// With <paramref name="expected"/>, value arguments must have that type.
    /// </summary>
    private TwinType BindDistribution(ExpressionSyntax expression, BindContext context, TwinType? expected) =>
        BindRoleCall(expression, context, expected, "distribution", Distributions);

    private TwinType BindRoleCall(ExpressionSyntax expression, BindContext context, TwinType? expected, string category, Dictionary<string, BuiltinParameter[]> table)
    {
        if (expression is MissingExpressionSyntax)
        {
            return ErrorType.Instance;
        }

        if (expression is not CallExpressionSyntax { Callee.Parts: [var name] } call || !table.TryGetValue(name.Text, out var parameters))
        {
            var shown = expression is CallExpressionSyntax c ? c.Callee : null;
            if (shown is { Parts: [{ IsMissing: true }] })
            {
                return ErrorType.Instance;
            }

            if (expression is CallExpressionSyntax other)
            {
                BindArgumentsLoosely(other, context);
            }

            var text = shown?.Text ?? context.File.Source.ToString(expression.Span);
            return ReportError(At(context.File, shown?.Span ?? expression.Span).UnknownChoice(category, text, QuoteList(table.Keys.Order(StringComparer.Ordinal))));
        }

        var given = new Dictionary<string, ArgumentSyntax>(StringComparer.Ordinal);
        var positional = 0;
        var failed = false;
        foreach (var argument in call.Arguments)
        {
            BuiltinParameter? parameter;
            if (argument.Name is { } argumentName)
            {
                parameter = Array.Find(parameters, p => p.Name == argumentName.Text);
                if (parameter is null || given.ContainsKey(parameter.Name))
                {
                    Report(At(context.File, argumentName.Span).UnknownNamedArgument(name.Text, argumentName.Text, parameter is null ? NameSuggester.Suggest(argumentName.Text, parameters.Select(p => p.Name)) : null));
                    failed = true;
                    continue;
                }
            }
            else if (positional < parameters.Length)
            {
                parameter = parameters[positional++];
            }
            else
            {
                return ReportError(At(context.File, call.Span).WrongArgumentCount(name.Text, $"at most {Count(parameters.Length, "argument")}", call.Arguments.Length));
            }

            given[parameter.Name] = argument;
        }

        var missing = Array.Find(parameters, p => p.Required && !given.ContainsKey(p.Name));
        if (missing is not null && !failed)
        {
            return ReportError(At(context.File, call.Span).MissingArgument(name.Text, missing.Name));
        }

        var valueType = expected;
        foreach (var parameter in parameters)
        {
            if (!given.TryGetValue(parameter.Name, out var argument))
            {
                continue;
            }

            var value = argument.Value;
            if (parameter.Role == ArgumentRole.Unit)
            {
                var unit = EvaluateUnitValue(value, context);
                if (unit is not null && valueType is { IsError: false } && !unit.IsError &&
                    CheckAssignable(valueType.ElementType, RealOf(unit.Dimension), value.Span, context) is false)
                {
                    failed = true;
                }

                continue;
            }

            var type = BindExpression(value, parameter.Role is ArgumentRole.Value or ArgumentRole.ValueArray ? context.WithWildcard(true) : context);
            if (type.IsError)
            {
                failed = true;
                continue;
            }

            TwinType? required = parameter.Role switch
            {
                ArgumentRole.Number => RealType.Dimensionless,
                ArgumentRole.Time => TimeType,
                ArgumentRole.Frequency => RealOf(Units.Dimension.TimeDimension.Pow(-1)),
                ArgumentRole.Text => StringType.Instance,
                ArgumentRole.TimeArray => type is ArrayType a ? new ArrayType(TimeType, a.Sizes) : new ArrayType(TimeType, [null]),
                ArgumentRole.ValueArray => valueType is null ? null : type is ArrayType a ? new ArrayType(valueType, a.Sizes) : new ArrayType(valueType, [null]),
                _ => valueType,
            };
            if (required is null)
            {
                valueType = parameter.Role == ArgumentRole.ValueArray ? type.ElementType : type;
                continue;
            }

            if (!CheckAssignable(required, type, value.Span, context))
            {
                failed = true;
            }
        }

        return failed ? ErrorType.Instance : valueType ?? RealType.Dimensionless;
    }

    /// <summary>
    /// Reads an expression written as a unit (<c>unit = degC</c>, <c>unit = W/m^2</c>) with the unit registry.
    /// Returns null after reporting when it names no unit.
    /// </summary>
    private Units.Unit? EvaluateUnitValue(ExpressionSyntax expression, BindContext context)
    {
        switch (expression)
        {
            case NameExpressionSyntax { Name: { IsMissing: false } name }:
                if (_units.Units.TryResolve(name.Text, out var unit))
                {
                    return unit;
                }

                Report(At(context.File, name.Span).UnknownChoice("unit", name.Text, "a unit such as 'degC' or 'W'"));
                return null;
            case NumberLiteralSyntax { Value: 1, Unit: null }:
                return Units.Unit.One;
            case NumberLiteralSyntax { Value: 1, Unit: { } written }:
                var resolved = _units.Resolve(written, context.File.Source, _diagnostics);
                return resolved.IsError ? null : resolved;
            case ParenthesizedExpressionSyntax parenthesized:
                return EvaluateUnitValue(parenthesized.Expression, context);
            case BinaryExpressionSyntax { Operator: BinaryOperator.Multiply or BinaryOperator.Divide } binary:
                {
                    var left = EvaluateUnitValue(binary.Left, context);
                    var right = EvaluateUnitValue(binary.Right, context);
                    if (left is null || right is null)
                    {
                        return null;
                    }

                    return binary.Operator == BinaryOperator.Multiply ? left.Multiply(right) : left.Divide(right);
                }

            case BinaryExpressionSyntax { Operator: BinaryOperator.Power, Right: NumberLiteralSyntax { IsInteger: true } exponent } power:
                return EvaluateUnitValue(power.Left, context)?.Pow((int)exponent.Value);
            case UnaryExpressionSyntax { Operator: UnaryOperator.Negate, Operand: NumberLiteralSyntax }:
            default:
                Report(At(context.File, expression.Span).UnknownChoice("unit", context.File.Source.ToString(expression.Span), "a unit such as 'degC' or 'W'"));
                return null;
        }
    }
}
