namespace TwinLang.Cli;

/// <summary>Where a command writes and which folder relative paths start from; tests pass their own.</summary>
/// <param name="Out">Diagnostics, SARIF and file lists.</param>
/// <param name="Error">Summaries and usage errors.</param>
/// <param name="WorkingDirectory">The folder relative paths are resolved against.</param>
public sealed record CliContext(TextWriter Out, TextWriter Error, string WorkingDirectory);
