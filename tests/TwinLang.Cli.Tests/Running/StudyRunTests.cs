using System.Globalization;
using Xunit;

namespace TwinLang.Cli.Tests.Running;

/// <summary>Sweeps and ensembles through <c>twin run</c>, compiled to code and run in parallel.</summary>
public sealed class StudyRunTests
{
    private const string Tank = """
        asset Tank {
          parameter outflow: VolumeFlowRate(min = 0 L/s) = 1 L/s
          state volume: Volume = 1 m^3
          equation { der(volume) = -outflow }
        }

        """;

    private const string Root = """
        asset Root {
          parameter a: Real = 1
          state x: Real = 0
          output y: Real
          equation {
            der(x) = 1 Hz
            y = sqrt(a)
          }
        }

        """;

    [Fact]
    public void Run_EnsembleOnOneTwoAndFourThreads_WritesIdenticalBytes()
    {
        using var folder = new TempFolder();
        folder.Write("tank.twin", Tank + """
            scenario Spread for Tank {
              time 0 s .. 100 s
              output every 10 s volume
              ensemble 30 seed 42 {
                outflow ~ normal(1 L/s, 0.2 L/s)
              }
            }
            """);

        var runs = new[] { 1, 2, 4 }.Select(threads => CliRun.Invoke(folder.Path, "run", "tank.twin", "--threads", threads.ToString(CultureInfo.InvariantCulture), "--out", $"t{threads}.csv")).ToList();

        Assert.All(runs, run => Assert.Equal(0, run.ExitCode));
        Assert.Equal(folder.Read("t1.csv"), folder.Read("t2.csv"));
        Assert.Equal(folder.Read("t1.csv"), folder.Read("t4.csv"));
        Assert.Equal(folder.Read("t1.svg"), folder.Read("t4.svg"));
        Assert.StartsWith("time [s],volume.mean [m^3],volume.sd [m^3],volume.p05 [m^3],volume.p50 [m^3],volume.p95 [m^3]\n", folder.Read("t1.csv"), StringComparison.Ordinal);
        Assert.Contains("Ensemble: 30 members (seed 42), 0 of 30 failed", runs[0].Out, StringComparison.Ordinal);
        Assert.Contains("Threads: 4, wall time", runs[2].Out, StringComparison.Ordinal);
        // volume(100 s) = 1 m^3 - outflow · 100 s: its mean is near 0.9 m^3 and its spread near 0.02 m^3.
        var last = folder.Read("t1.csv").TrimEnd('\n').Split('\n')[^1].Split(',').Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray();
        Assert.Equal(0.9, last[1], 0.01);
        Assert.InRange(last[2], 0.012, 0.028);
        Assert.True(last[3] < last[4] && last[4] < last[5], "p05 < p50 < p95");
    }

    [Fact]
    public void Run_MembersThatFail_AreWarnedWithTheirNumberAndDrawAndLeftOut()
    {
        using var folder = new TempFolder();
        folder.Write("root.twin", Root + """
            scenario Draw for Root {
              ensemble 8 seed 1 {
                a ~ uniform(-1, 1)
              }
            }
            """);

        var run = CliRun.Invoke(folder.Path, "run", "root.twin");

        Assert.Equal(0, run.ExitCode);
        Assert.NotEmpty(run.Codes);
        Assert.All(run.Codes, code => Assert.Equal("TW5580", code));
        var warning = run.OutLines.First(l => l.Contains("TW5580", StringComparison.Ordinal));
        Assert.Matches(@"warning TW5580: Ensemble member \d+ \(a = -0\.\d+\) failed and is left out of the statistics: The value of 'y' became NaN at t = 0\.$", warning);
        Assert.Contains($"{run.Codes.Count} of 8 failed", run.Out, StringComparison.Ordinal);
        Assert.True(folder.Exists("Draw.csv"));
    }

