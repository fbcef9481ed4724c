using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using TwinLang.Binding;
using TwinLang.Syntax;
using TwinLang.Text;

namespace TwinLang.LanguageServer;

// Quick fixes for the diagnostics the client sends back with the request. They read what the compiler already
// said (a diagnostic's suggestion, the expected unit) rather than re-deriving it, so fix and message agree.
public sealed partial class LspServer
{
    private static readonly Regex DidYouMean = new(@"(?:Did you mean|the closest known unit is) '([^']+)'", RegexOptions.CultureInvariant);
    private static readonly Regex Quoted = new("'([^']+)'", RegexOptions.CultureInvariant);
    private static readonly Regex ExpectedUnit = new(@"^Expected '[^']+' \(([^)]+)\) but found", RegexOptions.CultureInvariant);

    /// <summary>Codes whose message ends with a did-you-mean suggestion (TW2000 words it as the closest known unit).</summary>
    private static readonly HashSet<string> SuggestingCodes = new(["TW1001", "TW1003", "TW1007", "TW1015", "TW1016", "TW2000"], StringComparer.Ordinal);

    private static JsonNode CodeActions(Snapshot snapshot, JsonNode? parameters)
    {
        var actions = new JsonArray();
        foreach (var diagnostic in parameters?["context"]?["diagnostics"]?.AsArray() ?? [])
        {
            if (diagnostic is null)
            {
                continue;
            }

            var code = diagnostic["code"] is JsonValue c && c.TryGetValue<string>(out var s) ? s : string.Empty;
            var message = diagnostic["message"]?.GetValue<string>() ?? string.Empty;
            var span = Span(snapshot.Text, diagnostic["range"]);
            if (SuggestingCodes.Contains(code) && ReplaceWithSuggestion(snapshot, diagnostic, span, message) is { } replace)
            {
                actions.Add(replace);
            }

            if (code == "TW1001")
            {
                foreach (var import in AddImport(snapshot, diagnostic, message))
                {
                    actions.Add(import);
                }
            }

            if (code == "TW2050" && FixLiteralUnit(snapshot, diagnostic, span, message) is { } unit)
            {
                actions.Add(unit);
            }
        }

        return actions;
    }

    /// <summary>Replaces the misspelt name inside the diagnostic's range with the suggestion of its message.</summary>
    private static JsonObject? ReplaceWithSuggestion(Snapshot snapshot, JsonNode diagnostic, TextSpan span, string message)
    {
        if (DidYouMean.Match(message) is not { Success: true } match)
        {
            return null;
        }

        var replacement = match.Groups[1].Value;
        var covered = snapshot.Text.ToString(span);
        var wrong = Quoted.Matches(message[..match.Index]).Select(m => m.Groups[1].Value).LastOrDefault(q => covered.Contains(q, StringComparison.Ordinal));
        if (wrong is null)
        {
            return null;
        }

        var at = span.Start + covered.LastIndexOf(wrong, StringComparison.Ordinal);
        return QuickFix($"Change to '{replacement}'", diagnostic, snapshot.Text, new TextSpan(at, wrong.Length), replacement, preferred: true);
    }

    /// <summary>For an undeclared name that another package declares: import it.</summary>
    private static IEnumerable<JsonObject> AddImport(Snapshot snapshot, JsonNode diagnostic, string message)
    {
        if (Model(snapshot) is not { } model || Quoted.Match(message) is not { Success: true } quoted)
        {
            yield break;
        }

        var name = quoted.Groups[1].Value;
        var root = snapshot.Tree.Root;
        var own = root.Package?.Name.Text ?? string.Empty;
        var insertAt = root.Imports.Length > 0 ? root.Imports[^1].Span.End : root.Package?.Span.End ?? -1;
        var line = insertAt < 0 ? 0 : snapshot.Text.GetLinePosition(insertAt).Line + 1;
        var offset = snapshot.Text.GetOffset(new LinePosition(line, 0));
        var newline = offset == snapshot.Text.Length && offset > 0 && snapshot.Text.Text[offset - 1] != '\n' ? "\n" : string.Empty;
        foreach (var package in model.Packages.Where(p => p.Name.Length > 0 && p.Name != own && !p.IsPrelude && p.Members.ContainsKey(name)).OrderBy(p => p.Name, StringComparer.Ordinal))
        {
            var qualified = $"{package.Name}.{name}";
            yield return QuickFix($"Import '{qualified}'", diagnostic, snapshot.Text, new TextSpan(offset, 0), $"{newline}import {qualified}\n", preferred: false);
        }
    }

    /// <summary>
    /// For a number literal of the wrong dimension where the message names the expected quantity's unit: write
    /// the literal in that unit (replacing its unit, or adding one to a bare number).
    /// </summary>
    private static JsonObject? FixLiteralUnit(Snapshot snapshot, JsonNode diagnostic, TextSpan span, string message)
    {
        if (ExpectedUnit.Match(message) is not { Success: true } match)
        {
            return null;
        }

        var unit = match.Groups[1].Value;
        var literal = snapshot.Tree.Root.DescendantsAndSelf().OfType<NumberLiteralSyntax>()
            .FirstOrDefault(n => span.Contains(n.Span) && (span == n.Span || snapshot.Text.ToString(span).Trim().TrimStart('-', '+').Trim() == snapshot.Text.ToString(n.Span)));
        if (literal is null)
        {
            return null;
        }

        var target = literal.Unit is { } written ? written.Span : new TextSpan(literal.Span.Start + literal.Text.Length, 0);
        var newText = literal.Unit is null ? " " + unit : unit;
        return QuickFix($"Write the value in '{unit}'", diagnostic, snapshot.Text, target, newText, preferred: false);
    }

    private static JsonObject QuickFix(string title, JsonNode diagnostic, SourceText text, TextSpan span, string newText, bool preferred) => new()
    {
        ["title"] = title,
        ["kind"] = "quickfix",
        ["diagnostics"] = new JsonArray(diagnostic.DeepClone()),
        ["isPreferred"] = preferred,
        ["edit"] = new JsonObject
        {
            ["changes"] = new JsonObject
            {
                [TwinLang.LanguageServer.Documents.UriPaths.ToUri(text.Path)] = new JsonArray(ToEdit(text, span, newText)),
            },
        },
    };
}
