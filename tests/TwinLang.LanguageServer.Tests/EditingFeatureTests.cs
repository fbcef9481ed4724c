using System.Text.Json.Nodes;
using TwinLang.Text;

namespace TwinLang.LanguageServer.Tests;

/// <summary>Completion, code actions and formatting: features that produce text for the editor to insert.</summary>
public sealed class EditingFeatureTests
{
    private const string Library = """
        package demo.lib

        asset Resistor {
          parameter r: Resistance = 15 mOhm
          input i: Current
          output v: Voltage
          equation {
            v = i * r
          }
        }

        enum Mode { off, on }
        """;

    [Fact]
    public async Task Completion_AfterComponentDot_ListsMembersOfItsType()
    {
        var labels = await CompleteAsync("package demo.lib\nasset C {\n  component r1: Resistor\n  output y: Voltage\n  equation {\n    y = r1.$$\n  }\n}\n");

        Assert.Equal(["i", "r", "v"], labels.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Completion_AfterEnumDot_ListsLiterals()
    {
        var labels = await CompleteAsync("package demo.lib\nasset C {\n  discrete m: Mode = Mode.$$\n}\n");

        Assert.Equal(["off", "on"], labels);
    }

    [Fact]
    public async Task Completion_AfterNumber_ListsUnits()
    {
        var labels = await CompleteAsync("package demo.lib\nasset C {\n  parameter p: Resistance = 15 $$\n}\n");

        Assert.Contains("mOhm", labels);
        Assert.Contains("Ohm", labels);
        Assert.Contains("kg", labels);
        Assert.DoesNotContain("parameter", labels);
    }

    [Fact]
    public async Task Completion_TriggeredBySpaceAfterNumber_ListsUnits()
    {
        var labels = await CompleteAsync("package demo.lib\nasset C {\n  parameter p: Resistance = 15 $$\n}\n", " ");

        Assert.Contains("mOhm", labels);
    }

    [Fact]
    public async Task Completion_TriggeredBySpaceElsewhere_ListsNothing()
    {
        var labels = await CompleteAsync("package demo.lib\nasset C {\n  parameter $$\n}\n", " ");

        Assert.Empty(labels);
    }

    [Fact]
    public async Task Completion_AfterImport_ListsPackagesAndDeclarations()
    {
        var labels = await CompleteAsync("package demo.app\nimport demo.$$\n");

        Assert.Contains("demo.lib", labels);
        Assert.Contains("demo.lib.*", labels);
        Assert.Contains("demo.lib.Resistor", labels);
        Assert.Contains("std.units.*", labels);
    }

    [Fact]
    public async Task Completion_InAssetBody_ListsMemberKeywordsAndVisibleNames()
    {
        var labels = await CompleteAsync("package demo.lib\nasset C {\n  parameter k: Real = 1\n  $$\n}\n");

        Assert.Contains("parameter", labels);
        Assert.Contains("equation", labels);
        Assert.Contains("k", labels);
        Assert.Contains("Resistor", labels);
        Assert.DoesNotContain("asset", labels);
    }

    [Fact]
    public async Task Completion_InEquation_ListsEquationKeywordsMembersAndBuiltins()
    {
        var labels = await CompleteAsync("package demo.lib\nasset C {\n  state x: Real = 1\n  equation {\n    $$\n  }\n}\n");

        Assert.Contains("der", labels);
        Assert.Contains("x", labels);
        Assert.Contains("sqrt", labels);
        Assert.DoesNotContain("parameter", labels);
    }

    [Fact]
    public async Task Completion_TopLevel_ListsDeclarationKeywords()
    {
        var labels = await CompleteAsync("package demo.lib\n\n$$\n");

        Assert.Contains("asset", labels);
        Assert.Contains("scenario", labels);
        Assert.DoesNotContain("parameter", labels);
    }

    [Fact]
    public async Task CodeAction_UndeclaredNameWithSuggestion_OffersReplacement()
    {
        var (client, workspace, uri) = await OpenAsync("package demo.lib\nasset C {\n  parameter capacity: Real = 1\n  output y: Real\n  equation { y = capacty }\n}\n");
        await using var _ = client;
        using var __ = workspace;

        var diagnostic = await SingleDiagnosticAsync(client, uri, "TW1001");
        var fixes = await FixesAsync(client, uri, diagnostic);

        var fix = Assert.Single(fixes, f => f["title"]!.GetValue<string>() == "Change to 'capacity'")!;
        Assert.True(fix["isPreferred"]!.GetValue<bool>());
        Assert.Equal("package demo.lib\nasset C {\n  parameter capacity: Real = 1\n  output y: Real\n  equation { y = capacity }\n}\n", Apply(client, uri, fix));
    }

    [Fact]
    public async Task CodeAction_UnknownUnitWithClosestUnit_OffersReplacement()
    {
        var (client, workspace, uri) = await OpenAsync("package demo.lib\nasset C {\n  parameter p: Resistance = 3 mOhn\n}\n");
        await using var _ = client;
        using var __ = workspace;

        var diagnostic = await SingleDiagnosticAsync(client, uri, "TW2000");
        var fixes = await FixesAsync(client, uri, diagnostic);

        var fix = Assert.Single(fixes, f => f["title"]!.GetValue<string>().StartsWith("Change to", StringComparison.Ordinal))!;
        Assert.Equal("package demo.lib\nasset C {\n  parameter p: Resistance = 3 mOhm\n}\n", Apply(client, uri, fix));
    }

    [Fact]
    public async Task CodeAction_NameDeclaredInOtherPackage_OffersImport()
    {
        var (client, workspace, uri) = await OpenAsync("package demo.app\n\nasset C {\n  component r: Resistor\n}\n");
        await using var _ = client;
        using var __ = workspace;

        var diagnostic = await SingleDiagnosticAsync(client, uri, "TW1001");
        var fixes = await FixesAsync(client, uri, diagnostic);

        var fix = Assert.Single(fixes, f => f["title"]!.GetValue<string>() == "Import 'demo.lib.Resistor'")!;
        var fixedText = Apply(client, uri, fix);
        Assert.Equal("package demo.app\nimport demo.lib.Resistor\n\nasset C {\n  component r: Resistor\n}\n", fixedText);
    }

    [Fact]
    public async Task CodeAction_LiteralWithWrongUnit_OffersTheExpectedUnit()
    {
        var (client, workspace, uri) = await OpenAsync("package demo.app\n\nasset C {\n  parameter u: Voltage = 3 A\n}\n");
        await using var _ = client;
        using var __ = workspace;

        var diagnostic = await SingleDiagnosticAsync(client, uri, "TW2050");
        var fixes = await FixesAsync(client, uri, diagnostic);

        var fix = Assert.Single(fixes, f => f["title"]!.GetValue<string>() == "Write the value in 'V'")!;
        Assert.Equal("package demo.app\n\nasset C {\n  parameter u: Voltage = 3 V\n}\n", Apply(client, uri, fix));
    }

    [Fact]
    public async Task CodeAction_BareNumberWhereQuantityExpected_AddsTheUnit()
    {
        var (client, workspace, uri) = await OpenAsync("package demo.app\n\nasset C {\n  parameter u: Voltage = 3\n}\n");
        await using var _ = client;
        using var __ = workspace;

        var diagnostic = await SingleDiagnosticAsync(client, uri, "TW2050");
        var fixes = await FixesAsync(client, uri, diagnostic);

        var fix = Assert.Single(fixes, f => f["title"]!.GetValue<string>() == "Write the value in 'V'")!;
        Assert.Equal("package demo.app\n\nasset C {\n  parameter u: Voltage = 3 V\n}\n", Apply(client, uri, fix));
    }

    [Fact]
    public async Task Formatting_UnformattedDocument_ReturnsEditsToCanonicalLayout()
    {
        var (client, workspace, uri) = await OpenAsync("asset   C{\nparameter p:Real=1\n}\n");
        await using var _ = client;
        using var __ = workspace;

        var edits = (await client.RequestAsync("textDocument/formatting", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = uri },
            ["options"] = new JsonObject { ["tabSize"] = 2, ["insertSpaces"] = true },
        }))!.AsArray();

        Assert.Equal("asset C {\n  parameter p: Real = 1\n}\n", ApplyEdits(client.Server.Documents.Get(uri)!.Text, edits));
    }

