using System.Text.Json.Nodes;
using TwinLang.LanguageServer.JsonRpc;

namespace TwinLang.LanguageServer.Tests;

/// <summary>Binder-backed features on a two-file workspace: a library package and a file that imports it.</summary>
public sealed class SemanticFeatureTests : IAsyncLifetime
{
    private const string Library = """
        package demo.lib

        /// A resistor with one parameter.
        asset Resistor {
          parameter r: Resistance = 15 mOhm "series resistance"
          input i: Current
          output v: Voltage
          equation {
            v = i * r
          }
        }

        /// Twice the argument.
        function double(x: Real, y: Real): Real = 2 * x + y
        """;

    private const string App = """
        package demo.app
        import demo.lib.*

        asset Circuit {
          component r1: Resistor
          output v: Voltage
          equation {
            v = r1.v
          }
        }
        """;

    private readonly TempWorkspace _workspace = new(("lib.twin", Library), ("app.twin", App));
    private LspTestClient _client = null!;

    private string LibUri => _workspace.UriOf("lib.twin");

    private string AppUri => _workspace.UriOf("app.twin");

    public async Task InitializeAsync()
    {
        _client = await LspTestClient.StartAsync(_workspace.Root);
        await _client.OpenAsync(LibUri, Library);
        await _client.OpenAsync(AppUri, App);
    }

    public async Task DisposeAsync()
    {
        await _client.DisposeAsync();
        _workspace.Dispose();
    }

    [Fact]
    public async Task Hover_ParameterUse_ShowsDeclarationQuantityUnitDefaultAndDescription()
    {
        var hover = await _client.RequestAsync("textDocument/hover", ProtocolTests.Position(LibUri, 8, 12));

        var markdown = hover!["contents"]!["value"]!.GetValue<string>();
        Assert.Contains("parameter r: Resistance = 15 mOhm", markdown, StringComparison.Ordinal);
        Assert.Contains("quantity: `Resistance`", markdown, StringComparison.Ordinal);
        Assert.Contains("unit: `Ohm`", markdown, StringComparison.Ordinal);
        Assert.Contains("default: `15 mOhm`", markdown, StringComparison.Ordinal);
        Assert.Contains("series resistance", markdown, StringComparison.Ordinal);
        Assert.Equal(8, hover["range"]!["start"]!["line"]!.GetValue<int>());
    }

