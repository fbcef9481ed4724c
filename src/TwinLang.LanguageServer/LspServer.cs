using System.Text.Json.Nodes;
using TwinLang.LanguageServer.Documents;
using TwinLang.Compiler;
using TwinLang.LanguageServer.JsonRpc;
using TwinLang.LanguageServer.Workspace;
using TwinLang.Text;

namespace TwinLang.LanguageServer;

/// <summary>
/// The TwinLang language server: lifecycle (initialize, initialized, shutdown, exit), text synchronisation
/// and the feature handlers in the partial files <c>LspServer.*.cs</c>. LSP shapes exist only here, as
/// JSON; positions are converted to offsets at this edge and everything else asks the compiler.
/// </summary>
public sealed partial class LspServer
{
    private readonly JsonRpcEndpoint _endpoint;
    private readonly TextWriter _log;
    private readonly LspServerOptions _options;
    private readonly WorkspaceState _workspace;
    private State _state = State.Created;

    private enum State
    {
        Created,
        Initialized,
        ShuttingDown,
    }

    /// <summary>Creates a server on the given streams; <paramref name="log"/> receives internal errors (stderr for <c>twin lsp</c>).</summary>
    public LspServer(Stream input, Stream output, TextWriter log, LspServerOptions? options = null)
    {
        _log = log;
        _options = options ?? new LspServerOptions();
        _endpoint = new JsonRpcEndpoint(input, output, log);
        Documents = new DocumentStore();
        _workspace = new WorkspaceState(_options.StandardLibrary ?? StandardLibrary.Default);
        Documents.Changed += OnDocumentChanged;
        Request("initialize", Initialize, requiresInitialize: false);
        Request("shutdown", (_, _) =>
        {
            _state = State.ShuttingDown;
            return Task.FromResult<JsonNode?>(null);
        });
        _endpoint.OnNotification("initialized", _ => { });
        _endpoint.OnNotification("exit", _ =>
        {
            ExitCode = _state == State.ShuttingDown ? 0 : 1;
            _endpoint.StopRequested = true;
        });
        Notification("textDocument/didOpen", OnDidOpen);
        Notification("textDocument/didChange", OnDidChange);
        Notification("textDocument/didClose", p => Documents.Close(Uri(p)));
        Notification("workspace/didChangeWatchedFiles", OnDidChangeWatchedFiles);
        RegisterSyntaxFeatures();
        RegisterSemanticFeatures();
    }

    /// <summary>The open documents.</summary>
    public DocumentStore Documents { get; }

    /// <summary>0 after shutdown then exit, 1 after an exit without shutdown (as the protocol specifies).</summary>
    public int ExitCode { get; private set; } = 1;

    /// <summary>Serves until <c>exit</c> or the end of input.</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken = default)
    {
        await _endpoint.RunAsync(cancellationToken).ConfigureAwait(false);
        return ExitCode;
    }

    /// <summary>Registers the features that need only the syntax tree (<c>LspServer.Syntax.cs</c>).</summary>
    partial void RegisterSyntaxFeatures();

    /// <summary>Registers the features that ask the binder (<c>LspServer.Semantic.cs</c>).</summary>
    partial void RegisterSemanticFeatures();

    /// <summary>Adds the syntax features' capabilities to the answer of <c>initialize</c>.</summary>
    partial void AddSyntaxCapabilities(JsonObject capabilities);

    /// <summary>Adds the semantic features' capabilities to the answer of <c>initialize</c>.</summary>
    partial void AddSemanticCapabilities(JsonObject capabilities);

    private Task<JsonNode?> Initialize(JsonNode? parameters, CancellationToken cancellationToken)
    {
        if (_state != State.Created)
        {
            throw new JsonRpcException(ErrorCodes.InvalidRequest, "The server is already initialized.");
        }

        _state = State.Initialized;
        _workspace.LoadFolders(WorkspaceFolders(parameters), Documents);
        var capabilities = new JsonObject
        {
            ["positionEncoding"] = "utf-16",
            ["textDocumentSync"] = new JsonObject { ["openClose"] = true, ["change"] = 2 },
        };
        AddSyntaxCapabilities(capabilities);
        AddSemanticCapabilities(capabilities);
        return Task.FromResult<JsonNode?>(new JsonObject
        {
            ["capabilities"] = capabilities,
            ["serverInfo"] = new JsonObject { ["name"] = "twin", ["version"] = typeof(LspServer).Assembly.GetName().Version?.ToString() ?? "0.0.0" },
        });
    }

