using System.Collections.Immutable;
using TwinLang.Binding;
using TwinLang.Diagnostics;
using TwinLang.Syntax;
using TwinLang.Text;
using TwinLang.Units;

namespace TwinLang.Lowering.Scenarios;

/// <summary>
/// Works out a <see cref="ScenarioPlan"/> from a bound scenario: every value is evaluated to SI with the
/// compilation's units. The binder has already checked names, kinds and dimensions, so this reports only what
/// binding cannot: values that are not constants, and what <c>twin run</c> does not support yet
/// (TW5500..TW5505, TW5570).
/// </summary>
public sealed partial class ScenarioPlanner
{
    private static readonly Dictionary<string, string[]> SignalParameters = new(StringComparer.Ordinal)
    {
        ["csv"] = ["file", "column", "unit"],
        ["pwl"] = ["times", "values"],
        ["ramp"] = ["start", "duration", "from", "to"],
        ["sine"] = ["amplitude", "frequency", "offset", "phase"],
        ["step"] = ["at", "from", "to"],
    };

    private readonly UnitSystem _units;
    private readonly DiagnosticBag _diagnostics = new();
    private SourceText _source = new(string.Empty);

    /// <summary>Creates a planner over the units declared in <paramref name="model"/>'s trees (standard library included when it was bound).</summary>
    public ScenarioPlanner(SemanticModel model)
    {
        _units = UnitSystem.Build(model.Trees, new DiagnosticBag());
    }

    /// <summary>The plan of a run of <paramref name="asset"/> without a scenario: 0 s to 10 s with dopri5, every variable.</summary>
    public static ScenarioPlan Default(AssetSymbol asset) =>
        new(asset.Name, null, 0, ScenarioPlan.DefaultStopTime, SolverPlan.Default, [], [], null, []);

    /// <summary>
    /// The plan of <paramref name="scenario"/>, or null when a value could not be worked out; the
    /// diagnostics (errors, and warnings for what is ignored) come back either way.
    /// </summary>
    public (ScenarioPlan? Plan, IReadOnlyList<Diagnostic> Diagnostics) Plan(ScenarioSymbol scenario)
    {
        _source = scenario.Location?.Source ?? new SourceText(string.Empty);
        var start = 0.0;
        var stop = ScenarioPlan.DefaultStopTime;
        var solver = SolverPlan.Default;
        double? interval = null;
        var outputs = new List<string>();
        var inputs = new List<InputPlan>();
        var overrides = new List<ParameterOverride>();
        var sweeps = new List<SweepPlan>();
        EnsemblePlan? ensemble = null;
        var ensembleFailed = false;
        var failed = false;
        foreach (var item in scenario.Syntax.Items)
        {
            switch (item)
            {
                case ScenarioTimeSyntax time:
                    var startValue = Number(time.Start);
                    var stopValue = Number(time.End);
                    if (startValue is null || stopValue is null)
                    {
                        failed = true;
                    }
                    else if (stopValue <= startValue)
                    {
                        Report(time.Span, b => b.EmptyTimeSpan(startValue.Value, stopValue.Value));
                        failed = true;
                    }
                    else
                    {
                        (start, stop) = (startValue.Value, stopValue.Value);
                    }

                    break;
                case ScenarioSolverSyntax solverItem:
                    var planned = Solver(solverItem.Solver);
                    failed |= planned is null;
                    solver = planned ?? solver;
                    break;
                case ScenarioOutputSyntax output:
                    if (output.Every is { } every)
                    {
                        interval = Positive(every, "output interval");
                        failed |= interval is null;
                    }

                    outputs.AddRange(output.Variables.Select(Name));
                    break;
                case ScenarioInputSyntax input:
                    var signal = Signal(input.Signal, Name(input.Target));
                    failed |= signal is null;
                    if (signal is not null)
                    {
                        inputs.Add(new InputPlan(Name(input.Target), signal, _source, input.Signal.Span));
                    }

                    break;
                case ScenarioSetSyntax set:
                    var value = Number(set.Value);
                    failed |= value is null;
                    if (value is not null)
                    {
                        overrides.Add(new ParameterOverride(Name(set.Target), value.Value, _source, set.Target.Span));
                    }

                    break;
                case ScenarioSweepSyntax sweep:
                    var swept = Sweep(sweep);
                    failed |= swept is null;
                    if (swept is not null)
                    {
                        sweeps.Add(swept);
                    }

                    break;
                case ScenarioEnsembleSyntax ensembleItem:
                    if (ensemble is not null || ensembleFailed)
                    {
                        Report(ensembleItem.Span, b => b.SecondEnsemble());
                        failed = true;
                        break;
                    }

                    ensemble = Ensemble(ensembleItem, scenario.Target);
                    ensembleFailed = ensemble is null;
                    failed |= ensembleFailed;
                    break;
            }
        }

        failed |= !VariedOnce(sweeps.Select(s => (s.Name, s.Span)).Concat(ensemble?.Draws.Select(d => (d.Name, d.Span)) ?? []));
        var diagnostics = _diagnostics.ToSortedList();
        var assetName = scenario.Target?.Name ?? string.Join(".", scenario.Syntax.Target.Parts.Select(p => p.Text));
        var plan = failed ? null : new ScenarioPlan(assetName, scenario.Name, start, stop, solver, inputs, overrides, interval, outputs) { Sweeps = sweeps, Ensemble = ensemble };
        return (plan, diagnostics);
    }

