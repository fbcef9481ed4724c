using System.Globalization;
using TwinLang.Diagnostics;

namespace TwinLang.Cli;

/// <summary>Writes diagnostics as canonical MSBuild lines and the one-line summary every command ends with.</summary>
public static class DiagnosticPrinter
{
    /// <summary>One line per diagnostic, in the order given (callers pass them sorted).</summary>
    public static void WriteText(TextWriter output, IEnumerable<Diagnostic> diagnostics)
    {
        foreach (var diagnostic in diagnostics)
        {
            output.Write(diagnostic.ToMsBuildString());
            output.Write('\n');
        }
    }

    /// <summary><c>2 error(s), 1 warning(s)</c> on the error writer, so piping stdout keeps only diagnostics.</summary>
    public static void WriteSummary(TextWriter error, IReadOnlyCollection<Diagnostic> diagnostics)
    {
        var errors = diagnostics.Count(d => d.Severity == DiagnosticSeverity.Error);
        var warnings = diagnostics.Count(d => d.Severity == DiagnosticSeverity.Warning);
        error.Write(string.Create(CultureInfo.InvariantCulture, $"{errors} error(s), {warnings} warning(s)\n"));
    }
}
