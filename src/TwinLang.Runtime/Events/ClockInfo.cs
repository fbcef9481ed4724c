namespace TwinLang.Runtime.Events;

/// <summary>One <c>sampled</c> section of a model; its period and offset come from <see cref="ITwinModelEvents"/>.</summary>
/// <param name="Origin">Where it is declared, <c>file:line</c>.</param>
/// <param name="Line">The 1-based source line.</param>
/// <param name="Text">The source text of its header, for messages.</param>
public sealed record ClockInfo(string Origin, int Line, string Text);
