using System.Text.Json.Nodes;
using TwinLang.Binding;
using TwinLang.LanguageServer.Features;

namespace TwinLang.LanguageServer;

// Signature help reads the text backwards from the cursor to the unmatched '(' of the call being typed, so it
// works while the call is still incomplete, then asks the semantic model what the callee is.
public sealed partial class LspServer
{
    private static JsonNode? SignatureHelp(Snapshot snapshot, int offset)
    {
        if (Model(snapshot) is not { } model || OpenCall(snapshot.Text.Text, offset) is not { } call)
        {
            return null;
        }

        var callable = model.GetVisibleSymbols(snapshot.Text, offset).OfType<CallableSymbol>().FirstOrDefault(c => c.Name == call.Callee)
            ?? model.LookupQualified(call.Callee) as CallableSymbol;
        if (callable is null)
        {
            return null;
        }

        var label = SymbolDescriptions.CallableLabel(callable, out var ranges);
        var signature = new JsonObject
        {
            ["label"] = label,
            ["parameters"] = new JsonArray([.. ranges.Select(r => (JsonNode)new JsonObject { ["label"] = new JsonArray(r.Start, r.End) })]),
        };
        if (callable.DocComment is { Length: > 0 } doc)
        {
            signature["documentation"] = new JsonObject { ["kind"] = "markdown", ["value"] = doc };
        }

        return new JsonObject
        {
            ["signatures"] = new JsonArray(signature),
            ["activeSignature"] = 0,
            ["activeParameter"] = Math.Min(call.Argument, Math.Max(0, callable.Parameters.Count - 1)),
        };
    }

    /// <summary>The dotted callee before the innermost unclosed '(' left of the cursor, and the index of the argument the cursor is in.</summary>
    private static (string Callee, int Argument)? OpenCall(string text, int offset)
    {
        var depth = 0;
        var commas = 0;
        for (var i = Math.Min(offset, text.Length) - 1; i >= 0; i--)
        {
            var c = text[i];
            if (c is ')' or ']')
            {
                depth++;
            }
            else if (c is '[' && depth > 0)
            {
                depth--;
            }
            else if (c == '(' && depth > 0)
            {
                depth--;
            }
            else if (c == ',' && depth == 0)
            {
                commas++;
            }
            else if (c is '{' or '}' && depth == 0)
            {
                return null;
            }
            else if (c == '(' && depth == 0)
            {
                var end = i;
                while (end > 0 && text[end - 1] == ' ')
                {
                    end--;
                }

                var start = end;
                while (start > 0 && (char.IsLetterOrDigit(text[start - 1]) || text[start - 1] is '_' or '.'))
                {
                    start--;
                }

                return start < end ? (text[start..end], commas) : null;
            }
        }

        return null;
    }
}