    [Fact]
    public async Task Hover_AssetFromOtherFile_ShowsItsDocComment()
    {
        var hover = await _client.RequestAsync("textDocument/hover", ProtocolTests.Position(AppUri, 4, 18));

        var markdown = hover!["contents"]!["value"]!.GetValue<string>();
        Assert.Contains("asset Resistor", markdown, StringComparison.Ordinal);
        Assert.Contains("A resistor with one parameter.", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Hover_UnitInLiteral_ShowsTheUnit()
    {
        var hover = await _client.RequestAsync("textDocument/hover", ProtocolTests.Position(LibUri, 4, 33));

        Assert.Contains("unit Ohm", hover!["contents"]!["value"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(31, hover["range"]!["start"]!["character"]!.GetValue<int>());
    }

    [Fact]
    public async Task DidChangeWatchedFiles_NewFileOnDisk_IsPartOfTheWorkspace()
    {
        var path = _workspace.PathOf("extra.twin");
        await File.WriteAllTextAsync(path, "package demo.lib\n\nasset Extra {}\n");
        await _client.NotifyAsync("workspace/didChangeWatchedFiles", new JsonObject
        {
            ["changes"] = new JsonArray(new JsonObject { ["uri"] = _workspace.UriOf("extra.twin"), ["type"] = 1 }),
        });

        var symbols = (await _client.RequestAsync("workspace/symbol", new JsonObject { ["query"] = "Extra" }))!.AsArray();

        Assert.Equal(_workspace.UriOf("extra.twin"), Assert.Single(symbols)!["location"]!["uri"]!.GetValue<string>());
    }

    [Fact]
    public async Task Hover_Whitespace_ReturnsNull()
    {
        Assert.Null(await _client.RequestAsync("textDocument/hover", ProtocolTests.Position(LibUri, 1, 0)));
    }

    [Fact]
    public async Task Definition_ImportedAssetUse_GoesToDeclarationInLibrary()
    {
        var location = await _client.RequestAsync("textDocument/definition", ProtocolTests.Position(AppUri, 4, 18));

        Assert.Equal(LibUri, location!["uri"]!.GetValue<string>());
        Assert.Equal(3, location["range"]!["start"]!["line"]!.GetValue<int>());
        Assert.Equal(6, location["range"]!["start"]!["character"]!.GetValue<int>());
    }

    [Fact]
    public async Task Definition_MemberAccess_GoesToMemberDeclaration()
    {
        var location = await _client.RequestAsync("textDocument/definition", ProtocolTests.Position(AppUri, 7, 11));

        Assert.Equal(LibUri, location!["uri"]!.GetValue<string>());
        Assert.Equal(6, location["range"]!["start"]!["line"]!.GetValue<int>());
    }

    [Fact]
    public async Task References_MemberWithDeclaration_ListsUsesAcrossFiles()
    {
        var parameters = ProtocolTests.Position(LibUri, 6, 9);
        parameters["context"] = new JsonObject { ["includeDeclaration"] = true };

        var locations = (await _client.RequestAsync("textDocument/references", parameters))!.AsArray();

        Assert.Equal(
            [$"{AppUri}:7", $"{LibUri}:6", $"{LibUri}:8"],
            locations.Select(l => $"{l!["uri"]}:{l["range"]!["start"]!["line"]}").Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Rename_Asset_EditsDeclarationAndUsesInBothFiles()
    {
        var parameters = ProtocolTests.Position(LibUri, 3, 8);
        parameters["newName"] = "Resistance2";

        var edit = await _client.RequestAsync("textDocument/rename", parameters);

        var changes = edit!["changes"]!.AsObject();
        Assert.Equal([AppUri, LibUri], changes.Select(c => c.Key).Order(StringComparer.Ordinal));
        Assert.All(changes.SelectMany(c => c.Value!.AsArray()), e => Assert.Equal("Resistance2", e!["newText"]!.GetValue<string>()));
        Assert.Equal(4, changes[AppUri]![0]!["range"]!["start"]!["line"]!.GetValue<int>());
    }

    [Fact]
    public async Task PrepareRename_UserSymbol_ReturnsRangeAndPlaceholder()
    {
        var result = await _client.RequestAsync("textDocument/prepareRename", ProtocolTests.Position(LibUri, 4, 12));

        Assert.Equal("r", result!["placeholder"]!.GetValue<string>());
        Assert.Equal(12, result["range"]!["start"]!["character"]!.GetValue<int>());
    }

    [Fact]
    public async Task PrepareRename_StandardLibraryQuantity_ReturnsNull()
    {
        Assert.Null(await _client.RequestAsync("textDocument/prepareRename", ProtocolTests.Position(LibUri, 6, 14)));
    }

    [Theory]
    [InlineData("equation")]
    [InlineData("2r")]
    [InlineData("r two")]
    [InlineData("")]
    public async Task Rename_ToKeywordOrNonName_FailsWithRequestFailed(string newName)
    {
        var parameters = ProtocolTests.Position(LibUri, 4, 12);
        parameters["newName"] = newName;

        var error = await Assert.ThrowsAsync<LspErrorException>(() => _client.RequestAsync("textDocument/rename", parameters));

        Assert.Equal(ErrorCodes.RequestFailed, error.Code);
    }

    [Fact]
    public async Task WorkspaceSymbol_FuzzyQuery_FindsUserDeclarationsOnly()
    {
        var symbols = (await _client.RequestAsync("workspace/symbol", new JsonObject { ["query"] = "rsis" }))!.AsArray();

        var found = Assert.Single(symbols)!;
        Assert.Equal("Resistor", found["name"]!.GetValue<string>());
        Assert.Equal(LibUri, found["location"]!["uri"]!.GetValue<string>());
        Assert.Equal("demo.lib", found["containerName"]!.GetValue<string>());
    }

    [Fact]
    public async Task SignatureHelp_InsideSecondArgument_ShowsSignatureAndActiveParameter()
    {
        var uri = _workspace.UriOf("call.twin");
        var markup = Markup.Parse("package demo.lib\nasset Caller {\n  output y: Real\n  equation {\n    y = double(1, $$\n  }\n}\n");
        await _client.OpenAsync(uri, markup.Text);

        var help = await _client.RequestAsync("textDocument/signatureHelp", ProtocolTests.Position(uri, markup.Line, markup.Character));

        Assert.Equal("function double(x: Real, y: Real): Real", help!["signatures"]![0]!["label"]!.GetValue<string>());
        Assert.Equal(1, help["activeParameter"]!.GetValue<int>());
        Assert.Equal("Twice the argument.", help["signatures"]![0]!["documentation"]!["value"]!.GetValue<string>());
    }

    [Fact]
    public async Task SignatureHelp_TableCall_ShowsTableSignature()
    {
        var uri = _workspace.UriOf("table.twin");
        var markup = Markup.Parse("package demo.lib\ntable ocv(soc: Fraction): Voltage {\n  0.0 -> 3.0 V,\n  1.0 -> 4.2 V,\n}\nasset Cell {\n  output u: Voltage\n  equation {\n    u = ocv($$0.5)\n  }\n}\n");
        await _client.OpenAsync(uri, markup.Text);

        var help = await _client.RequestAsync("textDocument/signatureHelp", ProtocolTests.Position(uri, markup.Line, markup.Character));

        Assert.Equal("table ocv(soc: Fraction): Voltage", help!["signatures"]![0]!["label"]!.GetValue<string>());
        Assert.Equal(0, help["activeParameter"]!.GetValue<int>());
        Assert.Equal([10, 23], help["signatures"]![0]!["parameters"]![0]!["label"]!.AsArray().Select(n => n!.GetValue<int>()));
    }

    [Fact]
    public async Task SignatureHelp_OutsideCall_ReturnsNull()
    {
        Assert.Null(await _client.RequestAsync("textDocument/signatureHelp", ProtocolTests.Position(LibUri, 8, 8)));
    }
}
