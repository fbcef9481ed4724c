using Xunit;

namespace TwinLang.Cli.Tests;

/// <summary><c>twin emit</c>: file names, formats, determinism and no output on errors.</summary>
public sealed class EmitCommandTests
{
    private const string Source = """
        package plant.tanks version "1.2.0"

        /// A tank drained through a valve.
        asset Tank {
          parameter area: Area = 2 m^2
          input inflow: VolumeFlowRate = 0 m^3/s
          state level: Length = 1 m
          output outflow: VolumeFlowRate
          equation {
            outflow = 0.1 m^2/s * level
            der(level) = (inflow - outflow) / area
          }
        }

        """;

    [Fact]
    public void Emit_All_WritesThreeDocumentsNamedAfterTheAsset()
    {
        using var folder = new TempFolder();
        folder.Write("tank.twin", Source);

        var run = CliRun.Invoke(folder.Path, "emit", "all", "tank.twin", "-o", "out");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Equal(
            ["plant.tanks.Tank.aas.json", "plant.tanks.Tank.dtdl.json", "plant.tanks.Tank.modelDescription.xml"],
            Directory.GetFiles(Path.Combine(folder.Path, "out")).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Contains("\"@id\": \"dtmi:plant:tanks:Tank;1\"", folder.Read("out/plant.tanks.Tank.dtdl.json"), StringComparison.Ordinal);
    }

    [Fact]
    public void Emit_OneFormatTwice_IsByteIdentical()
    {
        using var folder = new TempFolder();
        folder.Write("tank.twin", Source);

        CliRun.Invoke(folder.Path, "emit", "fmi", "tank.twin", "-o", "a");
        CliRun.Invoke(folder.Path, "emit", "fmi", ".", "-o", "b");

        Assert.Equal(["plant.tanks.Tank.modelDescription.xml"], Directory.GetFiles(Path.Combine(folder.Path, "a")).Select(Path.GetFileName));
        Assert.Equal(folder.Read("a/plant.tanks.Tank.modelDescription.xml"), folder.Read("b/plant.tanks.Tank.modelDescription.xml"));
    }

    [Fact]
    public void Emit_SourceWithError_WritesNothingAndFails()
    {
        using var folder = new TempFolder();
        folder.Write("tank.twin", "asset Tank {\n  parameter area: Area = 2 m\n}\n");

        var run = CliRun.Invoke(folder.Path, "emit", "all", "tank.twin", "-o", "out");

        Assert.Equal(ExitCodes.Errors, run.ExitCode);
        Assert.NotEmpty(run.Codes);
        Assert.False(Directory.Exists(Path.Combine(folder.Path, "out")));
    }

    [Fact]
    public void Emit_UnknownFormat_IsAUsageError()
    {
        using var folder = new TempFolder();
        folder.Write("tank.twin", Source);

        var run = CliRun.Invoke(folder.Path, "emit", "sdf", "tank.twin");

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
    }
}