    private SolverPlan? Solver(ExpressionSyntax expression)
    {
        var (name, arguments) = expression switch
        {
            NameExpressionSyntax n => (n.Name.Text, ImmutableArray<ArgumentSyntax>.Empty),
            CallExpressionSyntax { Callee.Parts: [var n] } c => (n.Text, c.Arguments),
            _ => (string.Empty, ImmutableArray<ArgumentSyntax>.Empty),
        };
        if (name == "bdf")
        {
            Report(expression.Span, b => b.BdfNotAvailable());
            return null;
        }

        // 'rodas' is RODAS4; the plan carries the canonical name the runtime knows.
        name = name == "rodas" ? "rodas4" : name;
        if (name is not ("dopri5" or "rk4" or "euler" or "rodas3" or "rodas4" or "auto"))
        {
            // The binder has reported the unknown name (TW1018); no cascade.
            return null;
        }

        var plan = new SolverPlan(name);
        foreach (var argument in arguments)
        {
            var key = argument.Name?.Text ?? string.Empty;

            var isTime = key is "step" or "initial_step" or "max_step";
            var value = isTime ? Positive(argument.Value, key.Replace('_', ' ')) : Number(argument.Value);
            if (value is null)
            {
                return null;
            }

            plan = key switch
            {
                "rtol" => plan with { RelativeTolerance = value },
                "atol" => plan with { AbsoluteTolerance = value },
                "step" => plan with { Step = value },
                "initial_step" => plan with { InitialStep = value },
                "max_step" => plan with { MaxStep = value },
                _ => plan,
            };
        }

        return plan;
    }

    private SignalPlan? Signal(ExpressionSyntax expression, string inputName)
    {
        if (expression is not CallExpressionSyntax { Callee.Parts: [var callee] } call ||
            !SignalParameters.TryGetValue(callee.Text, out var parameters))
        {
            return Number(expression) is { } constant ? new ConstantSignalPlan(constant) : null;
        }

        var arguments = Arguments(call, parameters);
        switch (callee.Text)
        {
            case "step":
                {
                    var at = Number(arguments["at"]);
                    var from = Optional(arguments.GetValueOrDefault("from"));
                    var to = Number(arguments["to"]);
                    return at is null || from is null || to is null ? null : new StepSignalPlan(at.Value, from.Value, to.Value);
                }

            case "ramp":
                {
                    var begin = Number(arguments["start"]);
                    var duration = Number(arguments["duration"]);
                    var from = Optional(arguments.GetValueOrDefault("from"));
                    var to = Number(arguments["to"]);
                    return begin is null || duration is null || from is null || to is null
                        ? null
                        : new RampSignalPlan(begin.Value, duration.Value, from.Value, to.Value);
                }

            case "sine":
                {
                    var amplitude = Number(arguments["amplitude"]);
                    var frequency = Number(arguments["frequency"]);
                    var offset = Optional(arguments.GetValueOrDefault("offset"));
                    var phase = Optional(arguments.GetValueOrDefault("phase"));
                    return amplitude is null || frequency is null || offset is null || phase is null
                        ? null
                        : new SineSignalPlan(amplitude.Value, frequency.Value, offset.Value, phase.Value);
                }

            case "pwl":
                {
                    var times = Numbers(arguments["times"]);
                    var values = Numbers(arguments["values"]);
                    return times is null || values is null ? null : new TableSignalPlan(times, values);
                }

            default:
                {
                    var file = arguments["file"] is StringLiteralSyntax f ? f.Value : null;
                    var column = arguments.GetValueOrDefault("column") is StringLiteralSyntax c ? c.Value : inputName;
                    if (file is null)
                    {
                        Report(arguments["file"].Span, b => b.ScenarioValueNotConstant(Text(arguments["file"])));
                        return null;
                    }

                    if (arguments.GetValueOrDefault("unit") is not { } unitExpression)
                    {
                        return new CsvSignalPlan(file, column, null, 1, 0);
                    }

                    var unit = UnitOf(unitExpression);
                    if (unit is null)
                    {
                        Report(unitExpression.Span, b => b.ScenarioValueNotConstant(Text(unitExpression)));
                        return null;
                    }

                    return new CsvSignalPlan(file, column, Text(unitExpression), unit.Scale, unit.Offset);
                }
        }
    }