    [Fact]
    public void Run_AllMembersFail_IsAnError()
    {
        using var folder = new TempFolder();
        folder.Write("root.twin", Root + "scenario Draw for Root {\n  ensemble 3 { a ~ uniform(-2, -1) }\n}\n");

        var run = CliRun.Invoke(folder.Path, "run", "root.twin");

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(["TW5582"], run.Codes);
    }

    [Fact]
    public void Run_WildcardDrawWithMemberCsv_DrawsEveryElementIndependently()
    {
        using var folder = new TempFolder();
        folder.Write("pack.twin", """
            asset Cell {
              parameter capacity: Charge(min = 1 A*h) = 2.5 A*h
              state q: Charge = 0 C
              equation { der(q) = capacity / 1 s }
            }
            asset Pack {
              component cells: Cell[3]
            }
            scenario Spread for Pack {
              time 0 s .. 1 s
              ensemble 4 seed 3 {
                cells[*].capacity ~ normal(2.5 A*h, 1 A*h)
              }
            }
            """);

        var run = CliRun.Invoke(folder.Path, "run", "pack.twin", "--member-csv", "--quiet");

        Assert.Equal(0, run.ExitCode);
        var members = Directory.GetFiles(Path.Combine(folder.Path, "Spread.members")).Select(Path.GetFileName).Order(StringComparer.Ordinal);
        Assert.Equal(["member-1.csv", "member-2.csv", "member-3.csv", "member-4.csv"], members);
        // q(1 s) = capacity in coulombs: three different draws per member, none below the declared 1 A*h.
        var finals = Enumerable.Range(1, 4)
            .SelectMany(m => folder.Read($"Spread.members/member-{m}.csv").TrimEnd('\n').Split('\n')[^1].Split(',').Skip(1))
            .Select(v => double.Parse(v, CultureInfo.InvariantCulture))
            .ToList();
        Assert.Equal(12, finals.Distinct().Count());
        Assert.All(finals, q => Assert.True(q >= 3600 * (1 - 1e-9), $"{q} C is below the declared minimum"));
    }

    [Fact]
    public void Run_SweepWithEnsemble_WritesOneBlockOfStatisticsPerPointWithCommonDraws()
    {
        using var folder = new TempFolder();
        folder.Write("tank.twin", Tank + """
            asset Tanks {
              parameter size: Volume = 1 m^3
              parameter outflow: VolumeFlowRate = 1 L/s
              state volume: Volume = size
              equation { der(volume) = -outflow }
            }
            scenario Grid for Tanks {
              time 0 s .. 10 s
              output every 5 s volume
              sweep size in [1 m^3, 2 m^3]
              ensemble 5 seed 9 {
                outflow ~ uniform(1 L/s, 2 L/s)
              }
            }
            """);

        var run = CliRun.Invoke(folder.Path, "run", "tank.twin", "--quiet");

        Assert.Equal(0, run.ExitCode);
        var lines = folder.Read("Grid.csv").TrimEnd('\n').Split('\n');
        Assert.StartsWith("point,size [m^3],time [s],volume.mean [m^3],volume.sd [m^3]", lines[0], StringComparison.Ordinal);
        Assert.Equal(1 + 2 * 3, lines.Length);
        var rows = lines.Skip(1).Select(l => l.Split(',').Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray()).ToList();
        Assert.Equal([1.0, 1, 1, 2, 2, 2], rows.Select(r => r[0]));
        // Both points drew the same outflows, so the volumes differ by exactly the 1 m^3 of the sweep.
        Assert.Equal(rows[2][3] + 1, rows[5][3], 12);
        Assert.Equal(rows[2][4], rows[5][4], 12);
    }

    [Fact]
    public void Run_ThreadsBelowOne_IsAUsageError()
    {
        using var folder = new TempFolder();
        folder.Write("tank.twin", Tank + "scenario S for Tank {\n  sweep outflow in [1 L/s]\n}\n");

        var run = CliRun.Invoke(folder.Path, "run", "tank.twin", "--threads", "0");

        Assert.Equal(2, run.ExitCode);
    }
}
