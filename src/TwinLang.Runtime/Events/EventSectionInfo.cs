namespace TwinLang.Runtime.Events;

/// <summary>One <c>when</c> section of a model and the event indicators it owns.</summary>
/// <param name="Origin">Where it is declared, <c>file:line</c>.</param>
/// <param name="Line">The 1-based source line.</param>
/// <param name="Text">The source text of the condition, for messages.</param>
/// <param name="FirstIndicator">The index of its first indicator.</param>
/// <param name="IndicatorCount">The number of indicators: one per element of the component arrays it is repeated over.</param>
public sealed record EventSectionInfo(string Origin, int Line, string Text, int FirstIndicator, int IndicatorCount);