    [Fact]
    public async Task Formatting_DocumentWithSyntaxError_ReturnsNoEdits()
    {
        var (client, workspace, uri) = await OpenAsync("asset   C{\nparameter p:Real=\n}\n");
        await using var _ = client;
        using var __ = workspace;

        var edits = await client.RequestAsync("textDocument/formatting", new JsonObject { ["textDocument"] = new JsonObject { ["uri"] = uri }, ["options"] = new JsonObject() });

        Assert.Empty(edits!.AsArray());
    }

    private static async Task<List<string>> CompleteAsync(string marked, string? triggerCharacter = null)
    {
        var markup = Markup.Parse(marked);
        var (client, workspace, uri) = await OpenAsync(markup.Text);
        await using var _ = client;
        using var __ = workspace;
        var parameters = ProtocolTests.Position(uri, markup.Line, markup.Character);
        if (triggerCharacter is not null)
        {
            parameters["context"] = new JsonObject { ["triggerKind"] = 2, ["triggerCharacter"] = triggerCharacter };
        }

        var result = await client.RequestAsync("textDocument/completion", parameters);
        return result!["items"]!.AsArray().Select(i => i!["label"]!.GetValue<string>()).ToList();
    }

    private static async Task<(LspTestClient Client, TempWorkspace Workspace, string Uri)> OpenAsync(string text)
    {
        var workspace = new TempWorkspace(("lib.twin", Library));
        var client = await LspTestClient.StartAsync(workspace.Root);
        var uri = workspace.UriOf("edited.twin");
        await client.OpenAsync(uri, text);
        return (client, workspace, uri);
    }

