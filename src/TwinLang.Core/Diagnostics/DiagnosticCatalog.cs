using TwinLang.Text;

namespace TwinLang.Diagnostics;

/// <summary>
/// The one place diagnostics are made. <c>DiagnosticCatalog.At(source, span).UnknownUnit("mV2")</c>:
/// one factory per code, split by phase across partial files of <see cref="DiagnosticBuilder"/>
/// (Parsing TW0xxx, Names TW1xxx, Units TW2xxx, Equations TW3xxx, Emit TW4xxx, Project TW5xxx,
/// Internal TW9xxx). A retired code stays in its file as a comment with the reason, never reused.
/// </summary>
public static class DiagnosticCatalog
{
    /// <summary>Starts a diagnostic at <paramref name="span"/> of <paramref name="source"/>.</summary>
    public static DiagnosticBuilder At(SourceText source, TextSpan span) => new(source, span);
}

/// <summary>Carries the location while a factory method supplies code, severity and message.</summary>
public readonly partial struct DiagnosticBuilder
{
    private readonly SourceText _source;
    private readonly TextSpan _span;

    internal DiagnosticBuilder(SourceText source, TextSpan span)
    {
        _source = source;
        _span = span;
    }

    private Diagnostic Error(string code, string message) => new(code, DiagnosticSeverity.Error, _source, _span, message);

    private Diagnostic Warning(string code, string message) => new(code, DiagnosticSeverity.Warning, _source, _span, message);

    private Diagnostic Info(string code, string message) => new(code, DiagnosticSeverity.Info, _source, _span, message);

    /// <summary>Quotes user text for a message, cut to 80 characters.</summary>
    internal static string Quote(string text)
    {
        var oneLine = text.ReplaceLineEndings(" ");
        return oneLine.Length <= 80 ? $"'{oneLine}'" : $"'{oneLine[..77]}...'";
    }
}
