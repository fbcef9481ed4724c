using Xunit;

namespace TwinLang.Build.Tests;

/// <summary>
/// End-to-end: build/TwinLang.Build.targets in a real <c>dotnet build</c>. Each build costs tens of seconds,
/// so the cases are few and each checks several things.
/// </summary>
public sealed class TwinCheckTargetTests
{
    private const string ValidTwin = """
        asset Resistor {
          parameter r: Resistance = 10 Ohm
          input i: Current
          output v: Voltage
          equation { v = i * r }
        }

        """;

    private const string UnitErrorTwin = """
        asset Wire {
          input i: Current
          output v: Voltage
          equation { v = i }
        }

        """;

    [Fact]
    public void Build_ValidTwin_SucceedsAndSecondBuildSkipsCheck()
    {
        using var sample = SampleProject.Create(ValidTwin);

        var (firstExit, firstOutput) = sample.Build("n");
        Assert.True(firstExit == 0, firstOutput);
        Assert.Contains("twin.dll check", firstOutput, StringComparison.Ordinal);
        Assert.True(File.Exists(sample.StampPath), firstOutput);
        var stampTime = File.GetLastWriteTimeUtc(sample.StampPath);

        var (secondExit, secondOutput) = sample.Build("n");
        Assert.True(secondExit == 0, secondOutput);
        Assert.Contains("Skipping target \"TwinCheck\" because all output files are up-to-date", secondOutput, StringComparison.Ordinal);
        Assert.DoesNotContain("twin.dll check", secondOutput, StringComparison.Ordinal);
        Assert.Equal(stampTime, File.GetLastWriteTimeUtc(sample.StampPath));
    }

    [Fact]
    public void Build_UnitError_FailsWithTw2050AtTwinFileAndLine()
    {
        using var sample = SampleProject.Create(UnitErrorTwin);

        var (exit, output) = sample.Build("q");

        AssertFailedWithTw2050OnLine4(sample, exit, output);
    }

    [Fact]
    public void Build_PackageReference_LoadsPackedTaskAndReportsTw2050()
    {
        using var sample = SampleProject.CreateWithPackage(UnitErrorTwin);

        var (exit, output) = sample.Build("q");

        AssertFailedWithTw2050OnLine4(sample, exit, output);
    }

    // Quiet verbosity prints only logged errors and warnings, so the line proves the CLI's output became a real
    // MSBuild error (MSBuild appends the project to it), not just echoed text.
    private static void AssertFailedWithTw2050OnLine4(SampleProject sample, int exit, string output)
    {
        Assert.True(exit != 0, output);
        var errorLine = output.Split('\n').FirstOrDefault(l => l.Contains("error TW2050:", StringComparison.Ordinal));
        Assert.True(errorLine is not null, output);
        Assert.Contains(Path.Combine(sample.Directory, "main.twin") + "(4,", errorLine, StringComparison.Ordinal);
        Assert.EndsWith("Sample.csproj]", errorLine.TrimEnd(), StringComparison.Ordinal);
        Assert.DoesNotContain("MSB6006", output, StringComparison.Ordinal);
        Assert.False(File.Exists(sample.StampPath), "a failed check must not write its stamp");
    }
}
