using System.Text.RegularExpressions;
using TwinLang.Binding;
using TwinLang.Diagnostics;
using TwinLang.Syntax;
using TwinLang.Lowering.Scenarios;
using System.Globalization;
using TwinLang.Runtime;
using TwinLang.Runtime.Events;
using TwinLang.Runtime.Signals;
using TwinLang.Runtime.Solvers;
using TwinLang.Runtime.TimeSeries;
using TwinLang.Text;
using RuntimeKind = TwinLang.Runtime.VariableKind;

namespace TwinLang.Cli.Running;

/// <summary>
/// Applies a <see cref="ScenarioPlan"/> to a compiled model and runs it: parameter overrides, input signals
/// (CSV inputs read through <see cref="ReadFile"/> by <see cref="PrepareInputs"/>), solver settings, then <see cref="Simulator.Run"/>.
/// Every problem becomes a coded diagnostic: input files at their line and cell, a runtime failure at the
/// declaration of the variable it names (else at the run's anchor), with the time in the message.
/// </summary>
/// <param name="ReadFile">Reads a file's text by path, or returns null when it does not exist or cannot be read.</param>
public sealed record ScenarioRunner(Func<string, string?> ReadFile)
{
    /// <summary>Steps of a fixed-step solver over the span when the scenario gives no step.</summary>
    public const int DefaultFixedSteps = 1000;

    /// <summary>
    /// Builds the input signals of <paramref name="plan"/>, reading CSV inputs relative to the folder of
    /// <paramref name="scenarioPath"/>. Done before compiling, so a bad input file is reported without waiting
    /// for code generation. Inputs whose file failed are left out; their diagnostics say why.
    /// </summary>
    public (IReadOnlyDictionary<string, ISignal> Signals, IReadOnlyList<Diagnostic> Diagnostics) PrepareInputs(ScenarioPlan plan, string scenarioPath)
    {
        var signals = new Dictionary<string, ISignal>(StringComparer.Ordinal);
        var diagnostics = new List<Diagnostic>();
        foreach (var input in plan.Inputs)
        {
            if (Signal(input, scenarioPath, diagnostics) is { } signal)
            {
                signals[input.Name] = signal;
            }
        }

        return (signals, diagnostics);
    }

    /// <summary>
    /// Runs <paramref name="model"/> as <paramref name="plan"/> says with the prepared <paramref name="signals"/>.
    /// <paramref name="anchor"/> locates diagnostics with no better place (the scenario, or the asset's name);
    /// <paramref name="asset"/>, when known, locates variables.
    /// </summary>
    public static RunOutcome Run(ITwinModel model, ScenarioPlan plan, IReadOnlyDictionary<string, ISignal> signals, SymbolLocation anchor, AssetSymbol? asset, Action<SimulationProgress>? progress = null)
    {
        var prepared = Prepare(model, plan, signals, anchor);
        var diagnostics = prepared.Diagnostics;
        if (diagnostics.Any(d => d.IsError))
        {
            return new RunOutcome(null, null, diagnostics);
        }

        var result = Simulator.Run(model, prepared.Options with { Progress = progress });
        if (result.Failure is { } failure)
        {
            diagnostics.Add(FailureDiagnostic(failure, anchor, asset));
        }

        return new RunOutcome(result, result.Series.Select(prepared.Columns), diagnostics);
    }

