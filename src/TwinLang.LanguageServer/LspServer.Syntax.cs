using System.Text.Json.Nodes;
using TwinLang.Formatting;
using TwinLang.LanguageServer.Features;

namespace TwinLang.LanguageServer;

// Features that need only the syntax tree: they work in files that do not bind.
public sealed partial class LspServer
{
    partial void RegisterSyntaxFeatures()
    {
        DocumentRequest("textDocument/semanticTokens/full", (s, _, _) => SemanticTokens(s, null));
        DocumentRequest("textDocument/semanticTokens/range", (s, p, _) => SemanticTokens(s, Span(s.Text, p?["range"])));
        DocumentRequest("textDocument/foldingRange", (s, _, _) => new JsonArray([.. FoldingRanges.Compute(s.Tree).Select(ToJson)]));
        DocumentRequest("textDocument/documentSymbol", (s, _, _) => new JsonArray([.. Outline.Compute(s.Tree).Select(i => ToJson(s.Text, i))]));
        DocumentRequest("textDocument/formatting", (s, _, _) => Format(s));
    }

    partial void AddSyntaxCapabilities(JsonObject capabilities)
    {
        capabilities["semanticTokensProvider"] = new JsonObject
        {
            ["legend"] = new JsonObject
            {
                ["tokenTypes"] = new JsonArray([.. SemanticTokenLegend.TokenTypes.Select(t => (JsonNode)t)]),
                ["tokenModifiers"] = new JsonArray([.. SemanticTokenLegend.TokenModifiers.Select(t => (JsonNode)t)]),
            },
            ["full"] = true,
            ["range"] = true,
        };
        capabilities["foldingRangeProvider"] = true;
        capabilities["documentSymbolProvider"] = true;
        capabilities["documentFormattingProvider"] = true;
    }

    /// <summary>
    /// Whole-document formatting. A file with syntax errors is left alone (no edits): the formatter needs a
    /// complete tree, and reformatting half-typed code would fight the user.
    /// </summary>
    private static JsonNode Format(Snapshot snapshot)
    {
        var tree = snapshot.Tree;
        if (tree.Diagnostics.Any(d => d.IsError))
        {
            return new JsonArray();
        }

        return new JsonArray([.. TwinFormatter.GetEdits(tree).Select(e => (JsonNode)ToEdit(snapshot.Text, e.Span, e.NewText))]);
    }

    private JsonNode SemanticTokens(Snapshot snapshot, Text.TextSpan? range)
    {
        var spans = SemanticTokenClassifier.Classify(snapshot.Tree, range, BoundClassifier(snapshot));
        var data = new JsonArray();
        int previousLine = 0, previousColumn = 0;
        foreach (var span in spans)
        {
            // The wire format is relative: line delta, then column delta on the same line (absolute on a new line).
            data.Add(span.Line - previousLine);
            data.Add(span.Line == previousLine ? span.Column - previousColumn : span.Column);
            data.Add(span.Length);
            data.Add((int)span.Type);
            data.Add((int)span.Modifiers);
            previousLine = span.Line;
            previousColumn = span.Column;
        }

        return new JsonObject { ["data"] = data };
    }

    private static JsonNode ToJson(FoldingRange range)
    {
        var json = new JsonObject { ["startLine"] = range.StartLine, ["endLine"] = range.EndLine };
        if (range.Kind is { } kind)
        {
            json["kind"] = kind;
        }

        return json;
    }

    private static JsonNode ToJson(Text.SourceText text, OutlineItem item) => new JsonObject
    {
        ["name"] = item.Name,
        ["detail"] = item.Detail,
        ["kind"] = (int)item.Kind,
        ["range"] = ToRange(text, item.Span),
        ["selectionRange"] = ToRange(text, item.NameSpan),
        ["children"] = new JsonArray([.. item.Children.Select(c => ToJson(text, c))]),
    };
}
