using System.IO.Pipes;
using System.Text.Json;
using System.Text.Json.Nodes;
using TwinLang.LanguageServer.JsonRpc;

namespace TwinLang.LanguageServer.Tests;

public sealed class ProtocolTests
{
    private const string Uri = "file:///work/a.twin";

    [Fact]
    public async Task Initialize_FirstRequest_AnswersCapabilitiesOfEveryFeature()
    {
        await using var client = await LspTestClient.StartAsync(initialize: false);
        var result = await client.RequestAsync("initialize", new JsonObject { ["capabilities"] = new JsonObject() });
        var capabilities = result!["capabilities"]!.AsObject();
        foreach (var name in new[] { "semanticTokensProvider", "foldingRangeProvider", "documentSymbolProvider", "textDocumentSync" })
        {
            Assert.True(capabilities.ContainsKey(name), $"missing {name}");
        }

        Assert.Equal("twin", result["serverInfo"]!["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task Request_BeforeInitialize_AnswersServerNotInitialized()
    {
        await using var client = await LspTestClient.StartAsync(initialize: false);
        var error = await Assert.ThrowsAsync<LspErrorException>(() => client.RequestAsync("textDocument/documentSymbol", TextDocument(Uri)));
        Assert.Equal(ErrorCodes.ServerNotInitialized, error.Code);
    }

    [Fact]
    public async Task MalformedJson_ThenValidRequest_AnswersParseErrorAndStillServes()
    {
        await using var client = await LspTestClient.StartAsync();
        await client.SendBodyAsync("{\"jsonrpc\": \"2.0\", \"id\": 7, \"method\": ");
        var error = await client.WaitForMessageAsync(m => m["error"] is not null);
        Assert.Equal(ErrorCodes.ParseError, error["error"]!["code"]!.GetValue<int>());

        await client.OpenAsync(Uri, "asset A {}\n");
        var symbols = await client.RequestAsync("textDocument/documentSymbol", TextDocument(Uri));
        Assert.Equal("A", symbols![0]!["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task BadHeader_ThenValidRequest_AnswersParseErrorAndStillServes()
    {
        await using var client = await LspTestClient.StartAsync();
        await client.SendBytesAsync("Content-Length: banana\r\n\r\n");
        var error = await client.WaitForMessageAsync(m => m["error"] is not null);
        Assert.Equal(ErrorCodes.ParseError, error["error"]!["code"]!.GetValue<int>());
        Assert.Null(await client.RequestAsync("textDocument/documentSymbol", TextDocument("file:///nowhere/b.twin")));
    }

    [Fact]
    public async Task UnknownMethod_Request_AnswersMethodNotFound()
    {
        await using var client = await LspTestClient.StartAsync();
        var error = await Assert.ThrowsAsync<LspErrorException>(() => client.RequestAsync("textDocument/teleport", TextDocument(Uri)));
        Assert.Equal(ErrorCodes.MethodNotFound, error.Code);
    }

    [Fact]
    public async Task UnknownDocument_Requests_AnswerNull()
    {
        await using var client = await LspTestClient.StartAsync();
        foreach (var method in new[] { "textDocument/documentSymbol", "textDocument/foldingRange", "textDocument/semanticTokens/full" })
        {
            Assert.Null(await client.RequestAsync(method, TextDocument("file:///nowhere/missing.twin")));
        }
    }

    [Fact]
    public async Task OutOfRangePositions_Requests_AnswerWithoutError()
    {
        await using var client = await LspTestClient.StartAsync();
        await client.OpenAsync(Uri, "asset A {\n  parameter p: Real = 1\n}\n");
        foreach (var (line, character) in new[] { (500, 3), (1, 900), (-4, -2) })
        {
            var range = new JsonObject { ["start"] = Pos(line, character), ["end"] = Pos(line + 1, character) };
            var tokens = await client.RequestAsync("textDocument/semanticTokens/range", new JsonObject { ["textDocument"] = new JsonObject { ["uri"] = Uri }, ["range"] = range });
            Assert.NotNull(tokens!["data"]);
        }
    }

    [Fact]
    public async Task OutOfRangePositions_PositionRequests_AnswerWithoutError()
    {
        await using var client = await LspTestClient.StartAsync();
        await client.OpenAsync(Uri, "asset A {\n  parameter p: Real = 1\n}\n");
        foreach (var (line, character) in new[] { (500, 3), (1, 900), (-4, -2) })
        {
            foreach (var method in new[] { "textDocument/hover", "textDocument/definition", "textDocument/signatureHelp", "textDocument/prepareRename" })
            {
                var response = await client.RequestRawAsync(method, Position(Uri, line, character));
                Assert.Null(response["error"]);
            }

            var completion = await client.RequestAsync("textDocument/completion", Position(Uri, line, character));
            Assert.NotNull(completion!["items"]);
        }
    }

    [Fact]
    public async Task BinaryGarbageDocument_Requests_AnswerWithoutError()
    {
        await using var client = await LspTestClient.StartAsync();
        await client.OpenAsync(Uri, "\u0000\u0001asset {{{ ]] \uFFFF \"unterminated\n equation = = =\n");
        foreach (var method in new[] { "textDocument/documentSymbol", "textDocument/foldingRange", "textDocument/semanticTokens/full", "textDocument/formatting" })
        {
            var response = await client.RequestRawAsync(method, TextDocument(Uri));
            Assert.Null(response["error"]);
        }

        var hover = await client.RequestRawAsync("textDocument/hover", Position(Uri, 0, 4));
        Assert.Null(hover["error"]);
    }

    [Fact]
    public async Task Request_AfterShutdown_AnswersInvalidRequestAndExitCodeIsZero()
    {
        await using var client = await LspTestClient.StartAsync();
        Assert.Null(await client.RequestAsync("shutdown", null));
        var error = await Assert.ThrowsAsync<LspErrorException>(() => client.RequestAsync("textDocument/documentSymbol", TextDocument(Uri)));
        Assert.Equal(ErrorCodes.InvalidRequest, error.Code);
        await client.NotifyAsync("exit", null);
        Assert.Equal(0, await client.ServerRun);
    }

    [Fact]
    public async Task Exit_WithoutShutdown_ExitCodeIsOne()
    {
        await using var client = await LspTestClient.StartAsync();
        await client.NotifyAsync("exit", null);
        Assert.Equal(1, await client.ServerRun);
    }

    [Fact]
    public async Task CancelRequest_WhileHandlerWaits_AnswersRequestCancelled()
    {
        // A handler that runs until cancelled makes the test independent of timing.
        using var toServer = new AnonymousPipeServerStream(PipeDirection.Out);
        using var fromServer = new AnonymousPipeServerStream(PipeDirection.In);
        using var serverIn = new AnonymousPipeClientStream(PipeDirection.In, toServer.ClientSafePipeHandle);
        using var serverOut = new AnonymousPipeClientStream(PipeDirection.Out, fromServer.ClientSafePipeHandle);
        var endpoint = new JsonRpcEndpoint(serverIn, serverOut, TextWriter.Null);
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        endpoint.OnRequest("slow", async (_, token) =>
        {
            started.SetResult();
            await Task.Delay(Timeout.Infinite, token);
            return null;
        });
        endpoint.OnNotification("exit", _ => endpoint.StopRequested = true);
        var run = endpoint.RunAsync();
        var writer = new MessageWriter(toServer);
        var reader = new MessageReader(fromServer);

        await writer.WriteAsync(JsonSerializer.SerializeToUtf8Bytes(new JsonObject { ["jsonrpc"] = "2.0", ["id"] = 1, ["method"] = "slow" }));
        await started.Task.WaitAsync(TimeSpan.FromSeconds(60));
        await writer.WriteAsync(JsonSerializer.SerializeToUtf8Bytes(new JsonObject { ["jsonrpc"] = "2.0", ["method"] = "$/cancelRequest", ["params"] = new JsonObject { ["id"] = 1 } }));
        var response = JsonNode.Parse((await reader.ReadAsync(CancellationToken.None))!)!;

        Assert.Equal(1, response["id"]!.GetValue<int>());
        Assert.Equal(ErrorCodes.RequestCancelled, response["error"]!["code"]!.GetValue<int>());
        await writer.WriteAsync(JsonSerializer.SerializeToUtf8Bytes(new JsonObject { ["jsonrpc"] = "2.0", ["method"] = "exit" }));
        await run.WaitAsync(TimeSpan.FromSeconds(60));
    }

    [Fact]
    public async Task Notification_Unknown_IsIgnored()
    {
        await using var client = await LspTestClient.StartAsync();
        await client.NotifyAsync("$/setTrace", new JsonObject { ["value"] = "off" });
        await client.NotifyAsync("workspace/somethingNew", new JsonObject());
        await client.OpenAsync(Uri, "asset A {}\n");
        Assert.NotNull(await client.RequestAsync("textDocument/documentSymbol", TextDocument(Uri)));
    }

    internal static JsonObject TextDocument(string uri) => new() { ["textDocument"] = new JsonObject { ["uri"] = uri } };

    internal static JsonObject Pos(int line, int character) => new() { ["line"] = line, ["character"] = character };

    internal static JsonObject Position(string uri, int line, int character) => new()
    {
        ["textDocument"] = new JsonObject { ["uri"] = uri },
        ["position"] = Pos(line, character),
    };
}
