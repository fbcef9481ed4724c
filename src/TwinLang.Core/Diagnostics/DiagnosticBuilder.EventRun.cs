namespace TwinLang.Diagnostics;

// TW5560..TW5569: runtime failures of events and clocked sections in `twin run`, located at the 'when' section.
public readonly partial struct DiagnosticBuilder
{
    /// <summary>TW5560: event iteration did not end at one time.</summary>
    public Diagnostic RunEventIterationLimit(string condition, double time, int rounds) =>
        Error("TW5560", $"Expected event iteration to settle at t = {Seconds(time)} but {Quote(condition)} still fired after {rounds.ToString(System.Globalization.CultureInfo.InvariantCulture)} rounds. Make sure the handlers do not keep making 'when' conditions true.");

    /// <summary>TW5561: a <c>when</c> section fired too often in too short a time.</summary>
    public Diagnostic RunChattering(string condition, double time, string detail) =>
        Error("TW5561", $"The event {Quote(condition)} chatters near t = {Seconds(time)}: {detail} Add a hysteresis to the condition or 'terminate' the run.");
}
