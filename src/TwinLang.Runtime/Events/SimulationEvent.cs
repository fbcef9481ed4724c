namespace TwinLang.Runtime.Events;

/// <summary>One event of a run.</summary>
/// <param name="Time">When it happened, in seconds.</param>
/// <param name="Kind">A <c>when</c> event or a clock tick.</param>
/// <param name="Section">The index in <see cref="ModelDescription.Events"/> or <see cref="ModelDescription.Clocks"/>.</param>
/// <param name="Element">The element of a section repeated over component arrays (0-based, row-major); 0 otherwise.</param>
/// <param name="Origin">Where the section is declared, <c>file:line</c>.</param>
public readonly record struct SimulationEvent(double Time, SimulationEventKind Kind, int Section, int Element, string Origin);
