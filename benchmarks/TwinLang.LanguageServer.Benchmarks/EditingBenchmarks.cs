using System.IO.Pipes;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;
using TwinLang.LanguageServer.JsonRpc;

namespace TwinLang.LanguageServer.Benchmarks;

/// <summary>
/// The latencies an editor feels, measured through the protocol (framing and JSON included) on a server in
/// process: an edit of the 5 000-line file until its diagnostics arrive (the debounce is set to zero so the
/// figure is the compiler's; the server adds 150 ms by default), and completion inside the last asset.
/// </summary>
[MemoryDiagnoser]
public class EditingBenchmarks
{
    private const string Uri = "file:///bench/large.twin";
    private AnonymousPipeServerStream _toServer = null!;
    private AnonymousPipeServerStream _fromServer = null!;
    private MessageWriter _writer = null!;
    private MessageReader _reader = null!;
    private Task<int> _server = null!;
    private int _version = 1;
    private int _id;

    [GlobalSetup]
    public void Setup()
    {
        _toServer = new AnonymousPipeServerStream(PipeDirection.Out);
        _fromServer = new AnonymousPipeServerStream(PipeDirection.In);
        var input = new AnonymousPipeClientStream(PipeDirection.In, _toServer.ClientSafePipeHandle);
        var output = new AnonymousPipeClientStream(PipeDirection.Out, _fromServer.ClientSafePipeHandle);
        var server = new LspServer(input, output, TextWriter.Null, new LspServerOptions { DiagnosticsDelay = TimeSpan.Zero });
        _server = Task.Run(() => server.RunAsync());
        _writer = new MessageWriter(_toServer);
        _reader = new MessageReader(_fromServer);
        RequestAsync("initialize", new JsonObject { ["capabilities"] = new JsonObject() }).GetAwaiter().GetResult();
        SendAsync(new JsonObject { ["jsonrpc"] = "2.0", ["method"] = "initialized", ["params"] = new JsonObject() }).GetAwaiter().GetResult();
        SendAsync(Notification("textDocument/didOpen", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = Uri, ["languageId"] = "twin", ["version"] = 1, ["text"] = LargeModel.Text },
        })).GetAwaiter().GetResult();
        var diagnostics = WaitForDiagnosticsAsync(1).GetAwaiter().GetResult();
        if (diagnostics.Count != 0)
        {
            throw new InvalidOperationException($"The generated model should be free of diagnostics; the first is {diagnostics[0]?.ToJsonString()}.");
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        RequestAsync("shutdown", null).GetAwaiter().GetResult();
        SendAsync(Notification("exit", null)).GetAwaiter().GetResult();
        _server.GetAwaiter().GetResult();
        _toServer.Dispose();
        _fromServer.Dispose();
    }

    /// <summary>Types one space at the end of the completion line, then waits for that version's diagnostics.</summary>
    [Benchmark]
    public async Task<int> EditToPublishedDiagnostics()
    {
        var version = ++_version;
        await SendAsync(Notification("textDocument/didChange", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = Uri, ["version"] = version },
            ["contentChanges"] = new JsonArray(new JsonObject
            {
                ["range"] = Range(LargeModel.CompletionLine, 4),
                ["text"] = " ",
            }),
        }));
        return (await WaitForDiagnosticsAsync(version)).Count;
    }

    /// <summary>Completion of names at the start of a line inside the last asset's equation section.</summary>
    [Benchmark]
    public async Task<int> Completion()
    {
        var result = await RequestAsync("textDocument/completion", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = Uri },
            ["position"] = new JsonObject { ["line"] = LargeModel.CompletionLine, ["character"] = 4 },
        });
        return result?["items"]?.AsArray().Count ?? 0;
    }

    private static JsonObject Range(int line, int character) => new()
    {
        ["start"] = new JsonObject { ["line"] = line, ["character"] = character },
        ["end"] = new JsonObject { ["line"] = line, ["character"] = character },
    };

    private static JsonObject Notification(string method, JsonNode? parameters) =>
        new() { ["jsonrpc"] = "2.0", ["method"] = method, ["params"] = parameters };

    private Task SendAsync(JsonObject message) => _writer.WriteAsync(JsonSerializer.SerializeToUtf8Bytes(message));

    private async Task<JsonNode?> RequestAsync(string method, JsonNode? parameters)
    {
        var id = ++_id;
        await SendAsync(new JsonObject { ["jsonrpc"] = "2.0", ["id"] = id, ["method"] = method, ["params"] = parameters });
        while (true)
        {
            var message = await ReadAsync();
            if (message["id"] is JsonValue value && value.GetValue<int>() == id)
            {
                return message["result"];
            }
        }
    }

    private async Task<JsonArray> WaitForDiagnosticsAsync(int version)
    {
        while (true)
        {
            var message = await ReadAsync();
            if (message["method"]?.GetValue<string>() == "textDocument/publishDiagnostics" && message["params"]?["version"]?.GetValue<int>() == version)
            {
                return message["params"]?["diagnostics"]?.AsArray() ?? throw new InvalidOperationException("Diagnostics without a list.");
            }
        }
    }

    private async Task<JsonObject> ReadAsync()
    {
        var body = await _reader.ReadAsync(CancellationToken.None) ?? throw new InvalidOperationException("The server closed the connection.");
        return JsonNode.Parse(Encoding.UTF8.GetString(body))?.AsObject() ?? throw new InvalidOperationException("Empty message.");
    }
}
