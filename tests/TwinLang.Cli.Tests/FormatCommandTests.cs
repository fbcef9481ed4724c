using Xunit;

namespace TwinLang.Cli.Tests;

public sealed class FormatCommandTests
{
    private const string Messy = "asset   Tank{parameter volume :Real=2}\n";

    [Fact]
    public void FmtCheck_UnformattedFile_ListsItExitsOneAndLeavesItAlone()
    {
        using var folder = new TempFolder();
        folder.Write("models/tank.twin", Messy);

        var run = CliRun.Invoke(folder.Path, "fmt", "--check", "models");

        Assert.Equal(ExitCodes.Errors, run.ExitCode);
        Assert.Equal(["models/tank.twin"], run.OutLines);
        Assert.Equal(Messy, folder.Read("models/tank.twin"));
    }

    [Fact]
    public void Fmt_UnformattedFile_RewritesItSoCheckThenPasses()
    {
        using var folder = new TempFolder();
        folder.Write("tank.twin", Messy);

        var run = CliRun.Invoke(folder.Path, "fmt", "tank.twin");
        var recheck = CliRun.Invoke(folder.Path, "fmt", "--check", "tank.twin");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.NotEqual(Messy, folder.Read("tank.twin"));
        Assert.Equal(ExitCodes.Success, recheck.ExitCode);
        Assert.Empty(recheck.OutLines);
    }

    [Fact]
    public void Fmt_FileWithSyntaxErrors_ReportsItAndLeavesItUntouched()
    {
        using var folder = new TempFolder();
        const string broken = "asset   Tank{parameter volume :Real=}\n";
        folder.Write("broken.twin", broken);

        var run = CliRun.Invoke(folder.Path, "fmt", "broken.twin");

        Assert.Equal(ExitCodes.Errors, run.ExitCode);
        Assert.Contains("TW5030", run.Codes);
        Assert.Contains(run.Codes, code => code.StartsWith("TW0", StringComparison.Ordinal));
        Assert.Equal(broken, folder.Read("broken.twin"));
    }

    [Fact]
    public void Fmt_MissingFile_ReportsTW5001()
    {
        using var folder = new TempFolder();

        var run = CliRun.Invoke(folder.Path, "fmt", "--check", "none.twin");

        Assert.Equal(ExitCodes.Errors, run.ExitCode);
        Assert.Equal(["TW5001"], run.Codes);
    }
}
