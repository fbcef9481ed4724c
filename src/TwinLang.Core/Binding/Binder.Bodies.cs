using TwinLang.Syntax;

namespace TwinLang.Binding;

// Phase 4: bodies of functions, tables and surrogates; assets, assimilations and scenarios have their own files.
public sealed partial class Binder
{
    private static readonly Dictionary<string, string[]> TableSettings = new(StringComparer.Ordinal)
    {
        ["interpolation"] = ["hold", "linear", "spline"],
        ["extrapolation"] = ["clamp", "error", "linear"],
    };

    /// <summary>What a named setting of a built-in choice takes.</summary>
    private enum SettingType
    {
        /// <summary>Anything; a bare name (<c>activation = relu</c>) is not bound.</summary>
        Any,

        /// <summary>An Int.</summary>
        Int,

        /// <summary>A dimensionless number.</summary>
        Number,

        /// <summary>A duration.</summary>
        Time,

        /// <summary>A length (localization radius).</summary>
        Length,

        /// <summary>A Boolean.</summary>
        Bool,
    }

    private static readonly Dictionary<string, Dictionary<string, SettingType>> SurrogateModels = new(StringComparer.Ordinal)
    {
        ["gaussian_process"] = new() { ["kernel"] = SettingType.Any, ["length_scale"] = SettingType.Any, ["noise"] = SettingType.Any },
        ["linear"] = [],
        ["neural"] = new() { ["activation"] = SettingType.Any, ["epochs"] = SettingType.Int, ["layers"] = SettingType.Any },
        ["polynomial"] = new() { ["degree"] = SettingType.Int },
        ["spline"] = new() { ["knots"] = SettingType.Int, ["order"] = SettingType.Int },
    };

    private void BindBodies(FileContext file)
    {
        foreach (var (declaration, symbol) in NamedDeclarations(file))
        {
            switch (symbol)
            {
                case CallableSymbol callable when ReferenceEquals(callable.Syntax, declaration):
                    BindCallableBody(file, callable);
                    break;
                case StructuredTypeSymbol type when ReferenceEquals(type.Syntax, declaration):
                    BindStructuredBody(file, type);
                    break;
                case AssimilationSymbol assimilation when ReferenceEquals(assimilation.Syntax, declaration):
                    BindAssimilation(file, assimilation);
                    break;
                case ScenarioSymbol scenario when ReferenceEquals(scenario.Syntax, declaration):
                    BindScenario(file, scenario);
                    break;
            }
        }
    }

    private void BindCallableBody(FileContext file, CallableSymbol callable)
    {
        var locals = new Dictionary<string, Symbol>(StringComparer.Ordinal);
        foreach (var parameter in callable.Parameters)
        {
            locals[parameter.Name] = parameter;
        }

        var context = new BindContext(file, null).WithLocals(locals);
        switch (callable.Syntax)
        {
            case FunctionDeclarationSyntax function:
                foreach (var let in function.Lets)
                {
                    var type = BindExpression(let.Value, context);
                    if (let.Name.IsMissing)
                    {
                        continue;
                    }

                    var local = new LocalSymbol(callable, LocationOf(file, let.Name), let.Name.Text) { Type = type };
                    if (locals.TryGetValue(local.Name, out var existing))
                    {
                        ReportDuplicate(file, let.Name, existing);
                        continue;
                    }

                    locals[local.Name] = local;
                    _model.AddReference(file.Source, let.Name.Span, local, isDeclaration: true);
                }

                var result = BindExpression(function.Result, context);
                CheckAssignable(callable.ReturnType, result, function.Result.Span, context);
                break;
            case TableDeclarationSyntax table:
                BindSettings(file, table.Settings, $"Table '{table.Name.Text}'", TableSettings);
                var rowContext = new BindContext(file, null);
                foreach (var row in table.Rows)
                {
                    if (row.Inputs.Length != callable.Parameters.Count)
                    {
                        Report(At(file, row.Span).WrongArgumentCount(callable.Name, Count(callable.Parameters.Count, "input"), row.Inputs.Length));
                        continue;
                    }

                    for (var i = 0; i < row.Inputs.Length; i++)
                    {
                        CheckAssignable(callable.Parameters[i].Type, BindExpression(row.Inputs[i], rowContext), row.Inputs[i].Span, rowContext);
                    }

                    CheckAssignable(callable.ReturnType, BindExpression(row.Output, rowContext), row.Output.Span, rowContext);
                }

                break;
            case SurrogateDeclarationSyntax surrogate:
                BindChoiceCall(file, surrogate.Model, "surrogate model", SurrogateModels, new BindContext(file, null));
                break;
        }
    }