    /// <summary>
    /// Applies the plan's overrides to <paramref name="model"/> and works out the simulation options (inputs driven by
    /// <paramref name="signals"/>, solver, span) and the result columns the outputs select; the diagnostics say what
    /// the compiled model lacks. Single runs and studies (<see cref="StudyRunner"/>) start here.
    /// </summary>
    public static (SimulationOptions Options, IReadOnlyList<string> Columns, List<Diagnostic> Diagnostics) Prepare(ITwinModel model, ScenarioPlan plan, IReadOnlyDictionary<string, ISignal> signals, SymbolLocation anchor)
    {
        var diagnostics = new List<Diagnostic>();
        foreach (var set in plan.Overrides)
        {
            var indices = Matching(model.Description.Parameters, set.Name);
            if (indices.Count == 0)
            {
                diagnostics.Add(DiagnosticCatalog.At(set.Source, set.Span).RunVariableNotInModel(set.Name, "a parameter"));
            }

            foreach (var index in indices)
            {
                model.ParameterValues[index] = set.Value;
            }
        }

        var inputs = new SignalInputProvider(model.Description.Inputs.Count);
        foreach (var input in plan.Inputs)
        {
            var index = model.Description.IndexOf(RuntimeKind.Input, input.Name);
            if (index < 0)
            {
                diagnostics.Add(DiagnosticCatalog.At(input.Source, input.Span).RunVariableNotInModel(input.Name, "an input"));
            }
            else if (signals.TryGetValue(input.Name, out var signal))
            {
                inputs.Set(index, signal);
            }
        }

        var columns = new List<string>();
        foreach (var name in plan.OutputVariables)
        {
            var named = Columns(model.Description, name);
            if (named.Count == 0)
            {
                diagnostics.Add(DiagnosticCatalog.At(anchor.Source, anchor.Span).RunVariableNotInModel(name, "a state, input, output or discrete variable"));
            }

            columns.AddRange(named);
        }

        var options = new SimulationOptions
        {
            StartTime = plan.StartTime,
            StopTime = plan.StopTime,
            OutputInterval = plan.OutputInterval,
            Inputs = inputs,
            Solver = Solver(plan),
        };
        return (options, columns, diagnostics);
    }

    /// <summary>The runtime's solver settings for a plan; unset settings keep the runtime's defaults.</summary>
    public static SolverOptions Solver(ScenarioPlan plan)
    {
        var solver = plan.Solver;
        var fixedStep = solver.Step ?? (plan.StopTime - plan.StartTime) / DefaultFixedSteps;
        var kind = SolverKindNames.TryParse(solver.Name, out var named) ? named : SolverKind.DormandPrince5;
        var defaults = new SolverOptions();
        return kind switch
        {
            SolverKind.ExplicitEuler or SolverKind.RungeKutta4 => new SolverOptions { Kind = kind, FixedStep = fixedStep },
            _ => new SolverOptions
            {
                Kind = kind,
                RelativeTolerance = solver.RelativeTolerance ?? defaults.RelativeTolerance,
                AbsoluteTolerance = solver.AbsoluteTolerance ?? defaults.AbsoluteTolerance,
                InitialStep = solver.InitialStep,
                MaxStep = solver.MaxStep ?? double.PositiveInfinity,

                // A Rosenbrock method may run with a fixed step; dopri5 and auto always control their error here.
                FixedStep = kind is SolverKind.Rodas3 or SolverKind.Rodas4 ? solver.Step : null,
            },
        };
    }

    private ISignal? Signal(InputPlan input, string scenarioPath, List<Diagnostic> diagnostics)
    {
        switch (input.Signal)
        {
            case ConstantSignalPlan c:
                return new ConstantSignal(c.Value);
            case StepSignalPlan s:
                return new StepSignal(s.At, s.From, s.To);
            case RampSignalPlan r:
                return new RampSignal(r.Start, r.Start + r.Duration, r.From, r.To);
            case SineSignalPlan s:
                return new SineSignal(s.Amplitude, s.Frequency, s.Phase, s.Offset);
            case TableSignalPlan t:
                return new PiecewiseLinearSignal(t.Times, t.Values);
            case CsvSignalPlan csv:
                var path = Path.Combine(Path.GetDirectoryName(scenarioPath) ?? string.Empty, csv.File);
                if (ReadFile(path) is not { } text)
                {
                    diagnostics.Add(DiagnosticCatalog.At(input.Source, input.Span).CsvFileNotFound(csv.File));
                    return null;
                }

                var source = new SourceText(text, path);
                var read = TimeSeriesCsvReader.Read(new StringReader(text), [new CsvColumnRequest(csv.Column, csv.Unit, csv.Scale, csv.Offset)], null);
                diagnostics.AddRange(read.Errors.Select(e => CsvDiagnostics.From(source, e)));
                return read.Succeeded ? read.Signal(csv.Column) : null;
            default:
                throw new InvalidOperationException($"Unhandled signal plan {input.Signal.GetType().Name}.");
        }
    }

