using TwinLang.Syntax;

namespace TwinLang.Binding;

// Scenarios: the simulated asset, the time span, the solver and its settings, input signals, parameter
// overrides, outputs, sweeps and ensembles.
public sealed partial class Binder
{
    private static readonly Dictionary<string, Dictionary<string, SettingType>> Solvers = new(StringComparer.Ordinal)
    {
        ["auto"] = new() { ["atol"] = SettingType.Number, ["initial_step"] = SettingType.Time, ["max_step"] = SettingType.Time, ["rtol"] = SettingType.Number },
        ["bdf"] = new() { ["atol"] = SettingType.Number, ["max_order"] = SettingType.Int, ["max_step"] = SettingType.Time, ["rtol"] = SettingType.Number },
        ["dopri5"] = new() { ["atol"] = SettingType.Number, ["initial_step"] = SettingType.Time, ["max_step"] = SettingType.Time, ["rtol"] = SettingType.Number },
        ["euler"] = new() { ["step"] = SettingType.Time },
        ["rk4"] = new() { ["step"] = SettingType.Time },
        ["rodas"] = new() { ["atol"] = SettingType.Number, ["initial_step"] = SettingType.Time, ["max_step"] = SettingType.Time, ["rtol"] = SettingType.Number, ["step"] = SettingType.Time },
        ["rodas3"] = new() { ["atol"] = SettingType.Number, ["initial_step"] = SettingType.Time, ["max_step"] = SettingType.Time, ["rtol"] = SettingType.Number, ["step"] = SettingType.Time },
        ["rodas4"] = new() { ["atol"] = SettingType.Number, ["initial_step"] = SettingType.Time, ["max_step"] = SettingType.Time, ["rtol"] = SettingType.Number, ["step"] = SettingType.Time },
    };

    private static readonly Dictionary<string, SettingType> ScenarioSettings = new(StringComparer.Ordinal)
    {
        ["description"] = SettingType.Any,
        ["realtime"] = SettingType.Bool,
        ["speed"] = SettingType.Number,
    };

    private void BindScenario(FileContext file, ScenarioSymbol scenario)
    {
        var target = ResolveTargetAsset(file, scenario.Syntax.Target);
        scenario.Target = target;
        var context = new BindContext(file, target);
        foreach (var item in scenario.Syntax.Items)
        {
            switch (item)
            {
                case ScenarioTimeSyntax time:
                    CheckAssignable(TimeType, BindExpression(time.Start, context), time.Start.Span, context);
                    CheckAssignable(TimeType, BindExpression(time.End, context), time.End.Span, context);
                    break;
                case ScenarioSolverSyntax solver:
                    scenario.SolverName = BindChoiceCall(file, solver.Solver, "solver", Solvers, context);
                    break;
                case ScenarioSettingSyntax { Setting: var setting }:
                    BindScenarioSetting(setting, context);
                    break;
                case ScenarioOutputSyntax output:
                    if (output.Every is { } every)
                    {
                        CheckAssignable(TimeType, BindExpression(every, context), every.Span, context);
                    }

                    if (target is not null)
                    {
                        foreach (var variable in output.Variables)
                        {
                            BindExpression(variable, context.WithWildcard(true));
                        }
                    }

                    break;
                case ScenarioEnsembleSyntax ensemble:
                    CheckAssignable(IntType.Instance, BindExpression(ensemble.Members, context), ensemble.Members.Span, context);
                    if (ensemble.Seed is { } seed)
                    {
                        CheckAssignable(IntType.Instance, BindExpression(seed, context), seed.Span, context);
                    }

                    if (target is not null)
                    {
                        foreach (var distribution in ensemble.Distributions)
                        {
                            // 'cells[*].r0 ~ ...' draws every element, as 'estimate cells[*].r0' estimates every one.
                            if (BindScenarioTarget(distribution.Target, context.WithWildcard(true), VariableKind.Parameter) is { } parameter)
                            {
                                BindDistribution(distribution.Distribution, context, parameter.Type.ElementType);
                            }
                        }
                    }

                    break;
                case ScenarioInputSyntax input when target is not null:
                    if (BindScenarioTarget(input.Target, context, VariableKind.Input) is { } inputVariable)
                    {
                        BindSignal(input.Signal, inputVariable.Type, context);
                    }

                    break;
                case ScenarioSetSyntax set when target is not null:
                    if (BindScenarioTarget(set.Target, context, VariableKind.Parameter) is { } setVariable)
                    {
                        CheckAssignable(setVariable.Type, BindExpression(set.Value, context), set.Value.Span, context, allowFill: true);
                    }

                    break;
                case ScenarioSweepSyntax sweep when target is not null:
                    if (BindScenarioTarget(sweep.Target, context, VariableKind.Parameter) is { } sweepVariable)
                    {
                        if (sweep.Values is ArrayLiteralExpressionSyntax values)
                        {
                            foreach (var value in values.Elements)
                            {
                                CheckAssignable(sweepVariable.Type, BindExpression(value, context), value.Span, context, allowFill: true);
                            }
                        }
                        else
                        {
                            CheckAssignable(new ArrayType(sweepVariable.Type, [null]), BindExpression(sweep.Values, context), sweep.Values.Span, context);
                        }
                    }

                    break;
            }
        }
    }

    private void BindScenarioSetting(SettingSyntax setting, BindContext context)
    {
        if (setting.Key.IsMissing)
        {
            return;
        }

        if (!ScenarioSettings.TryGetValue(setting.Key.Text, out var kind))
        {
            Report(At(context.File, setting.Key.Span).UnknownSetting("A scenario", setting.Key.Text, QuoteList(ScenarioSettings.Keys.Order(StringComparer.Ordinal))));
            return;
        }

        var type = BindExpression(setting.Value, context);
        TwinType? expected = kind switch
        {
            SettingType.Bool => BoolType.Instance,
            SettingType.Number => RealType.Dimensionless,
            _ => null,
        };
        if (expected is not null)
        {
            CheckAssignable(expected, type, setting.Value.Span, context);
        }
    }

    /// <summary>Binds a scenario target and checks it is a variable of the wanted kind; returns it when it is.</summary>
    private VariableSymbol? BindScenarioTarget(ExpressionSyntax target, BindContext context, VariableKind kind)
    {
        var type = BindExpression(target, context);
        if (type.IsError)
        {
            return null;
        }

        var variable = FinalVariable(target, context);
        if (variable is not null && variable.VariableKind == kind)
        {
            return variable;
        }

        var what = variable is null ? "not a variable" : KindName(variable);
        var text = context.File.Source.ToString(target.Span);
        Report(kind == VariableKind.Input
            ? At(context.File, target.Span).ScenarioInputNotInput(text, what)
            : At(context.File, target.Span).ScenarioTargetNotParameter(text, what));
        return null;
    }

    private void BindSignal(ExpressionSyntax signal, TwinType targetType, BindContext context)
    {
        if (signal is CallExpressionSyntax { Callee.Parts: [var name] } && Signals.ContainsKey(name.Text) &&
            LookupGlobal(context.File, name, report: false) is not CallableSymbol)
        {
            BindRoleCall(signal, context, targetType.ElementType, "signal", Signals);
            return;
        }

        CheckAssignable(targetType, BindExpression(signal, context), signal.Span, context, allowFill: true);
    }
}
