using Xunit;

namespace TwinLang.Cli.Tests;

public sealed class ManifestTests
{
    private const string AppManifest = """
        {
          "package": "energy.battery",
          "version": "1.2.0",
          "dependencies": {
            "energy.cells": { "path": "../cells", "version": "^1.0.0" }
          }
        }
        """;

    [Fact]
    public void Check_ResolvableDependencies_WritesSortedLockFile()
    {
        using var folder = WriteChain();

        var run = CliRun.Invoke(folder.Path, "check", "app");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        var lockText = folder.Read("app/twin.lock.json");
        Assert.Matches(@"""name"": ""energy.cells"",\s+""version"": ""1.4.2"",\s+""path"": ""../cells"",\s+""hash"": ""sha256-[0-9a-f]{64}""", lockText);
        Assert.True(lockText.IndexOf("energy.cells", StringComparison.Ordinal) < lockText.IndexOf("energy.units", StringComparison.Ordinal), lockText);
        Assert.DoesNotContain("\r", lockText, StringComparison.Ordinal);
    }

    [Fact]
    public void CheckLocked_FreshLock_ExitsZero()
    {
        using var folder = WriteChain();
        CliRun.Invoke(folder.Path, "check", "app");

        var run = CliRun.Invoke(folder.Path, "check", "--locked", "app");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Empty(run.Codes);
    }

    [Fact]
    public void CheckLocked_DependencySourceChanged_ReportsTW5021()
    {
        using var folder = WriteChain();
        CliRun.Invoke(folder.Path, "check", "app");
        folder.Write("units/extra.twin", "// a new file changes the content hash\n");

        var run = CliRun.Invoke(folder.Path, "check", "--locked", "app");

        Assert.Equal(ExitCodes.Errors, run.ExitCode);
        Assert.Equal(["TW5021"], run.Codes);
        Assert.Contains("app/twin.lock.json(1,1): error TW5021:", run.Out, StringComparison.Ordinal);
        Assert.Contains("'energy.units'", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void CheckLocked_VersionBumped_ReportsTW5021AndKeepsLock()
    {
        using var folder = WriteChain();
        CliRun.Invoke(folder.Path, "check", "app");
        var before = folder.Read("app/twin.lock.json");
        folder.Write("cells/twin.json", """{ "package": "energy.cells", "version": "1.5.0", "dependencies": { "energy.units": { "path": "../units", "version": "~0.3.0" } } }""");

        var run = CliRun.Invoke(folder.Path, "check", "--locked", "app");

        Assert.Equal(["TW5021"], run.Codes);
        Assert.Contains("'1.4.2'", run.Out, StringComparison.Ordinal);
        Assert.Equal(before, folder.Read("app/twin.lock.json"));
    }

    [Fact]
    public void CheckLocked_NoLockFile_ReportsTW5020()
    {
        using var folder = WriteChain();

        var run = CliRun.Invoke(folder.Path, "check", "app", "--locked");

        Assert.Equal(["TW5020"], run.Codes);
        Assert.False(folder.Exists("app/twin.lock.json"));
    }

    [Fact]
    public void Check_VersionOutsideRange_ReportsTW5015AtRangeAndWritesNoLock()
    {
        using var folder = WriteChain();
        folder.Write("cells/twin.json", """{ "package": "energy.cells", "version": "2.0.0" }""");

        var run = CliRun.Invoke(folder.Path, "check", "app");

        Assert.Equal(ExitCodes.Errors, run.ExitCode);
        Assert.Equal(["app/twin.json(5,54): error TW5015: Dependency 'energy.cells' requires a version in '^1.0.0' but its manifest declares '2.0.0'."], run.OutLines);
        Assert.False(folder.Exists("app/twin.lock.json"));
    }

    [Fact]
    public void Check_DependencyWithoutManifest_ReportsTW5010()
    {
        using var folder = new TempFolder();
        folder.Write("app/twin.json", AppManifest);
        folder.Write("app/main.twin", "");
        folder.Write("cells/cell.twin", "");

        var run = CliRun.Invoke(folder.Path, "check", "app");

        Assert.Equal(["TW5010"], run.Codes);
        Assert.Contains("app/twin.json(5,5): error TW5010:", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_DependencyCycle_ReportsTW5016WithThePath()
    {
        using var folder = WriteChain();
        folder.Write("units/twin.json", """{ "package": "energy.units", "version": "0.3.1", "dependencies": { "energy.cells": { "path": "../cells" } } }""");

        var run = CliRun.Invoke(folder.Path, "check", "app");

        Assert.Equal(["TW5016"], run.Codes);
        Assert.Contains("'energy.cells -> energy.units -> energy.cells'", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_MalformedManifest_ReportsTW5011AtLineAndColumn()
    {
        using var folder = new TempFolder();
        folder.Write("app/twin.json", "{\n  \"package\": \"app\",\n  \"version\": \"1.0.0\"\n  \"dependencies\": {}\n}\n");
        folder.Write("app/main.twin", "");

        var run = CliRun.Invoke(folder.Path, "check", "app");

        Assert.Equal(ExitCodes.Errors, run.ExitCode);
        var line = Assert.Single(run.OutLines);
        Assert.StartsWith("app/twin.json(4,3): error TW5011: Expected valid JSON but found an error:", line, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{ "package": "app", "version": "1.0" }""", "TW5013")]
    [InlineData("""{ "package": "app", "version": "1.0.0", "dependencies": { "x": { "path": "../x", "version": "^one" } } }""", "TW5014")]
    [InlineData("""{ "package": "app" }""", "TW5012")]
    [InlineData("""{ "package": "no spaces", "version": "1.0.0" }""", "TW5012")]
    [InlineData("""[1, 2]""", "TW5012")]
    public void Check_InvalidManifestField_ReportsItsCode(string manifest, string code)
    {
        using var folder = new TempFolder();
        folder.Write("app/twin.json", manifest);
        folder.Write("app/main.twin", "");

        var run = CliRun.Invoke(folder.Path, "check", "app");

        Assert.Equal([code], run.Codes);
    }

    [Fact]
    public void Check_DependencyNameDiffers_ReportsTW5017()
    {
        using var folder = WriteChain();
        folder.Write("cells/twin.json", """{ "package": "energy.cell", "version": "1.4.2" }""");

        var run = CliRun.Invoke(folder.Path, "check", "app");

        Assert.Equal(["TW5017"], run.Codes);
    }

    // app -> cells (^1.0.0, is 1.4.2) -> units (~0.3.0, is 0.3.1): a transitive chain of real folders.
    private static TempFolder WriteChain()
    {
        var folder = new TempFolder();
        folder.Write("app/twin.json", AppManifest);
        folder.Write("app/main.twin", "");
        folder.Write("cells/twin.json", """{ "package": "energy.cells", "version": "1.4.2", "dependencies": { "energy.units": { "path": "../units", "version": "~0.3.0" } } }""");
        folder.Write("cells/cell.twin", "");
        folder.Write("units/twin.json", """{ "package": "energy.units", "version": "0.3.1" }""");
        folder.Write("units/units.twin", "");
        return folder;
    }
}
