using System.Collections.Concurrent;
using System.Text;
using TwinLang.Text;

namespace TwinLang.LanguageServer.Documents;

/// <summary>One open document: its URI, the client's version and the full current text.</summary>
public sealed record OpenDocument(string Uri, int Version, SourceText Text);

/// <summary>One change of <c>textDocument/didChange</c>: a range (0-based line, UTF-16 column) or, when null, the whole text.</summary>
public sealed record TextChange(LinePosition? Start, LinePosition? End, string NewText);

/// <summary>
/// The open documents, updated only from the read loop (in order), read from any thread. Each update
/// swaps in a new immutable <see cref="OpenDocument"/>, so a request works on a consistent snapshot.
/// </summary>
public sealed class DocumentStore
{
    private readonly ConcurrentDictionary<string, OpenDocument> _documents = new(StringComparer.Ordinal);

    /// <summary>Raised after a document opened, changed or closed, with its URI.</summary>
    public event Action<string>? Changed;

    /// <summary>All open documents.</summary>
    public IReadOnlyCollection<OpenDocument> All => _documents.Values.ToList();

    /// <summary>Opens (or replaces) a document.</summary>
    public void Open(string uri, int version, string text)
    {
        _documents[uri] = new OpenDocument(uri, version, new SourceText(text, UriPaths.ToPath(uri)));
        Changed?.Invoke(uri);
    }

    /// <summary>Applies changes in order; returns false for an unknown document.</summary>
    public bool Change(string uri, int version, IEnumerable<TextChange> changes)
    {
        if (!_documents.TryGetValue(uri, out var document))
        {
            return false;
        }

        var text = document.Text;
        foreach (var change in changes)
        {
            if (change.Start is { } start && change.End is { } end)
            {
                var from = text.GetOffset(start);
                var to = Math.Max(from, text.GetOffset(end));
                var builder = new StringBuilder(text.Length - (to - from) + change.NewText.Length);
                builder.Append(text.Text, 0, from).Append(change.NewText).Append(text.Text, to, text.Length - to);
                text = new SourceText(builder.ToString(), text.Path);
            }
            else
            {
                text = new SourceText(change.NewText, text.Path);
            }
        }

        _documents[uri] = new OpenDocument(uri, version, text);
        Changed?.Invoke(uri);
        return true;
    }

    /// <summary>Closes a document.</summary>
    public void Close(string uri)
    {
        if (_documents.TryRemove(uri, out _))
        {
            Changed?.Invoke(uri);
        }
    }

    /// <summary>The current snapshot of a document, or null.</summary>
    public OpenDocument? Get(string uri) => _documents.TryGetValue(uri, out var document) ? document : null;
}
