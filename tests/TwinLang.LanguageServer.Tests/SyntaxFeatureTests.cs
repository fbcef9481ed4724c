using System.Text.Json.Nodes;

namespace TwinLang.LanguageServer.Tests;

public sealed class SyntaxFeatureTests
{
    private const string Uri = "file:///work/cell.twin";

    private const string Cell = """
        package energy.battery version "1.0.0"
        import std.units.*
        import std.quantities.*

        /// One cell.
        /// Second line.
        asset Cell {
          parameter capacity: Charge = 2.5 A*h "nominal capacity"
          state soc: Real = 1
          output voltage: Voltage
          equation {
            der(soc) = -1 / 3600 s
            voltage = 3.7 V
          }
        }

        enum Mode { off, on }
        """;

    [Fact]
    public async Task DocumentSymbol_Asset_ListsPackageDeclarationsAndMembers()
    {
        await using var client = await LspTestClient.StartAsync();
        await client.OpenAsync(Uri, Cell);

        var symbols = (await client.RequestAsync("textDocument/documentSymbol", ProtocolTests.TextDocument(Uri)))!.AsArray();

        Assert.Equal(["energy.battery", "Cell", "Mode"], symbols.Select(s => s!["name"]!.GetValue<string>()));
        var cell = symbols[1]!;
        Assert.Equal(5, cell["kind"]!.GetValue<int>());
        Assert.Equal(["capacity", "soc", "voltage"], cell["children"]!.AsArray().Select(c => c!["name"]!.GetValue<string>()));
        Assert.Equal("parameter: Charge", cell["children"]![0]!["detail"]!.GetValue<string>());
        Assert.Equal(6, cell["range"]!["start"]!["line"]!.GetValue<int>());
        Assert.Equal(6, cell["selectionRange"]!["start"]!["character"]!.GetValue<int>());
        Assert.Equal(["off", "on"], symbols[2]!["children"]!.AsArray().Select(c => c!["name"]!.GetValue<string>()));
    }

    [Fact]
    public async Task FoldingRange_Asset_FoldsDeclarationSectionImportsAndDocComment()
    {
        await using var client = await LspTestClient.StartAsync();
        await client.OpenAsync(Uri, Cell);

        var ranges = (await client.RequestAsync("textDocument/foldingRange", ProtocolTests.TextDocument(Uri)))!.AsArray()
            .Select(r => $"{r!["startLine"]}-{r["endLine"]}:{r["kind"]?.GetValue<string>() ?? "-"}")
            .ToList();

        Assert.Equal(["1-2:imports", "4-5:comment", "6-13:-", "10-12:-"], ranges);
    }

    [Fact]
    public async Task FoldingRange_RegionMarkers_FoldAsRegion()
    {
        await using var client = await LspTestClient.StartAsync();
        await client.OpenAsync(Uri, "// region units\nunit h = 3600 s\nunit d = 24 h\n// endregion\n");

        var range = Assert.Single((await client.RequestAsync("textDocument/foldingRange", ProtocolTests.TextDocument(Uri)))!.AsArray())!;

        Assert.Equal((0, 3, "region"), (range["startLine"]!.GetValue<int>(), range["endLine"]!.GetValue<int>(), range["kind"]!.GetValue<string>()));
    }

    [Fact]
    public async Task SemanticTokensFull_Asset_ClassifiesKeywordsDeclarationsTypesUnitsAndComments()
    {
        await using var client = await LspTestClient.StartAsync();
        await client.OpenAsync(Uri, Cell);

        var tokens = await DecodeAsync(client, "textDocument/semanticTokens/full", ProtocolTests.TextDocument(Uri));

        Assert.Contains("6:0 asset keyword", tokens);
        Assert.Contains("6:6 Cell class declaration", tokens);
        Assert.Contains("7:12 capacity property declaration,readonly", tokens);
        Assert.Contains("7:22 Charge type defaultLibrary", tokens);
        Assert.Contains("7:35 A unit", tokens);
        Assert.Contains("7:37 h unit defaultLibrary", tokens);
        Assert.Contains("4:0 /// One cell. comment documentation", tokens);
        Assert.Contains("11:4 der keyword", tokens);
        Assert.Contains("11:8 soc property", tokens);
        Assert.Contains("0:8 energy namespace", tokens);
        Assert.Contains("16:12 off enumMember declaration,readonly", tokens);
    }

    [Fact]
    public async Task SemanticTokensRange_OneLine_ReturnsOnlyThatLinesTokens()
    {
        await using var client = await LspTestClient.StartAsync();
        await client.OpenAsync(Uri, Cell);
        var parameters = ProtocolTests.TextDocument(Uri);
        parameters["range"] = DiagnosticsTests.Range(9, 0, 9, 30);

        var tokens = await DecodeAsync(client, "textDocument/semanticTokens/range", parameters);

        Assert.Equal(["9:2 output keyword", "9:9 voltage property declaration", "9:18 Voltage type defaultLibrary"], tokens);
    }

    [Fact]
    public async Task SemanticTokensFull_MultiLineBlockComment_IsSplitPerLine()
    {
        await using var client = await LspTestClient.StartAsync();
        await client.OpenAsync(Uri, "/* one\n   two */\nasset A {}\n");

        var tokens = await DecodeAsync(client, "textDocument/semanticTokens/full", ProtocolTests.TextDocument(Uri));

        Assert.Equal(["0:0 /* one comment", "1:0    two */ comment", "2:0 asset keyword", "2:6 A class declaration"], tokens);
    }

    /// <summary>Decodes the relative token stream into "line:column text type modifiers" lines.</summary>
    internal static async Task<List<string>> DecodeAsync(LspTestClient client, string method, JsonObject parameters)
    {
        var legend = (Types: Features.SemanticTokenLegend.TokenTypes, Modifiers: Features.SemanticTokenLegend.TokenModifiers);
        var data = (await client.RequestAsync(method, parameters))!["data"]!.AsArray().Select(n => n!.GetValue<int>()).ToArray();
        var text = client.Server.Documents.Get(parameters["textDocument"]!["uri"]!.GetValue<string>())!.Text;
        var result = new List<string>();
        int line = 0, column = 0;
        for (var i = 0; i < data.Length; i += 5)
        {
            column = data[i] == 0 ? column + data[i + 1] : data[i + 1];
            line += data[i];
            var modifiers = string.Join(',', legend.Modifiers.Where((_, bit) => (data[i + 4] & (1 << bit)) != 0));
            var lexeme = text.GetLineText(line).Substring(column, data[i + 2]);
            result.Add($"{line}:{column} {lexeme} {legend.Types[data[i + 3]]}{(modifiers.Length > 0 ? " " + modifiers : string.Empty)}");
        }

        return result;
    }
}
