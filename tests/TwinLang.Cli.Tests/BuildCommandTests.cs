using Xunit;

namespace TwinLang.Cli.Tests;

/// <summary><c>twin build</c>: files written, exit codes, asset choice.</summary>
public sealed class BuildCommandTests
{
    private const string Decay = """
        asset Decay {
          parameter tau: Time = 2 s
          state x: Real = 1
          equation { der(x) = -x / tau }
        }
        """;

    [Fact]
    public void Build_OneAsset_WritesAssemblyPdbAndCSharp()
    {
        using var folder = new TempFolder();
        folder.Write("main.twin", Decay);

        var run = CliRun.Invoke(folder.Path, "build", "main.twin", "-o", "out", "--emit-cs");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.True(folder.Exists("out/Decay.dll"));
        Assert.True(folder.Exists("out/Decay.pdb"));
        Assert.Contains("// main.twin:4: der(x) = -x / tau", folder.Read("out/Decay.g.cs"), StringComparison.Ordinal);
    }

    [Fact]
    public void Build_WithoutEmitCs_WritesNoCSharp()
    {
        using var folder = new TempFolder();
        folder.Write("main.twin", Decay);

        var run = CliRun.Invoke(folder.Path, "build", "main.twin", "-o", "out");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.False(folder.Exists("out/Decay.g.cs"));
    }

    [Fact]
    public void Build_SeveralAssetsWithoutAsset_ReportsTW3101AndWritesNothing()
    {
        using var folder = new TempFolder();
        folder.Write("main.twin", Decay + "\nasset Other { }\n");

        var run = CliRun.Invoke(folder.Path, "build", "main.twin", "-o", "out");

        Assert.Equal(ExitCodes.Errors, run.ExitCode);
        Assert.Contains("error TW3101", run.Out, StringComparison.Ordinal);
        Assert.False(folder.Exists("out/Decay.dll"));
    }

    [Fact]
    public void Build_CheckErrors_ReportsThemAndBuildsNothing()
    {
        using var folder = new TempFolder();
        folder.Write("main.twin", "asset A { parameter k: Real = q }\n");

        var run = CliRun.Invoke(folder.Path, "build", "main.twin", "-o", "out", "--asset", "A");

        Assert.Equal(ExitCodes.Errors, run.ExitCode);
        Assert.Contains("error TW1001", run.Out, StringComparison.Ordinal);
        Assert.False(folder.Exists("out/A.dll"));
    }
}