    /// <summary>Matches positional then named arguments to parameter names; the binder checked counts and names, so every required one is present.</summary>
    private static Dictionary<string, ExpressionSyntax> Arguments(CallExpressionSyntax call, string[] parameters)
    {
        var result = new Dictionary<string, ExpressionSyntax>(StringComparer.Ordinal);
        for (var i = 0; i < call.Arguments.Length; i++)
        {
            var argument = call.Arguments[i];
            var name = argument.Name?.Text ?? (i < parameters.Length ? parameters[i] : string.Empty);
            result[name] = argument.Value;
        }

        return result;
    }

    private double? Optional(ExpressionSyntax? expression) => expression is null ? 0 : Number(expression);

    private double? Positive(ExpressionSyntax expression, string what)
    {
        var value = Number(expression);
        if (value is not null && !(value > 0))
        {
            Report(expression.Span, b => b.NonPositiveInterval(what, value.Value));
            return null;
        }

        return value;
    }

    private List<double>? Numbers(ExpressionSyntax expression)
    {
        if (expression is not ArrayLiteralExpressionSyntax array)
        {
            Report(expression.Span, b => b.ScenarioValueNotConstant(Text(expression)));
            return null;
        }

        var values = array.Elements.Select(e => Number(e)).ToList();
        return values.Any(v => v is null) ? null : values.Select(v => v ?? 0).ToList();
    }

    /// <summary>A constant in SI, or null after reporting TW5500.</summary>
    private double? Number(ExpressionSyntax expression)
    {
        var value = Evaluate(expression);
        if (value is null)
        {
            Report(expression.Span, b => b.ScenarioValueNotConstant(Text(expression)));
        }

        return value;
    }

    private double? Evaluate(ExpressionSyntax expression)
    {
        switch (expression)
        {
            case NumberLiteralSyntax { Unit: null } plain:
                return plain.Value;
            case NumberLiteralSyntax literal:
                var resolved = _units.ResolveLiteral(literal, _source, new DiagnosticBag());
                return resolved.IsError ? null : resolved.SiValue;
            case ParenthesizedExpressionSyntax parenthesized:
                return Evaluate(parenthesized.Expression);
            case UnaryExpressionSyntax { Operator: UnaryOperator.Negate, Operand: NumberLiteralSyntax { Unit: not null } literal }:
                // '-3 degC' is the temperature minus three degrees, not the negated absolute value.
                return Evaluate(literal with { Value = -literal.Value });
            case UnaryExpressionSyntax { Operator: UnaryOperator.Negate } negate:
                return -Evaluate(negate.Operand);
            case UnaryExpressionSyntax { Operator: UnaryOperator.Plus } plus:
                return Evaluate(plus.Operand);
            case BinaryExpressionSyntax binary:
                var left = Evaluate(binary.Left);
                var right = Evaluate(binary.Right);
                if (left is not { } l || right is not { } r)
                {
                    return null;
                }

                return binary.Operator switch
                {
                    BinaryOperator.Add => l + r,
                    BinaryOperator.Subtract => l - r,
                    BinaryOperator.Multiply => l * r,
                    BinaryOperator.Divide when r != 0 => l / r,
                    BinaryOperator.Power => Math.Pow(l, r),
                    _ => null,
                };
            default:
                return null;
        }
    }

    /// <summary>A unit written as a value (<c>unit = degC</c>, <c>unit = W/m^2</c>).</summary>
    private Unit? UnitOf(ExpressionSyntax expression)
    {
        switch (expression)
        {
            case NameExpressionSyntax { Name: var name }:
                return _units.Units.TryResolve(name.Text, out var unit) ? unit : null;
            case ParenthesizedExpressionSyntax parenthesized:
                return UnitOf(parenthesized.Expression);
            case BinaryExpressionSyntax { Operator: BinaryOperator.Multiply or BinaryOperator.Divide } binary:
                var left = UnitOf(binary.Left);
                var right = UnitOf(binary.Right);
                return left is null || right is null ? null : binary.Operator == BinaryOperator.Multiply ? left.Multiply(right) : left.Divide(right);
            case BinaryExpressionSyntax { Operator: BinaryOperator.Power, Right: NumberLiteralSyntax { IsInteger: true } exponent } power:
                return UnitOf(power.Left)?.Pow((int)exponent.Value);
            default:
                return null;
        }
    }

    private string Name(ExpressionSyntax expression) => string.Concat(Text(expression).Where(c => !char.IsWhiteSpace(c)));

    private string Text(ExpressionSyntax expression) => _source.ToString(expression.Span);

    private void Report(TextSpan span, Func<DiagnosticBuilder, Diagnostic> make) => _diagnostics.Add(make(DiagnosticCatalog.At(_source, span)));
}
