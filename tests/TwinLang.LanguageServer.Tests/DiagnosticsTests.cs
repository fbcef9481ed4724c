using System.Collections.Immutable;
using System.Text.Json.Nodes;
using TwinLang.Compiler;
using TwinLang.Text;

namespace TwinLang.LanguageServer.Tests;

public sealed class DiagnosticsTests
{
    [Fact]
    public async Task DidOpen_FileWithSyntaxError_PublishesCodedDiagnosticForItsVersion()
    {
        using var workspace = new TempWorkspace();
        await using var client = await LspTestClient.StartAsync(workspace.Root);
        var uri = workspace.UriOf("broken.twin");
        await client.OpenAsync(uri, "asset A {\n  parameter p: Real = \n}\n", version: 3);

        var diagnostics = await client.WaitForDiagnosticsAsync(uri, 3);

        var first = Assert.Single(diagnostics)!;
        Assert.StartsWith("TW0", first["code"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(1, first["severity"]!.GetValue<int>());
        Assert.Equal("twin", first["source"]!.GetValue<string>());
    }

    [Fact]
    public async Task DidChange_FixingTheError_PublishesEmptyDiagnostics()
    {
        using var workspace = new TempWorkspace();
        await using var client = await LspTestClient.StartAsync(workspace.Root);
        var uri = workspace.UriOf("a.twin");
        await client.OpenAsync(uri, "asset A {\n  parameter p: Real = \n}\n");
        Assert.NotEmpty(await client.WaitForDiagnosticsAsync(uri, 1));

        await client.NotifyAsync("textDocument/didChange", Change(uri, 2, Range(1, 22, 1, 22), "1"));

        Assert.Empty(await client.WaitForDiagnosticsAsync(uri, 2));
        Assert.Equal("asset A {\n  parameter p: Real = 1\n}\n", client.Server.Documents.Get(uri)!.Text.Text);
    }

    [Fact]
    public async Task DidChange_ThousandRapidIncrementalEdits_TextAndLastDiagnosticsMatchFinalText()
    {
        using var workspace = new TempWorkspace();
        await using var client = await LspTestClient.StartAsync(workspace.Root, new LspServerOptions());
        var uri = workspace.UriOf("typing.twin");
        var expected = "asset A {\n  parameter p: Real = \n}\n";
        await client.OpenAsync(uri, expected);

        // Type one character per edit at the end of line 1, then keep appending lines; every 7th edit deletes one.
        var random = new Random(42);
        for (var version = 2; version <= 1001; version++)
        {
            var text = new SourceText(expected);
            if (version % 7 == 0 && expected.Length > 40)
            {
                var at = text.GetLinePosition(expected.Length - 2);
                await client.NotifyAsync("textDocument/didChange", Change(uri, version, Range(at.Line, at.Column, at.Line, at.Column + 1), string.Empty));
                expected = expected.Remove(expected.Length - 2, 1);
                continue;
            }

            var insertAt = expected.Length - 2;
            var piece = random.Next(4) switch
            {
                0 => "1",
                1 => "\n",
                2 => " + ",
                _ => "é",
            };
            var position = text.GetLinePosition(insertAt);
            await client.NotifyAsync("textDocument/didChange", Change(uri, version, Range(position.Line, position.Column, position.Line, position.Column), piece));
            expected = expected.Insert(insertAt, piece);
        }

        var published = await client.WaitForDiagnosticsAsync(uri, 1001);

        Assert.Equal(expected, client.Server.Documents.Get(uri)!.Text.Text);
        var fresh = Compilation.Create([new SourceText(expected, workspace.PathOf("typing.twin"))]).Diagnostics
            .Where(d => d.Path == workspace.PathOf("typing.twin"))
            .Select(d => $"{d.Code} {d.Start} {d.Message}")
            .ToList();
        var received = published.Select(d => $"{d!["code"]} {d["range"]!["start"]!["line"]!.GetValue<int>() + 1}:{d["range"]!["start"]!["character"]!.GetValue<int>() + 1} {d["message"]}").ToList();
        Assert.Equal(fresh, received);
    }

    [Fact]
    public async Task Compilation_WhenCompilerThrows_PublishesInternalErrorDiagnostic()
    {
        using var workspace = new TempWorkspace();
        var options = new LspServerOptions
        {
            DiagnosticsDelay = TimeSpan.Zero,
            CollectDiagnostics = _ => throw new InvalidOperationException("binder exploded"),
        };
        await using var client = await LspTestClient.StartAsync(workspace.Root, options);
        var uri = workspace.UriOf("a.twin");
        await client.OpenAsync(uri, "asset A {}\n");

        var diagnostic = Assert.Single(await client.WaitForDiagnosticsAsync(uri, 1))!;

        Assert.Equal("TW9001", diagnostic["code"]!.GetValue<string>());
        Assert.Contains("binder exploded", diagnostic["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.NotNull(await client.RequestAsync("textDocument/documentSymbol", ProtocolTests.TextDocument(uri)));
    }

    [Fact]
    public async Task DidChange_InImportedPackage_RepublishesTheImportingOpenDocument()
    {
        using var workspace = new TempWorkspace();
        await using var client = await LspTestClient.StartAsync(workspace.Root);
        var library = workspace.UriOf("lib.twin");
        var user = workspace.UriOf("user.twin");
        await client.OpenAsync(library, "package demo.lib\n\nasset Base {}\n");
        await client.OpenAsync(user, "package demo.app\nimport demo.lib.*\n\nasset User {}\n");
        await client.WaitForDiagnosticsAsync(user, 1);
        var other = workspace.UriOf("other.twin");
        await client.OpenAsync(other, "package demo.other\n\nasset Other {}\n");
        await client.WaitForDiagnosticsAsync(other, 1);

        await client.NotifyAsync("textDocument/didChange", Change(library, 2, Range(2, 0, 2, 0), "// edited\n"));

        await client.WaitForDiagnosticsAsync(library, 2);
        await client.WaitForDiagnosticsAsync(user, 1);
    }

    [Fact]
    public async Task DidClose_Document_ClearsItsDiagnostics()
    {
        using var workspace = new TempWorkspace();
        await using var client = await LspTestClient.StartAsync(workspace.Root);
        var uri = workspace.UriOf("a.twin");
        await client.OpenAsync(uri, "asset A {\n  parameter p: Real = \n}\n");
        Assert.NotEmpty(await client.WaitForDiagnosticsAsync(uri, 1));

        await client.NotifyAsync("textDocument/didClose", ProtocolTests.TextDocument(uri));

        var cleared = await client.WaitForNotificationAsync("textDocument/publishDiagnostics", n => n["params"]?["uri"]?.GetValue<string>() == uri && n["params"]?["version"] is null);
        Assert.Empty(cleared["params"]!["diagnostics"]!.AsArray());
        Assert.Null(client.Server.Documents.Get(uri));
    }

    internal static JsonObject Range(int startLine, int startCharacter, int endLine, int endCharacter) => new()
    {
        ["start"] = ProtocolTests.Pos(startLine, startCharacter),
        ["end"] = ProtocolTests.Pos(endLine, endCharacter),
    };

    internal static JsonObject Change(string uri, int version, JsonObject range, string text) => new()
    {
        ["textDocument"] = new JsonObject { ["uri"] = uri, ["version"] = version },
        ["contentChanges"] = new JsonArray(new JsonObject { ["range"] = range, ["text"] = text }),
    };
}
