namespace TwinLang.Runtime.Events;

/// <summary>What caused an entry of <see cref="SimulationResult.Events"/>.</summary>
public enum SimulationEventKind
{
    /// <summary>A <c>when</c> condition became true (a located zero crossing, or during event iteration).</summary>
    StateEvent,

    /// <summary>A tick of a <c>sampled</c> section.</summary>
    ClockTick,
}