    /// <summary>The local folders of <c>workspaceFolders</c>, else <c>rootUri</c>, else <c>rootPath</c>.</summary>
    private static IEnumerable<string> WorkspaceFolders(JsonNode? parameters)
    {
        var folders = (parameters?["workspaceFolders"] as JsonArray ?? [])
            .Select(f => f?["uri"] is JsonValue v && v.TryGetValue<string>(out var uri) ? uri : null)
            .OfType<string>()
            .ToList();
        if (folders.Count == 0 && parameters?["rootUri"] is JsonValue rootUri && rootUri.TryGetValue<string>(out var root))
        {
            folders.Add(root);
        }

        if (folders.Count == 0 && parameters?["rootPath"] is JsonValue rootPath && rootPath.TryGetValue<string>(out var path))
        {
            return [path];
        }

        return folders.Select(UriPaths.ToPath).Where(p => !p.Contains("://", StringComparison.Ordinal)).ToList();
    }

    /// <summary>Files changed on disk: the compilation follows, and the open documents are checked again.</summary>
    private void OnDidChangeWatchedFiles(JsonNode? parameters)
    {
        foreach (var change in parameters?["changes"]?.AsArray() ?? [])
        {
            if (change?["uri"] is JsonValue value && value.TryGetValue<string>(out var uri))
            {
                _workspace.FileChanged(UriPaths.ToPath(uri), Int(change["type"]) == 3, Documents.Get(uri));
            }
        }

        foreach (var document in Documents.All)
        {
            ScheduleDiagnostics(document.Uri);
        }
    }

    private void OnDocumentChanged(string uri)
    {
        var document = Documents.Get(uri);
        _workspace.Update(UriPaths.ToPath(uri), document);
        if (document is null)
        {
            // The file's text on disk (or its absence) now stands for it: the open files that used it are checked again.
            ClearDiagnostics(uri);
            foreach (var open in Documents.All)
            {
                ScheduleDiagnostics(open.Uri);
            }
        }
        else
        {
            ScheduleDiagnostics(uri);
        }
    }

    /// <summary>Registers a request that answers ServerNotInitialized before <c>initialize</c> and InvalidRequest after <c>shutdown</c>.</summary>
    private void Request(string method, Func<JsonNode?, CancellationToken, Task<JsonNode?>> handler, bool requiresInitialize = true) =>
        _endpoint.OnRequest(method, (parameters, token) =>
        {
            if (requiresInitialize && _state == State.Created)
            {
                throw new JsonRpcException(ErrorCodes.ServerNotInitialized, $"'{method}' arrived before 'initialize'.");
            }

            if (_state == State.ShuttingDown)
            {
                throw new JsonRpcException(ErrorCodes.InvalidRequest, $"'{method}' arrived after 'shutdown'.");
            }

            return handler(parameters, token);
        });

    /// <summary>Registers a notification that is dropped before <c>initialize</c>, as the protocol requires.</summary>
    private void Notification(string method, Action<JsonNode?> handler) =>
        _endpoint.OnNotification(method, parameters =>
        {
            if (_state == State.Initialized)
            {
                handler(parameters);
            }
        });

    private void OnDidOpen(JsonNode? parameters)
    {
        var document = parameters?["textDocument"];
        Documents.Open(Uri(parameters), Int(document?["version"]), document?["text"]?.GetValue<string>() ?? string.Empty);
    }

    private void OnDidChange(JsonNode? parameters)
    {
        var changes = new List<TextChange>();
        foreach (var change in parameters?["contentChanges"]?.AsArray() ?? [])
        {
            var range = change?["range"];
            var text = change?["text"]?.GetValue<string>() ?? string.Empty;
            changes.Add(range is null ? new TextChange(null, null, text) : new TextChange(Position(range["start"]), Position(range["end"]), text));
        }

        Documents.Change(Uri(parameters), Int(parameters?["textDocument"]?["version"]), changes);
    }

    private static string Uri(JsonNode? parameters) =>
        parameters?["textDocument"]?["uri"]?.GetValue<string>() ?? throw new JsonRpcException(ErrorCodes.InvalidParams, "Expected 'textDocument.uri'.");

    private static int Int(JsonNode? node) => node is JsonValue value && value.TryGetValue<int>(out var i) ? i : 0;

    /// <summary>An LSP position (0-based line, UTF-16 character).</summary>
    private static LinePosition Position(JsonNode? node) =>
        node is null
            ? throw new JsonRpcException(ErrorCodes.InvalidParams, "Expected a position.")
            : new LinePosition(Int(node["line"]), Int(node["character"]));

    /// <summary>The JSON of an LSP position.</summary>
    private static JsonObject ToJson(LinePosition position) => new() { ["line"] = position.Line, ["character"] = position.Column };

    /// <summary>The JSON of an LSP range for a span of a text.</summary>
    private static JsonObject ToRange(SourceText text, TextSpan span) => new()
    {
        ["start"] = ToJson(text.GetLinePosition(span.Start)),
        ["end"] = ToJson(text.GetLinePosition(span.End)),
    };
}
