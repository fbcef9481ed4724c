using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace TwinLang.LanguageServer.JsonRpc;

/// <summary>
/// A JSON-RPC 2.0 endpoint over framed streams. Notifications run in arrival order on the read loop, so
/// document edits apply in order; request handlers are started on the read loop (they snapshot state
/// there) and finish asynchronously, so a long request never blocks edits and <c>$/cancelRequest</c> can
/// reach it. Malformed input is answered with the matching error code and the loop keeps serving.
/// </summary>
public sealed class JsonRpcEndpoint
{
    private readonly MessageReader _reader;
    private readonly MessageWriter _writer;
    private readonly TextWriter _log;
    private readonly Dictionary<string, Func<JsonNode?, CancellationToken, Task<JsonNode?>>> _requests = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Action<JsonNode?>> _notifications = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, CancellationTokenSource> _running = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<Task, byte> _inFlight = new();

    /// <summary>Creates an endpoint reading <paramref name="input"/> and writing <paramref name="output"/>; <paramref name="log"/> gets internal errors.</summary>
    public JsonRpcEndpoint(Stream input, Stream output, TextWriter log)
    {
        _reader = new MessageReader(input);
        _writer = new MessageWriter(output);
        _log = log;
        _notifications["$/cancelRequest"] = OnCancelRequest;
    }

    /// <summary>Set to stop the read loop after the current message (the <c>exit</c> notification does).</summary>
    public bool StopRequested { get; set; }

    /// <summary>Registers a request handler. Throw <see cref="JsonRpcException"/> to answer with an error.</summary>
    public void OnRequest(string method, Func<JsonNode?, CancellationToken, Task<JsonNode?>> handler) => _requests[method] = handler;

    /// <summary>Registers a notification handler; it runs on the read loop, in order.</summary>
    public void OnNotification(string method, Action<JsonNode?> handler) => _notifications[method] = handler;

    /// <summary>Sends a notification to the client.</summary>
    public Task NotifyAsync(string method, JsonNode? parameters) =>
        SendAsync(new JsonObject { ["jsonrpc"] = "2.0", ["method"] = method, ["params"] = parameters });

    /// <summary>Serves until the input ends or <see cref="StopRequested"/> is set; then waits for running requests.</summary>
    public async Task RunAsync(CancellationToken cancellationToken = default)
    {
        while (!StopRequested && !cancellationToken.IsCancellationRequested)
        {
            byte[]? body;
            try
            {
                body = await _reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (FormatException e)
            {
                await SendErrorAsync(null, ErrorCodes.ParseError, e.Message).ConfigureAwait(false);
                continue;
            }

            if (body is null)
            {
                break;
            }

            await DispatchAsync(body).ConfigureAwait(false);
        }

        await Task.WhenAll(_inFlight.Keys).ConfigureAwait(false);
    }

    private async Task DispatchAsync(byte[] body)
    {
        JsonNode? message;
        try
        {
            message = JsonNode.Parse(body);
        }
        catch (JsonException e)
        {
            await SendErrorAsync(null, ErrorCodes.ParseError, $"Invalid JSON: {e.Message}").ConfigureAwait(false);
            return;
        }

        if (message is not JsonObject obj)
        {
            await SendErrorAsync(null, ErrorCodes.InvalidRequest, "Expected a JSON-RPC message object.").ConfigureAwait(false);
            return;
        }

        var id = obj["id"]?.DeepClone();
        var method = obj["method"] is JsonValue m && m.TryGetValue<string>(out var name) ? name : null;
        var parameters = obj["params"];
        if (method is null)
        {
            if (id is null)
            {
                await SendErrorAsync(null, ErrorCodes.InvalidRequest, "A message needs a 'method'.").ConfigureAwait(false);
            }

            return; // A response to a request of ours: nothing waits for it.
        }

        if (id is null)
        {
            if (_notifications.TryGetValue(method, out var notify))
            {
                try
                {
                    notify(parameters);
                }
                catch (Exception e) when (e is not OutOfMemoryException)
                {
                    await _log.WriteLineAsync($"Notification '{method}' failed: {e}").ConfigureAwait(false);
                }
            }

            return; // Unknown notifications are ignored, as the protocol requires ($/ ones explicitly).
        }

        if (!_requests.TryGetValue(method, out var handler))
        {
            await SendErrorAsync(id, ErrorCodes.MethodNotFound, $"Unknown method '{method}'.").ConfigureAwait(false);
            return;
        }

        var key = id.ToJsonString();
        var cts = new CancellationTokenSource();
        _running[key] = cts;
        Task<JsonNode?> work;
        try
        {
            work = handler(parameters, cts.Token);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            work = Task.FromException<JsonNode?>(e);
        }

        var completion = CompleteAsync(id, key, work, cts);
        _inFlight[completion] = 0;
        _ = completion.ContinueWith(t => _inFlight.TryRemove(t, out _), TaskScheduler.Default);
    }

    private async Task CompleteAsync(JsonNode id, string key, Task<JsonNode?> work, CancellationTokenSource cts)
    {
        try
        {
            var result = await work.ConfigureAwait(false);
            await SendAsync(new JsonObject { ["jsonrpc"] = "2.0", ["id"] = id, ["result"] = result }).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            await SendErrorAsync(id, ErrorCodes.RequestCancelled, "The request was cancelled.").ConfigureAwait(false);
        }
        catch (JsonRpcException e)
        {
            await SendErrorAsync(id, e.Code, e.Message).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            await _log.WriteLineAsync($"Request failed: {e}").ConfigureAwait(false);
            await SendErrorAsync(id, ErrorCodes.InternalError, $"Internal error: {e.Message}").ConfigureAwait(false);
        }
        finally
        {
            _running.TryRemove(key, out _);
            cts.Dispose();
        }
    }

    private void OnCancelRequest(JsonNode? parameters)
    {
        var id = parameters?["id"];
        if (id is not null && _running.TryGetValue(id.ToJsonString(), out var cts))
        {
            try
            {
                cts.Cancel();
            }
            catch (ObjectDisposedException)
            {
                // The request finished between the lookup and the cancel: nothing to do.
            }
        }
    }

    private Task SendErrorAsync(JsonNode? id, int code, string message) =>
        SendAsync(new JsonObject
        {
            ["jsonrpc"] = "2.0",
            ["id"] = id,
            ["error"] = new JsonObject { ["code"] = code, ["message"] = message },
        });

    private Task SendAsync(JsonObject message) => _writer.WriteAsync(JsonSerializer.SerializeToUtf8Bytes(message));
}