    /// <summary>Checks <c>key = choice</c> settings against the known keys and choices.</summary>
    private void BindSettings(FileContext file, IEnumerable<SettingSyntax> settings, string owner, IReadOnlyDictionary<string, string[]> known)
    {
        foreach (var setting in settings)
        {
            if (setting.Key.IsMissing)
            {
                continue;
            }

            if (!known.TryGetValue(setting.Key.Text, out var choices))
            {
                Report(At(file, setting.Key.Span).UnknownSetting(owner, setting.Key.Text, QuoteList(known.Keys.Order(StringComparer.Ordinal))));
                continue;
            }

            if (setting.Value is NameExpressionSyntax { Name: { IsMissing: false } choice } && Array.IndexOf(choices, choice.Text) < 0)
            {
                Report(At(file, choice.Span).UnknownChoice(setting.Key.Text, choice.Text, QuoteList(choices)));
            }
        }
    }

    /// <summary>
    /// Checks a call that names a built-in choice and its named settings (<c>polynomial(degree = 2)</c>,
    /// <c>ensemble(members = 64)</c>); a bare name is accepted too. Returns the chosen name, when known.
    /// </summary>
    private string? BindChoiceCall(FileContext file, ExpressionSyntax expression, string category, IReadOnlyDictionary<string, Dictionary<string, SettingType>> choices, BindContext context)
    {
        NameSyntax name;
        var arguments = System.Collections.Immutable.ImmutableArray<ArgumentSyntax>.Empty;
        switch (expression)
        {
            case NameExpressionSyntax bare:
                name = bare.Name;
                break;
            case CallExpressionSyntax { Callee.Parts: [var single] } call:
                name = single;
                arguments = call.Arguments;
                break;
            case MissingExpressionSyntax:
                return null;
            default:
                Report(At(file, expression.Span).UnknownChoice(category, file.Source.ToString(expression.Span), QuoteList(choices.Keys.Order(StringComparer.Ordinal))));
                return null;
        }

        if (name.IsMissing)
        {
            return null;
        }

        if (!choices.TryGetValue(name.Text, out var settings))
        {
            Report(At(file, name.Span).UnknownChoice(category, name.Text, QuoteList(choices.Keys.Order(StringComparer.Ordinal))));
            foreach (var argument in arguments)
            {
                BindExpression(argument.Value, context);
            }

            return null;
        }

        foreach (var argument in arguments)
        {
            if (argument.Name is not { IsMissing: false } key)
            {
                Report(At(file, argument.Span).UnknownSetting($"The {category} '{name.Text}'", file.Source.ToString(argument.Span), settings.Count == 0 ? "none" : QuoteList(settings.Keys.Order(StringComparer.Ordinal))));
                continue;
            }

            if (!settings.TryGetValue(key.Text, out var settingType))
            {
                Report(At(file, key.Span).UnknownSetting($"The {category} '{name.Text}'", key.Text, settings.Count == 0 ? "none" : QuoteList(settings.Keys.Order(StringComparer.Ordinal))));
                continue;
            }

            if (settingType == SettingType.Any && argument.Value is NameExpressionSyntax)
            {
                continue;
            }

            var type = BindExpression(argument.Value, context);
            TwinType? expected = settingType switch
            {
                SettingType.Int => IntType.Instance,
                SettingType.Number => RealType.Dimensionless,
                SettingType.Time => TimeType,
                SettingType.Length => new RealType(Units.Dimension.LengthDimension, null),
                SettingType.Bool => BoolType.Instance,
                _ => null,
            };
            if (expected is not null)
            {
                CheckAssignable(expected, type, argument.Value.Span, context);
            }
        }

        return name.Text;
    }

    private static readonly RealType TimeType = new(Units.Dimension.TimeDimension, null);
}