    private static async Task<JsonNode> SingleDiagnosticAsync(LspTestClient client, string uri, string code)
    {
        var diagnostics = await client.WaitForDiagnosticsAsync(uri, 1);
        return Assert.Single(diagnostics, d => d!["code"]!.GetValue<string>() == code)!;
    }

    private static async Task<List<JsonNode>> FixesAsync(LspTestClient client, string uri, JsonNode diagnostic)
    {
        var result = await client.RequestAsync("textDocument/codeAction", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = uri },
            ["range"] = diagnostic["range"]!.DeepClone(),
            ["context"] = new JsonObject { ["diagnostics"] = new JsonArray(diagnostic.DeepClone()) },
        });
        return [.. result!.AsArray().Select(a => a!)];
    }

    private static string Apply(LspTestClient client, string uri, JsonNode action) =>
        ApplyEdits(client.Server.Documents.Get(uri)!.Text, action["edit"]!["changes"]![uri]!.AsArray());

    internal static string ApplyEdits(SourceText text, JsonArray edits)
    {
        var result = text.Text;
        foreach (var edit in edits.OrderByDescending(e => text.GetOffset(Position(e!["range"]!["start"]!))))
        {
            var start = text.GetOffset(Position(edit!["range"]!["start"]!));
            var end = text.GetOffset(Position(edit["range"]!["end"]!));
            result = result[..start] + edit["newText"]!.GetValue<string>() + result[end..];
        }

        return result;
    }

    private static LinePosition Position(JsonNode node) => new(node["line"]!.GetValue<int>(), node["character"]!.GetValue<int>());
}
