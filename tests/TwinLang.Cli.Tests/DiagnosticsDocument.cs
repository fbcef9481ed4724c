using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace TwinLang.Cli.Tests;

/// <summary>One <c>### TWnnnn: Title (severity)</c> entry of docs/diagnostics.md.</summary>
/// <param name="ExampleKind">"twin", "files", or null when the entry says there is no example.</param>
internal sealed record DiagnosticsEntry(string Code, string Title, string Severity, string Body, string? ExampleKind, string Example, bool SaysNoExample);

/// <summary>Reads docs/diagnostics.md in the format its top describes.</summary>
internal static partial class DiagnosticsDocument
{
    public static string RepositoryFile(string relative) => Path.Combine(TwinLang.Testing.Baseline.RepositoryRoot(), relative);

    public static IReadOnlyList<DiagnosticsEntry> Load() => Parse(File.ReadAllText(RepositoryFile("docs/diagnostics.md")).ReplaceLineEndings("\n"));

    public static IReadOnlyList<DiagnosticsEntry> Parse(string markdown)
    {
        var entries = new List<DiagnosticsEntry>();
        var headings = Heading().Matches(markdown);
        foreach (Match heading in headings)
        {
            var bodyStart = heading.Index + heading.Length;
            var next = NextHeading().Match(markdown, bodyStart);
            var body = markdown[bodyStart..(next.Success ? next.Index : markdown.Length)];
            var example = Example().Match(body);
            entries.Add(new DiagnosticsEntry(
                heading.Groups["code"].Value,
                heading.Groups["title"].Value,
                heading.Groups["severity"].Value,
                body,
                example.Success ? example.Groups["kind"].Value : null,
                example.Success ? example.Groups["code"].Value : "",
                body.Contains("There is no example", StringComparison.Ordinal)));
        }

        return entries;
    }

    /// <summary>A <c>files</c> example: the command's arguments and each file's bytes.</summary>
    public static (string[] Args, IReadOnlyList<(string Path, byte[] Bytes)> Files) ParseFiles(string block)
    {
        var args = new[] { "check", "." };
        var files = new List<(string, byte[])>();
        string? path = null;
        var content = new StringBuilder();
        foreach (var line in block.TrimEnd('\n').Split('\n'))
        {
            if (path is null && files.Count == 0 && line.StartsWith("$ twin ", StringComparison.Ordinal))
            {
                args = [.. Unescape(line["$ twin ".Length..]).Split(' ', StringSplitOptions.RemoveEmptyEntries)];
            }
            else if (line.StartsWith("--- ", StringComparison.Ordinal))
            {
                Flush();
                path = line[4..].Trim();
            }
            else if (path is not null)
            {
                content.Append(line).Append('\n');
            }
        }

        Flush();
        return (args, files);

        void Flush()
        {
            if (path is not null)
            {
                files.Add((path, Bytes(content.ToString())));
            }

            content.Clear();
        }
    }

    // \xNN is a raw byte in file content (so invalid UTF-8 can be written) and a character in arguments.
    private static byte[] Bytes(string text)
    {
        var bytes = new List<byte>();
        foreach (var part in EscapeSplit().Split(text))
        {
            if (Escape().Match(part) is { Success: true } escape && escape.Length == part.Length)
            {
                bytes.Add(byte.Parse(escape.Groups[1].Value, NumberStyles.HexNumber, CultureInfo.InvariantCulture));
            }
            else
            {
                bytes.AddRange(Encoding.UTF8.GetBytes(part));
            }
        }

        return [.. bytes];
    }

    private static string Unescape(string text) =>
        Escape().Replace(text, m => ((char)int.Parse(m.Groups[1].Value, NumberStyles.HexNumber, CultureInfo.InvariantCulture)).ToString());

    [GeneratedRegex(@"^### (?<code>TW\d{4}): (?<title>.+) \((?<severity>error|warning|info)\)$", RegexOptions.Multiline)]
    private static partial Regex Heading();

    [GeneratedRegex(@"^##", RegexOptions.Multiline)]
    private static partial Regex NextHeading();

    [GeneratedRegex(@"```(?<kind>twin|files)\n(?<code>.*?)```", RegexOptions.Singleline)]
    private static partial Regex Example();

    [GeneratedRegex(@"\\x([0-9A-Fa-f]{2})")]
    private static partial Regex Escape();

    [GeneratedRegex(@"(\\x[0-9A-Fa-f]{2})")]
    private static partial Regex EscapeSplit();
}
