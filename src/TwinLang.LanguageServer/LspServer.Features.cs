using System.Text.Json.Nodes;
using TwinLang.Compiler;
using TwinLang.LanguageServer.Documents;
using TwinLang.LanguageServer.JsonRpc;
using TwinLang.Syntax;
using TwinLang.Text;

namespace TwinLang.LanguageServer;

// The plumbing every feature shares: a request takes a consistent snapshot (document + compilation) on the
// read loop, then computes off it on the thread pool, so edits keep flowing while it runs.
public sealed partial class LspServer
{
    /// <summary>One document as a request sees it, with the compilation it belongs to.</summary>
    private sealed record Snapshot(OpenDocument Document, Compilation Compilation)
    {
        public SourceText Text => Document.Text;

        public SyntaxTree Tree => Compilation.GetSyntaxTree(Document.Text.Path) ?? Compilation.WithSource(Document.Text).GetSyntaxTree(Document.Text.Path)
            ?? throw new InvalidOperationException("A compilation lost the document it was given.");

        /// <summary>The offset of an LSP position in the request's parameters (clamped into the text).</summary>
        public int Offset(JsonNode? parameters) => Text.GetOffset(Position(parameters?["position"]));
    }

    /// <summary>
    /// Registers a document request. A document that is not open answers null (the protocol's "no result"),
    /// never an error, so a client racing a close sees nothing break.
    /// </summary>
    private void DocumentRequest(string method, Func<Snapshot, JsonNode?, CancellationToken, JsonNode?> compute) =>
        Request(method, (parameters, cancellationToken) =>
        {
            var document = Documents.Get(Uri(parameters));
            if (document is null)
            {
                return Task.FromResult<JsonNode?>(null);
            }

            var snapshot = new Snapshot(document, _workspace.Current);
            return Task.Run(() => compute(snapshot, parameters, cancellationToken), cancellationToken);
        });

    /// <summary>Registers a request that needs no document (workspace symbols).</summary>
    private void WorkspaceRequest(string method, Func<Compilation, JsonNode?, CancellationToken, JsonNode?> compute) =>
        Request(method, (parameters, cancellationToken) =>
        {
            var compilation = _workspace.Current;
            return Task.Run(() => compute(compilation, parameters, cancellationToken), cancellationToken);
        });

    /// <summary>The span of an LSP range in a text.</summary>
    private static TextSpan Span(SourceText text, JsonNode? range)
    {
        if (range is null)
        {
            throw new JsonRpcException(ErrorCodes.InvalidParams, "Expected a range.");
        }

        var start = text.GetOffset(Position(range["start"]));
        return TextSpan.FromBounds(start, Math.Max(start, text.GetOffset(Position(range["end"]))));
    }

    /// <summary>An LSP location.</summary>
    private static JsonObject ToLocation(SourceText text, TextSpan span) => new()
    {
        ["uri"] = UriPaths.ToUri(text.Path),
        ["range"] = ToRange(text, span),
    };

    /// <summary>An LSP text edit.</summary>
    private static JsonObject ToEdit(SourceText text, TextSpan span, string newText) => new()
    {
        ["range"] = ToRange(text, span),
        ["newText"] = newText,
    };
}