    private static Diagnostic FailureDiagnostic(SimulationFailure failure, SymbolLocation anchor, AssetSymbol? asset)
    {
        var name = failure.VariableName;
        var plain = name.StartsWith("der(", StringComparison.Ordinal) && name.EndsWith(')') ? name[4..^1] : name;
        var location = (failure.Event is { } section ? WhenSection(asset, section) : Declaration(asset, plain)) ?? anchor;
        var at = DiagnosticCatalog.At(location.Source, location.Span);
        var variable = name.Length == 0 ? "a variable" : name;
        return failure.Kind switch
        {
            SimulationFailureKind.NonFiniteValue => at.RunNonFiniteValue(variable, failure.Time),
            SimulationFailureKind.StepSizeUnderflow => at.RunStepSizeUnderflow(variable, failure.Time),
            SimulationFailureKind.MaxStepsExceeded => at.RunMaxStepsExceeded(failure.Time),
            SimulationFailureKind.SingularMatrix => at.RunSingularMatrix(failure.Time),
            SimulationFailureKind.InvalidSetup or SimulationFailureKind.Cancelled => at.RunStopped(failure.Message),
            SimulationFailureKind.AlgebraicLoopNotConverged => at.RunAlgebraicLoopFailed(failure.Message),
            SimulationFailureKind.InitializationFailed => at.RunInitializationFailed(failure.Message),
            SimulationFailureKind.EventIterationLimit => at.RunEventIterationLimit(failure.Event?.Text ?? string.Empty, failure.Time, failure.EventCount),
            SimulationFailureKind.Chattering => at.RunChattering(failure.Event?.Text ?? string.Empty, failure.Time, ChatteringDetail(failure)),
            _ => throw new InvalidOperationException($"Unmapped failure kind {failure.Kind}."),
        };
    }

    private static string ChatteringDetail(SimulationFailure failure) =>
        string.Create(CultureInfo.InvariantCulture, $"it fired {failure.EventCount} times within {failure.EventSpan:G3} s.");

    /// <summary>The <c>when</c> section of <paramref name="asset"/> or of an asset it contains declared at the event's file and line.</summary>
    private static SymbolLocation? WhenSection(AssetSymbol? asset, EventSectionInfo section)
    {
        var seen = new HashSet<AssetSymbol>();
        var pending = new Stack<AssetSymbol>();
        if (asset is not null)
        {
            pending.Push(asset);
        }

        while (pending.TryPop(out var current))
        {
            if (!seen.Add(current) || current.Location is not { } location)
            {
                continue;
            }

            foreach (var member in current.AllBodyMembers.OfType<WhenSectionSyntax>())
            {
                var source = location.Source;
                var origin = (source.Path.Length == 0 ? "<input>" : Path.GetFileName(source.Path)) + ":" + (source.GetLinePosition(member.Span.Start).Line + 1).ToString(CultureInfo.InvariantCulture);
                if (origin == section.Origin)
                {
                    return new SymbolLocation(source, member.Condition.Span);
                }
            }

            foreach (var component in current.AllMembers.OfType<ComponentSymbol>())
            {
                if (component.ComponentType is AssetSymbol child)
                {
                    pending.Push(child);
                }
            }
        }

        return null;
    }

    /// <summary>The declaration of a flattened variable name (<c>cells[3].soc</c> → <c>soc</c> in the cell asset), following components.</summary>
    private static SymbolLocation? Declaration(AssetSymbol? asset, string name) =>
        FlattenedNames.Declaration(asset, name)?.Location;

    /// <summary>
    /// Variables named exactly <paramref name="name"/>, or its elements (<c>name[1]</c>, ...) when it names a whole array;
    /// a <c>[*]</c> in the name matches every index (<c>cells[*].r0</c>). In description order.
    /// </summary>
    internal static List<int> Matching(IReadOnlyList<VariableInfo> variables, string name)
    {
        var pattern = new Regex("^" + Regex.Escape(name).Replace(@"\[\*]", @"\[[0-9, ]+]", StringComparison.Ordinal) + @"(\[[0-9, ]+])?$", RegexOptions.CultureInvariant);
        var result = new List<int>();
        for (var i = 0; i < variables.Count; i++)
        {
            if (pattern.IsMatch(variables[i].Name))
            {
                result.Add(i);
            }
        }

        return result;
    }

    /// <summary>The result columns a scenario output names: the variable itself, or every element of an array.</summary>
    private static List<string> Columns(ModelDescription description, string name)
    {
        IReadOnlyList<VariableInfo>[] kinds = [description.States, description.Inputs, description.Outputs, description.Discretes];
        if (kinds.Any(variables => variables.Any(v => v.Name == name)))
        {
            return [name];
        }

        return [.. kinds.SelectMany(variables => Matching(variables, name).Select(i => variables[i].Name))];
    }
}
