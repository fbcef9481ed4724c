using System.Text.Json;
using Xunit;

namespace TwinLang.Cli.Tests;

public sealed class SarifOutputTests
{
    [Fact]
    public void CheckSarif_Errors_WritesSarif210LogWithRulesAndResults()
    {
        using var folder = new TempFolder();
        folder.WriteBytes("src/bad file.twin", [.. "\n//"u8, 0xFF]);

        var run = CliRun.Invoke(folder.Path, "check", "--format", "sarif", "src", "gone.twin");

        Assert.Equal(ExitCodes.Errors, run.ExitCode);
        using var log = JsonDocument.Parse(run.Out);
        var root = log.RootElement;
        Assert.Equal("2.1.0", root.GetProperty("version").GetString());
        Assert.EndsWith("sarif-2.1.0.json", root.GetProperty("$schema").GetString(), StringComparison.Ordinal);
        var runElement = Assert.Single(root.GetProperty("runs").EnumerateArray());
        var driver = runElement.GetProperty("tool").GetProperty("driver");
        Assert.Equal("twin", driver.GetProperty("name").GetString());

        var rules = driver.GetProperty("rules").EnumerateArray().ToList();
        Assert.Equal(["TW5001", "TW5003"], rules.Select(r => r.GetProperty("id").GetString()));
        Assert.All(rules, rule =>
        {
            Assert.EndsWith(".", rule.GetProperty("shortDescription").GetProperty("text").GetString(), StringComparison.Ordinal);
            Assert.Equal("docs/diagnostics.md#" + rule.GetProperty("id").GetString()?.ToLowerInvariant(), rule.GetProperty("helpUri").GetString());
        });

        var results = runElement.GetProperty("results").EnumerateArray().ToList();
        Assert.Equal(2, results.Count);
        var utf8 = results.Single(r => r.GetProperty("ruleId").GetString() == "TW5003");
        Assert.Equal("error", utf8.GetProperty("level").GetString());
        Assert.StartsWith("Expected UTF-8 text", utf8.GetProperty("message").GetProperty("text").GetString(), StringComparison.Ordinal);
        var location = Assert.Single(utf8.GetProperty("locations").EnumerateArray()).GetProperty("physicalLocation");
        Assert.Equal("src/bad%20file.twin", location.GetProperty("artifactLocation").GetProperty("uri").GetString());
        var region = location.GetProperty("region");
        Assert.Equal(2, region.GetProperty("startLine").GetInt32());
        Assert.Equal(3, region.GetProperty("startColumn").GetInt32());
        Assert.Equal(2, region.GetProperty("endLine").GetInt32());
        Assert.Equal(4, region.GetProperty("endColumn").GetInt32());
    }

    [Fact]
    public void CheckSarif_NoDiagnostics_WritesEmptyResultsAndExitsZero()
    {
        using var folder = new TempFolder();
        folder.Write("ok.twin", "");

        var run = CliRun.Invoke(folder.Path, "check", "ok.twin", "--format", "sarif");

        using var log = JsonDocument.Parse(run.Out);
        var runElement = log.RootElement.GetProperty("runs")[0];
        Assert.Empty(runElement.GetProperty("results").EnumerateArray());
        Assert.Empty(runElement.GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray());
        Assert.Equal(ExitCodes.Success, run.ExitCode);
    }

    [Theory]
    [InlineData("src/a.twin", "src/a.twin")]
    [InlineData("src\\a b.twin", "src/a%20b.twin")]
    [InlineData("/opt/std/units.twin", "file:///opt/std/units.twin")]
    public void ToUri_Path_IsRelativeUnlessRooted(string path, string expected)
    {
        Assert.Equal(expected, SarifWriter.ToUri(path));
    }
}
