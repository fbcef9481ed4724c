using System.Text;
using System.Text.Json;
using TwinLang.Diagnostics;

namespace TwinLang.Cli;

/// <summary>
/// Writes diagnostics as a SARIF 2.1.0 log, the format code-scanning services ingest. Rules are the codes
/// that occur, sorted; locations are 1-based with an exclusive end column, as SARIF's regions are.
/// </summary>
public static class SarifWriter
{
    /// <summary>The SARIF version written.</summary>
    public const string Version = "2.1.0";

    /// <summary>The schema the log declares.</summary>
    public const string Schema = "https://json.schemastore.org/sarif-2.1.0.json";

    /// <summary>Where each rule's documentation lives, relative to the repository root.</summary>
    public const string HelpDocument = "docs/diagnostics.md";

    /// <summary>Renders the log for <paramref name="diagnostics"/> (already sorted).</summary>
    public static string Render(IReadOnlyList<Diagnostic> diagnostics, string toolVersion)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, NewLine = "\n", Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartObject();
            writer.WriteString("$schema", Schema);
            writer.WriteString("version", Version);
            writer.WriteStartArray("runs");
            writer.WriteStartObject();
            WriteTool(writer, diagnostics, toolVersion);
            writer.WriteStartArray("results");
            foreach (var diagnostic in diagnostics)
            {
                WriteResult(writer, diagnostic);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    /// <summary>A path as a SARIF artifact URI: relative paths stay relative (with <c>/</c>), rooted ones become <c>file://</c> URIs.</summary>
    public static string ToUri(string path)
    {
        if (Path.IsPathRooted(path))
        {
            return new Uri(path).AbsoluteUri;
        }

        return string.Join('/', path.Replace('\\', '/').Split('/').Select(Uri.EscapeDataString));
    }

    private static void WriteTool(Utf8JsonWriter writer, IReadOnlyList<Diagnostic> diagnostics, string toolVersion)
    {
        writer.WriteStartObject("tool");
        writer.WriteStartObject("driver");
        writer.WriteString("name", "twin");
        writer.WriteString("version", toolVersion);
        writer.WriteString("informationUri", HelpDocument);
        writer.WriteStartArray("rules");
        // The first message of each code describes the rule; diagnostics arrive sorted, so this is deterministic.
        foreach (var rule in diagnostics.GroupBy(d => d.Code, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            writer.WriteStartObject();
            writer.WriteString("id", rule.Key);
            writer.WriteStartObject("shortDescription");
            writer.WriteString("text", rule.First().Message);
            writer.WriteEndObject();
            writer.WriteString("helpUri", $"{HelpDocument}#{rule.Key.ToLowerInvariant()}");
            writer.WriteStartObject("defaultConfiguration");
            writer.WriteString("level", Level(rule.First().Severity));
            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    private static void WriteResult(Utf8JsonWriter writer, Diagnostic diagnostic)
    {
        var start = diagnostic.Start;
        var end = diagnostic.End;
        writer.WriteStartObject();
        writer.WriteString("ruleId", diagnostic.Code);
        writer.WriteString("level", Level(diagnostic.Severity));
        writer.WriteStartObject("message");
        writer.WriteString("text", diagnostic.Message);
        writer.WriteEndObject();
        writer.WriteStartArray("locations");
        writer.WriteStartObject();
        writer.WriteStartObject("physicalLocation");
        writer.WriteStartObject("artifactLocation");
        writer.WriteString("uri", ToUri(diagnostic.Path));
        writer.WriteEndObject();
        writer.WriteStartObject("region");
        writer.WriteNumber("startLine", start.Line + 1);
        writer.WriteNumber("startColumn", start.Column + 1);
        writer.WriteNumber("endLine", end.Line + 1);
        writer.WriteNumber("endColumn", end.Column + 1);
        writer.WriteEndObject();
        writer.WriteEndObject();
        writer.WriteEndObject();
        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static string Level(DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Error => "error",
        DiagnosticSeverity.Warning => "warning",
        DiagnosticSeverity.Info => "note",
        _ => throw new InvalidOperationException($"Unknown severity {severity}."),
    };
}
