using System.Collections.Concurrent;
using System.IO.Pipes;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using TwinLang.LanguageServer;
using TwinLang.LanguageServer.JsonRpc;

namespace TwinLang.LanguageServer.Tests;

/// <summary>A JSON-RPC error answered by the server.</summary>
public sealed class LspErrorException(int code, string message) : Exception(message)
{
    public int Code { get; } = code;
}

/// <summary>
/// Drives an in-process <see cref="LspServer"/> over real OS pipes with framed JSON-RPC messages, as an editor
/// would (Bicep's in-process protocol tests). Waits have generous deadlines only so a broken server fails the
/// test instead of hanging it; nothing asserts on time.
/// </summary>
public sealed class LspTestClient : IAsyncDisposable
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);
    private readonly AnonymousPipeServerStream _toServer = new(PipeDirection.Out);
    private readonly AnonymousPipeServerStream _fromServer = new(PipeDirection.In);
    private readonly MessageWriter _writer;
    private readonly ConcurrentDictionary<int, TaskCompletionSource<JsonObject>> _pending = new();
    private readonly List<JsonObject> _notifications = [];
    private readonly SemaphoreSlim _notified = new(0);
    private readonly Task _readLoop;
    private int _nextId;

    private LspTestClient(LspServerOptions options)
    {
        var serverInput = new AnonymousPipeClientStream(PipeDirection.In, _toServer.ClientSafePipeHandle);
        var serverOutput = new AnonymousPipeClientStream(PipeDirection.Out, _fromServer.ClientSafePipeHandle);
        Server = new LspServer(serverInput, serverOutput, Log, options);
        ServerRun = Task.Run(async () =>
        {
            var code = await Server.RunAsync();
            await serverOutput.DisposeAsync();
            return code;
        });
        _writer = new MessageWriter(_toServer);
        _readLoop = Task.Run(ReadLoopAsync);
    }

    public LspServer Server { get; }

    public Task<int> ServerRun { get; }

    public TextWriter Log { get; } = TextWriter.Synchronized(new StringWriter());

    /// <summary>Starts a server; <paramref name="root"/> is the workspace folder, if any. Sends initialize and initialized unless told not to.</summary>
    public static async Task<LspTestClient> StartAsync(string? root = null, LspServerOptions? options = null, bool initialize = true)
    {
        var client = new LspTestClient(options ?? new LspServerOptions { DiagnosticsDelay = TimeSpan.FromMilliseconds(20) });
        if (initialize)
        {
            await client.RequestAsync("initialize", new JsonObject
            {
                ["processId"] = null,
                ["rootUri"] = root is null ? null : new Uri(root).AbsoluteUri,
                ["capabilities"] = new JsonObject(),
            });
            await client.NotifyAsync("initialized", new JsonObject());
        }

        return client;
    }

    public static string UriOf(string path) => new Uri(path).AbsoluteUri;

    /// <summary>Sends a request and returns its result; an error answer throws <see cref="LspErrorException"/>.</summary>
    public async Task<JsonNode?> RequestAsync(string method, JsonNode? parameters)
    {
        var response = await RequestRawAsync(method, parameters);
        if (response["error"] is JsonObject error)
        {
            throw new LspErrorException(error["code"]!.GetValue<int>(), error["message"]?.GetValue<string>() ?? string.Empty);
        }

        return response["result"];
    }

    /// <summary>Sends a request and returns the whole response message.</summary>
    public Task<JsonObject> RequestRawAsync(string method, JsonNode? parameters) => RequestRawAsync(method, parameters, out _);

    public Task<JsonObject> RequestRawAsync(string method, JsonNode? parameters, out int id)
    {
        id = Interlocked.Increment(ref _nextId);
        var completion = new TaskCompletionSource<JsonObject>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[id] = completion;
        _ = SendAsync(new JsonObject { ["jsonrpc"] = "2.0", ["id"] = id, ["method"] = method, ["params"] = parameters });
        return completion.Task.WaitAsync(Deadline);
    }

    public Task NotifyAsync(string method, JsonNode? parameters) =>
        SendAsync(new JsonObject { ["jsonrpc"] = "2.0", ["method"] = method, ["params"] = parameters });

    /// <summary>Sends raw bytes as one framed message body (for malformed input).</summary>
    public Task SendBodyAsync(string body) => _writer.WriteAsync(Encoding.UTF8.GetBytes(body));

    /// <summary>Sends raw bytes without framing.</summary>
    public async Task SendBytesAsync(string raw)
    {
        await _toServer.WriteAsync(Encoding.UTF8.GetBytes(raw));
        await _toServer.FlushAsync();
    }

    public Task OpenAsync(string uri, string text, int version = 1) =>
        NotifyAsync("textDocument/didOpen", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = uri, ["languageId"] = "twin", ["version"] = version, ["text"] = text },
        });

    /// <summary>Waits for a notification matching <paramref name="predicate"/> (also one that already arrived and was not yet taken).</summary>
    public Task<JsonObject> WaitForNotificationAsync(string method, Func<JsonObject, bool>? predicate = null) =>
        WaitForMessageAsync(n => n["method"]?.GetValue<string>() == method && (predicate?.Invoke(n) ?? true));

    /// <summary>Waits for a message that is not the answer to one of our requests (notifications, answers with a null id).</summary>
    public async Task<JsonObject> WaitForMessageAsync(Func<JsonObject, bool> predicate)
    {
        using var timeout = new CancellationTokenSource(Deadline);
        while (true)
        {
            lock (_notifications)
            {
                var index = _notifications.FindIndex(n => predicate(n));
                if (index >= 0)
                {
                    var found = _notifications[index];
                    _notifications.RemoveAt(index);
                    return found;
                }
            }

            await _notified.WaitAsync(timeout.Token);
        }
    }

    /// <summary>Waits for the diagnostics of <paramref name="uri"/> at <paramref name="version"/>.</summary>
    public async Task<JsonArray> WaitForDiagnosticsAsync(string uri, int version)
    {
        var message = await WaitForNotificationAsync("textDocument/publishDiagnostics", n =>
            n["params"]?["uri"]?.GetValue<string>() == uri && n["params"]?["version"]?.GetValue<int>() == version);
        return message["params"]!["diagnostics"]!.AsArray();
    }

    public async ValueTask DisposeAsync()
    {
        if (!ServerRun.IsCompleted)
        {
            try
            {
                await RequestRawAsync("shutdown", null);
                await NotifyAsync("exit", null);
                await ServerRun.WaitAsync(Deadline);
            }
            catch (Exception e) when (e is IOException or TimeoutException or ObjectDisposedException)
            {
                // The test already broke the connection.
            }
        }

        await _toServer.DisposeAsync();
        await _readLoop.WaitAsync(Deadline);
        await _fromServer.DisposeAsync();
    }

    private Task SendAsync(JsonObject message) => _writer.WriteAsync(JsonSerializer.SerializeToUtf8Bytes(message));

    private async Task ReadLoopAsync()
    {
        var reader = new MessageReader(_fromServer);
        while (await reader.ReadAsync(CancellationToken.None) is { } body)
        {
            var message = JsonNode.Parse(body)!.AsObject();
            if (message["method"] is null && message["id"] is JsonValue id && id.TryGetValue<int>(out var number) && _pending.TryRemove(number, out var waiting))
            {
                waiting.SetResult(message);
                continue;
            }

            lock (_notifications)
            {
                _notifications.Add(message);
            }

            _notified.Release();
        }
    }
}
