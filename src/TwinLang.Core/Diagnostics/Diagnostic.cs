using System.Globalization;
using TwinLang.Text;

namespace TwinLang.Diagnostics;

/// <summary>
/// One coded message about a span of one source. Only <see cref="DiagnosticCatalog"/> creates these,
/// so that every code has exactly one message shape and one severity.
/// </summary>
public sealed record Diagnostic(string Code, DiagnosticSeverity Severity, SourceText Source, TextSpan Span, string Message)
{
    /// <summary>True for <see cref="DiagnosticSeverity.Error"/>.</summary>
    public bool IsError => Severity == DiagnosticSeverity.Error;

    /// <summary>The file path of the source.</summary>
    public string Path => Source.Path;

    /// <summary>Start position (zero-based).</summary>
    public LinePosition Start => Source.GetLinePosition(Span.Start);

    /// <summary>End position (zero-based, exclusive).</summary>
    public LinePosition End => Source.GetLinePosition(Span.End);

    /// <summary>The canonical MSBuild form: <c>file(line,col): error TW0001: message</c>.</summary>
    public string ToMsBuildString()
    {
        var start = Start;
        var severity = Severity switch
        {
            DiagnosticSeverity.Error => "error",
            DiagnosticSeverity.Warning => "warning",
            DiagnosticSeverity.Info => "info",
            _ => throw new InvalidOperationException($"Unknown severity {Severity}."),
        };
        return string.Create(CultureInfo.InvariantCulture, $"{Path}({start.Line + 1},{start.Column + 1}): {severity} {Code}: {Message}");
    }

    /// <inheritdoc />
    public override string ToString() => ToMsBuildString();
}
