using TwinLang.Runtime.Events;

namespace TwinLang.Runtime;

/// <summary>
/// The immutable shape of a model: its name and the ordered variables of each kind. The index of a variable in
/// its list is its index in the model's contiguous arrays (state vector, <see cref="ITwinModel.ParameterValues"/>,
/// <see cref="ITwinModel.InputValues"/>, output vector). One description is shared by every instance of a model.
/// </summary>
public sealed class ModelDescription
{
    /// <summary>Creates a description; the lists are used as given and must not change afterwards.</summary>
    public ModelDescription(
        string name,
        IReadOnlyList<VariableInfo> states,
        IReadOnlyList<VariableInfo> parameters,
        IReadOnlyList<VariableInfo> inputs,
        IReadOnlyList<VariableInfo> outputs)
        : this(name, states, parameters, inputs, outputs, [], [], [])
    {
    }

    /// <summary>Creates a description of a model with discrete variables, <c>when</c> sections and clocks (see <see cref="ITwinModelEvents"/>).</summary>
    public ModelDescription(
        string name,
        IReadOnlyList<VariableInfo> states,
        IReadOnlyList<VariableInfo> parameters,
        IReadOnlyList<VariableInfo> inputs,
        IReadOnlyList<VariableInfo> outputs,
        IReadOnlyList<VariableInfo> discretes,
        IReadOnlyList<EventSectionInfo> events,
        IReadOnlyList<ClockInfo> clocks)
    {
        Name = name;
        States = states;
        Parameters = parameters;
        Inputs = inputs;
        Outputs = outputs;
        Discretes = discretes;
        Events = events;
        Clocks = clocks;
        var indicators = 0;
        foreach (var section in events)
        {
            indicators += section.IndicatorCount;
        }

        EventIndicatorCount = indicators;
    }

    /// <summary>The model (asset) name.</summary>
    public string Name { get; }

    /// <summary>The states, in state-vector order.</summary>
    public IReadOnlyList<VariableInfo> States { get; }

    /// <summary>The parameters, in <see cref="ITwinModel.ParameterValues"/> order.</summary>
    public IReadOnlyList<VariableInfo> Parameters { get; }

    /// <summary>The inputs, in <see cref="ITwinModel.InputValues"/> order.</summary>
    public IReadOnlyList<VariableInfo> Inputs { get; }

    /// <summary>The outputs, in output-vector order.</summary>
    public IReadOnlyList<VariableInfo> Outputs { get; }

    /// <summary>The discrete variables, in <see cref="ITwinModelEvents.DiscreteValues"/> order (empty for a model without).</summary>
    public IReadOnlyList<VariableInfo> Discretes { get; }

    /// <summary>The <c>when</c> sections, in indicator order.</summary>
    public IReadOnlyList<EventSectionInfo> Events { get; }

    /// <summary>The <c>sampled</c> sections.</summary>
    public IReadOnlyList<ClockInfo> Clocks { get; }

    /// <summary>The number of event indicators over all <see cref="Events"/>.</summary>
    public int EventIndicatorCount { get; }

    /// <summary>The variables of one kind.</summary>
    public IReadOnlyList<VariableInfo> Variables(VariableKind kind) => kind switch
    {
        VariableKind.State => States,
        VariableKind.Parameter => Parameters,
        VariableKind.Input => Inputs,
        VariableKind.Output => Outputs,
        VariableKind.Discrete => Discretes,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown variable kind."),
    };

    /// <summary>The index of the variable of <paramref name="kind"/> named <paramref name="name"/> (ordinal), or -1.</summary>
    public int IndexOf(VariableKind kind, string name)
    {
        var variables = Variables(kind);
        for (var i = 0; i < variables.Count; i++)
        {
            if (string.Equals(variables[i].Name, name, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }
}
