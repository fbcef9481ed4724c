using System.Collections.Immutable;
using System.Text.Json.Nodes;
using TwinLang.Compiler;
using TwinLang.Diagnostics;
using TwinLang.LanguageServer.Documents;
using TwinLang.Syntax;
using TwinLang.Text;

namespace TwinLang.LanguageServer;

// Diagnostics are pushed (textDocument/publishDiagnostics), debounced: each edit restarts a short timer and
// only the compilation after the last edit of a burst is checked. Each run publishes the edited documents and
// the open documents that import their packages, tagged with the version that was checked.
public sealed partial class LspServer
{
    private readonly object _diagnosticsGate = new();
    private readonly HashSet<string> _pendingDiagnostics = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _publishing = new(1, 1);
    private CancellationTokenSource? _diagnosticsTimer;
    private long _diagnosticsGeneration;
    private long _publishedGeneration;

    private void ScheduleDiagnostics(string uri)
    {
        CancellationTokenSource timer;
        long generation;
        lock (_diagnosticsGate)
        {
            _pendingDiagnostics.Add(uri);
            _diagnosticsTimer?.Cancel();
            _diagnosticsTimer = timer = new CancellationTokenSource();
            generation = ++_diagnosticsGeneration;
        }

        _ = Task.Run(() => PublishAfterDelayAsync(generation, timer.Token));
    }

    private async Task PublishAfterDelayAsync(long generation, CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(_options.DiagnosticsDelay, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return; // A newer edit restarted the timer.
        }

        await _publishing.WaitAsync(CancellationToken.None).ConfigureAwait(false);
        try
        {
            string[] uris;
            Compilation compilation;
            IReadOnlyCollection<OpenDocument> open;
            lock (_diagnosticsGate)
            {
                if (generation < _publishedGeneration)
                {
                    return;
                }

                _publishedGeneration = generation;
                uris = [.. _pendingDiagnostics];
                _pendingDiagnostics.Clear();

                // The snapshot is taken under the gate the read loop schedules under, so it is at least as new as this run.
                compilation = _workspace.Current;
                open = Documents.All;
            }

            foreach (var (uri, version, diagnostics) in Analyze(compilation, open, uris))
            {
                await _endpoint.NotifyAsync("textDocument/publishDiagnostics", new JsonObject
                {
                    ["uri"] = uri,
                    ["version"] = version,
                    ["diagnostics"] = new JsonArray([.. diagnostics]),
                }).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            await _log.WriteLineAsync($"Publishing diagnostics failed: {e}").ConfigureAwait(false);
        }
        finally
        {
            _publishing.Release();
        }
    }

    /// <summary>The diagnostics of each affected open document. Never throws: a compiler failure becomes TW9001 on each document.</summary>
    private List<(string Uri, int Version, List<JsonNode> Diagnostics)> Analyze(Compilation compilation, IReadOnlyCollection<OpenDocument> open, IReadOnlyCollection<string> changed)
    {
        var affected = AffectedDocuments(compilation, open, changed);
        ImmutableArray<Diagnostic> all;
        try
        {
            all = _options.CollectDiagnostics(compilation);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return affected
                .Select(d => (d.Uri, d.Version, new List<JsonNode> { ToJson(DiagnosticCatalog.At(d.Text, default).InternalError("analysis", $"{e.GetType().Name}: {e.Message.TrimEnd('.')}")) }))
                .ToList();
        }

        var byPath = all.ToLookup(d => d.Path, StringComparer.Ordinal);
        return affected.Select(d => (d.Uri, d.Version, byPath[d.Text.Path].Select(ToJson).ToList())).ToList();
    }

    /// <summary>The changed documents that are open, and the open documents whose imports name a changed document's package.</summary>
    private static List<OpenDocument> AffectedDocuments(Compilation compilation, IReadOnlyCollection<OpenDocument> open, IReadOnlyCollection<string> changed)
    {
        var packages = new HashSet<string>(StringComparer.Ordinal);
        foreach (var document in open.Where(d => changed.Contains(d.Uri)))
        {
            packages.Add(PackageOf(compilation, document));
        }

        return open
            .Where(d => changed.Contains(d.Uri) || (compilation.GetSyntaxTree(d.Text.Path) is { } tree && Imports(tree, packages)))
            .OrderBy(d => d.Uri, StringComparer.Ordinal)
            .ToList();
    }

    private static string PackageOf(Compilation compilation, OpenDocument document) =>
        compilation.GetSyntaxTree(document.Text.Path)?.Root.Package?.Name.Text ?? string.Empty;

    private static bool Imports(SyntaxTree tree, HashSet<string> packages) =>
        tree.Root.Package is { } own && packages.Contains(own.Name.Text)
        || tree.Root.Imports.Any(i => packages.Any(p => p.Length > 0 && (i.Name.Text == p || i.Name.Text.StartsWith(p + ".", StringComparison.Ordinal))));

    /// <summary>The LSP form of a diagnostic.</summary>
    private static JsonNode ToJson(Diagnostic diagnostic) => new JsonObject
    {
        ["range"] = ToRange(diagnostic.Source, diagnostic.Span),
        ["severity"] = diagnostic.Severity switch
        {
            DiagnosticSeverity.Error => 1,
            DiagnosticSeverity.Warning => 2,
            _ => 3,
        },
        ["code"] = diagnostic.Code,
        ["source"] = "twin",
        ["message"] = diagnostic.Message,
    };

    /// <summary>Clears the diagnostics of a closed document right away.</summary>
    private void ClearDiagnostics(string uri) =>
        _ = _endpoint.NotifyAsync("textDocument/publishDiagnostics", new JsonObject { ["uri"] = uri, ["diagnostics"] = new JsonArray() });
}
