using System.Text.RegularExpressions;
using TwinLang.Diagnostics;

namespace TwinLang.Compiler.Tests;

/// <summary>What every diagnostic on any input must look like: coded, in range, a sentence, never an internal error.</summary>
internal static partial class DiagnosticAssert
{
    /// <summary>The first problem with <paramref name="diagnostics"/>, or null when all are well-formed.</summary>
    public static string? FindProblem(IEnumerable<Diagnostic> diagnostics)
    {
        foreach (var d in diagnostics)
        {
            if (!Code().IsMatch(d.Code))
            {
                return $"malformed code '{d.Code}': {d}";
            }

            if (d.Code == "TW9001")
            {
                return $"internal error: {d}";
            }

            // A 'Did you mean ...?' hint may close the message; anything else must end a sentence.
            if (d.Message.Length == 0 || !(d.Message.EndsWith('.') || d.Message.EndsWith('?')))
            {
                return $"message is not a sentence: {d}";
            }

            if (d.Span.Start < 0 || d.Span.Length < 0 || d.Span.End > d.Source.Length)
            {
                return $"span {d.Span} outside the text of length {d.Source.Length}: {d}";
            }
        }

        return null;
    }

    public static void AllWellFormed(IEnumerable<Diagnostic> diagnostics)
    {
        if (FindProblem(diagnostics) is { } problem)
        {
            throw new Xunit.Sdk.XunitException(problem);
        }
    }

    [GeneratedRegex(@"^TW\d{4}$")]
    private static partial Regex Code();
}
