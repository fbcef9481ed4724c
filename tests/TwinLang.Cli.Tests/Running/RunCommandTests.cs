using System.Globalization;
using TwinLang.Cli.Running;
using Xunit;

namespace TwinLang.Cli.Tests.Running;

public sealed class RunCommandTests
{
    private static readonly ITwinModelCompiler Models = GeneratedModelCompiler.Instance;

    [Fact]
    public void Run_RoomExample_WritesCsvWithUnitsAndFinalTemperatureOfTheClosedForm()
    {
        using var folder = new TempFolder();
        var csv = Path.Combine(folder.Path, "room.csv");

        var run = Run(RepositoryRoot, new RunArguments("examples/room", null, null, csv, null, false));

        Assert.Equal(0, run.ExitCode);
        Assert.Empty(run.Codes);
        var lines = File.ReadAllLines(csv);
        // The envelope sweep writes one long table; units are the SI text the generated model reports.
        Assert.StartsWith("point,envelope [K/W],time [s],temp [K],heater [", lines[0], StringComparison.Ordinal);
        Assert.Equal(3 * (24 * 6 + 1) + 1, lines.Length);
        var nominal = PointRows(csv, 2, keys: 2);
        Assert.Equal(86400, nominal[^1][0]);
        Assert.Equal(WinterDayTemperature(86400), nominal[^1][1], 3);
        Assert.True(File.Exists(Path.ChangeExtension(csv, ".svg")));
        Assert.Contains("Ran scenario 'WinterDay' of 'Room'", run.Out, StringComparison.Ordinal);
        Assert.Contains("Sweep: 3 points over 'envelope'", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_SetOverride_ChangesTheTimeConstant()
    {
        using var folder = new TempFolder();
        folder.Write("room.twin", RoomSource + """
            scenario Cool for Room {
              time 0 s .. 5 h
              set capacity = 5 MJ/K
              output every 1 h temp
            }
            """);

        var run = Run(folder.Path, new RunArguments("room.twin", null, null, "out.csv", "temp", true));

        Assert.Equal(0, run.ExitCode);
        Assert.Empty(run.Out);
        var last = folder.Read("out.csv").TrimEnd('\n').Split('\n')[^1].Split(',');
        // T(t) = To + (T0 - To)·exp(-t/(R·C)) with R = 8 mK/W, C = 5 MJ/K.
        var expected = 278.15 + (11 * Math.Exp(-18000 / (8e-3 * 5e6)));
        Assert.Equal(expected, double.Parse(last[1], CultureInfo.InvariantCulture), 4);
    }

    [Fact]
    public void Run_NaNDerivative_ReportsTheTimeAndTheVariableAtItsDeclaration()
    {
        using var folder = new TempFolder();
        folder.Write("blow.twin", """
            asset BlowUp {
              parameter rate: Frequency = 1 Hz
              state x: Real = 1
              state clock: Real = 0
              equation {
                der(x) = rate * sqrt(1 - clock)
                der(clock) = rate
              }
            }
            scenario Blow for BlowUp {
              time 0 s .. 2 s
            }
            """);

        var run = Run(folder.Path, new RunArguments("blow.twin", null, null, "out.csv", null, true));

        Assert.Equal(1, run.ExitCode);
        var line = Assert.Single(run.OutLines);
        Assert.StartsWith("blow.twin(3,9): error TW5520: 'der(x)' became NaN or infinite at t = 1", line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Out + run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_AlgebraicLoopWithoutSolution_ReportsTW5550WithTimeEquationAndVariable()
    {
        using var folder = new TempFolder();
        folder.Write("fold.twin", """
            asset Fold {
              state s: Real = -1
              output x: Real
              equation {
                der(s) = 1 / 1 s
                (x - 1)^2 + s = 0
              }
            }
            scenario Past for Fold {
              time 0 s .. 2 s
            }
            """);

        var run = Run(folder.Path, new RunArguments("fold.twin", null, null, "out.csv", null, true));

        Assert.Equal(1, run.ExitCode);
        var line = Assert.Single(run.OutLines);
        Assert.StartsWith("fold.twin(3,10): error TW5550: Newton's method did not solve the algebraic loop '(x - 1)^2 + s = 0' (fold.twin:6) for 'x' at t = 1", line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Out + run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("time [s],T [degC]\n0,1\n", "TW5533", 1)]
    [InlineData("time [s],outside [K]\n0,1\n", "TW5534", 1)]
    [InlineData("time [s],outside [degC]\n0,1\n60,x\n", "TW5537", 3)]
    [InlineData("time [s],outside [degC]\n0,1\n60,\n", "TW5536", 3)]
    [InlineData("time [s],outside [degC]\n0,1\n60,NaN\n", "TW5538", 3)]
    [InlineData("time [s],outside [degC]\n0,1\n60,2\n30,3\n", "TW5539", 4)]
    [InlineData("time [s],outside [degC]\n0,1\n60\n", "TW5535", 3)]
    [InlineData("time [s],outside [degC]\n", "TW5531", 1)]
    public void Run_BadCsvInput_ReportsItsCodeAtTheCsvLine(string csv, string code, int line)
    {
        using var folder = new TempFolder();
        folder.Write("room.twin", RoomSource + """
            scenario Logged for Room {
              input outside = csv("weather.csv", column = "outside", unit = degC)
            }
            """);
        folder.Write("weather.csv", csv);

        var run = Run(folder.Path, new RunArguments("room.twin", null, null, "out.csv", null, true));

        Assert.Equal(1, run.ExitCode);
        var match = CliRun.MsBuildLine().Match(run.Out);
        Assert.True(match.Success, run.Out);
        Assert.Equal((code, "weather.csv", line), (match.Groups["code"].Value, match.Groups["path"].Value, int.Parse(match.Groups["line"].Value, CultureInfo.InvariantCulture)));
        Assert.False(folder.Exists("out.csv"));
    }

    [Fact]
    public void Run_CsvInputInDegC_IsConvertedToKelvin()
    {
        using var folder = new TempFolder();
        folder.Write("room.twin", RoomSource + """
            scenario Logged for Room {
              time 0 s .. 1 h
              input outside = csv("weather.csv", column = "outside", unit = degC)
              output every 30 min outside
            }
            """);
        folder.Write("weather.csv", "time [s],outside [degC]\n0,10\n3600,20\n");

        var run = Run(folder.Path, new RunArguments("room.twin", null, null, "out.csv", null, true));

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("time [s],outside [K]\n0,283.15\n1800,288.15\n3600,293.15\n", folder.Read("out.csv"));
    }

    [Fact]
    public void Run_MissingCsvFile_ReportsAtTheSignal()
    {
        using var folder = new TempFolder();
        folder.Write("room.twin", RoomSource + "scenario Logged for Room {\n  input outside = csv(\"nowhere.csv\", unit = degC)\n}\n");

        var run = Run(folder.Path, new RunArguments("room.twin", null, null, null, null, true));

        Assert.Equal(["TW5530"], run.Codes);
    }

    [Fact]
    public void Run_UnknownScenarioOrAsset_ListsWhatExists()
    {
        var scenario = Run(RepositoryRoot, new RunArguments("examples/room", "Summer", null, null, null, true));
        var asset = Run(RepositoryRoot, new RunArguments("examples/room", null, "Attic", null, null, true));

        Assert.Equal(["TW5510"], scenario.Codes);
        Assert.Contains("'WinterDay'", scenario.Out, StringComparison.Ordinal);
        Assert.Equal(["TW5511"], asset.Codes);
        Assert.Contains("'Room', 'RoomNetwork'", asset.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_AssetWithoutScenario_UsesTheDefaultPlan()
    {
        using var folder = new TempFolder();
        folder.Write("room.twin", RoomSource);

        var run = Run(folder.Path, new RunArguments("room.twin", null, null, null, null, false));

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("(default plan): t = 0 s .. 10 s with dopri5", run.Out, StringComparison.Ordinal);
        Assert.True(folder.Exists("Room.csv"));
        Assert.True(folder.Exists("Room.svg"));
    }

    [Fact]
    public void Run_BouncingBallExample_TerminatesAfterTheTwentyFirstBounce()
    {
        using var folder = new TempFolder();
        var csv = Path.Combine(folder.Path, "ball.csv");

        var run = Run(RepositoryRoot, new RunArguments("examples/bouncing-ball", null, null, csv, null, false));

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Events: 22 (22 'when' events, 0 clock ticks)", run.Out, StringComparison.Ordinal);
        Assert.Contains("Terminated at t = 2.55695 s by ball.twin:19: the ball has come to rest", run.Out, StringComparison.Ordinal);
        Assert.Equal(["time", "h", "v", "bounces"], File.ReadLines(csv).First().Split(',').Select(c => c.Split(' ')[0]));
        var rows = Rows(csv);
        Assert.Equal(21, rows[^1][3]);
        Assert.Equal(2.55695, rows[^1][0], 5);
        Assert.All(rows, row => Assert.True(row[1] > -1e-9, "The ball stays above the floor."));
    }

    [Fact]
    public void Run_PiHeaterExample_SettlesAtTheSetpointAndCoolsAfterTheSetback()
    {
        using var folder = new TempFolder();
        var csv = Path.Combine(folder.Path, "heater.csv");

        var run = Run(RepositoryRoot, new RunArguments("examples/pi-heater", null, null, csv, null, false));

        Assert.Equal(0, run.ExitCode);
        Assert.Empty(run.Codes);
        Assert.Contains("Sweep: 3 points over 'kp'", run.Out, StringComparison.Ordinal);
        var rows = PointRows(csv, 2, keys: 2);
        var beforeSetback = rows.Single(row => row[0] == 8 * 3600 - 60);
        Assert.Equal(294.15, beforeSetback[1], 1);
        Assert.Equal(0, rows.Single(row => row[0] == 8 * 3600 + 60)[2]);
        Assert.Equal(291.15, rows[^1][1], 1);
    }

    [Theory]
    [InlineData("when x > 0 { reinit(x, -0.000000000001) }", "TW5561")]
    [InlineData("when x > 0.5 { b := 1 }\n  when b > 0 { b := -1 }\n  when b < 0 { b := 1 }", "TW5560")]
    public void Run_EventFailure_ReportsItsCodeAtTheWhenSection(string whens, string code)
    {
        using var folder = new TempFolder();
        folder.Write("m.twin", "asset M {\n  state x: Real = -1\n  discrete b: Real = 0\n  equation { der(x) = 1 / 1 s }\n  " + whens.Replace("\\n", "\n", StringComparison.Ordinal) + "\n}\n");

        var run = Run(folder.Path, new RunArguments("m.twin", null, null, "out.csv", null, true));

        Assert.Equal(1, run.ExitCode);
        Assert.Equal([code], run.Codes);
        Assert.Matches(@"m\.twin\([56],\d+\): error " + code, run.Out);
    }

    [Fact]
    public void Twin_RunRoomThroughCodeGeneration_SucceedsAndUsageErrorsExitTwo()
    {
        using var folder = new TempFolder();
        var run = CliRun.Invoke(RepositoryRoot, "run", "examples/room", "--quiet", "--out", System.IO.Path.Combine(folder.Path, "room.csv"));
        var usage = CliRun.Invoke(RepositoryRoot, "run");

        Assert.Equal(0, run.ExitCode);
        Assert.True(folder.Exists("room.csv"));
        Assert.True(folder.Exists("room.svg"));
        Assert.Equal(2, usage.ExitCode);
    }

    [Fact]
    public void Run_RcCircuitExample_ChargesLikeTheAnalyticFiveVoltCurve()
    {
        using var folder = new TempFolder();
        var csv = Path.Combine(folder.Path, "rc.csv");

        var run = Run(RepositoryRoot, new RunArguments("examples/rc-circuit", null, null, csv, null, true));

        Assert.Equal(0, run.ExitCode);
        // v(t) = 5 V·(1 − exp(−t/RC)) with C = 100 uF and the swept R = 500 Ohm, 1 kOhm, 2 kOhm.
        foreach (var (point, rc) in new[] { (1, 0.05), (2, 0.1), (3, 0.2) })
        {
            var rows = PointRows(csv, point, keys: 2);
            Assert.Equal(501, rows.Count);
            Assert.All(rows, row => Assert.Equal(5 * (1 - Math.Exp(-row[0] / rc)), row[1], 1e-6));
        }
    }

    [Fact]
    public void Run_StiffKineticsExample_SwitchesToRodas4AndMatchesRobertsonsReference()
    {
        using var folder = new TempFolder();
        var csv = Path.Combine(folder.Path, "kinetics.csv");

        var run = Run(RepositoryRoot, new RunArguments("examples/stiff-kinetics", null, null, csv, null, false));

        Assert.Equal(0, run.ExitCode);
        Assert.Empty(run.Codes);
        Assert.Contains("Solver: auto switched from dopri5 to rodas4 at t = ", run.Out, StringComparison.Ordinal);
        Assert.Contains("Stiff solver: ", run.Out, StringComparison.Ordinal);
        var rows = Rows(csv);
        Assert.Equal(101, rows.Count);

        // Concentrations in SI (mol/m^3): y1(1e5) = 1.786592e-2 mol/L, and a + b + c stays 1 mol/L.
        Assert.Equal(1e5, rows[^1][0]);
        Assert.True(Math.Abs(rows[^1][1] - 17.86592) < 1e-4 * 17.86592, $"a = {rows[^1][1]}");
        Assert.All(rows, row => Assert.Equal(1000, row[4], 6));
    }

    [Fact]
    public void Run_Lorenz96Example_StaysFiniteForEveryElement()
    {
        using var folder = new TempFolder();
        var csv = Path.Combine(folder.Path, "l96.csv");

        var run = Run(RepositoryRoot, new RunArguments("examples/lorenz96", null, null, csv, null, true));

        Assert.Equal(0, run.ExitCode);
        var header = File.ReadLines(csv).First().Split(',');
        Assert.Equal(["point", "forcing", "time [s]"], header[..3]);
        Assert.Equal(43, header.Length);
        Assert.Equal("x[40]", header[^1]);
        var rows = PointRows(csv, 1, keys: 2);
        Assert.Equal(30 * 20 + 1, rows.Count);
        Assert.All(rows, row => Assert.All(row, v => Assert.True(double.IsFinite(v) && Math.Abs(v) < 100)));
        Assert.True(rows[^1].Skip(1).Distinct().Count() > 1, "The chaotic state should not have collapsed to a single value.");
    }

    [Fact]
    public void Run_BatteryPackExample_ReplaysTheLoggedCurrentAsOneModel()
    {
        using var folder = new TempFolder();
        var csv = Path.Combine(folder.Path, "pack.csv");

        var run = Run(RepositoryRoot, new RunArguments("examples/battery-pack", "BmsReplay", null, csv, null, true));

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(["time", "voltage", "soc_mean", "hottest", "coolant.temperature"], File.ReadLines(csv).First().Split(',').Select(c => c.Split(' ')[0]));
        var first = Rows(csv)[0];
        var last = Rows(csv)[^1];
        Assert.Equal(600, last[0]);
        Assert.True(last[2] < first[2], "Discharging lowers the mean state of charge.");
        Assert.True(last[1] < first[1], "Discharging lowers the pack voltage.");
        Assert.True(last[3] >= last[4], "The hottest cell is not colder than the coolant it heats.");
    }

    [Fact]
    public void Run_BatteryPackCellSpread_Writes200MemberBandsAroundTheMean()
    {
        using var folder = new TempFolder();
        var csv = Path.Combine(folder.Path, "spread.csv");

        var run = Run(RepositoryRoot, new RunArguments("examples/battery-pack", "CellSpread", null, csv, null, false) { Threads = 2 });

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Ensemble: 200 members (seed 42), 0 of 200 failed", run.Out, StringComparison.Ordinal);
        var header = File.ReadLines(csv).First().Split(',');
        Assert.Equal(["time [s]", "voltage.mean [V]", "voltage.sd [V]", "voltage.p05 [V]", "voltage.p50 [V]", "voltage.p95 [V]"], header[..6]);
        var last = Rows(csv)[^1];
        Assert.Equal(1800, last[0]);
        Assert.True(last[3] < last[1] && last[1] < last[5], "The mean voltage lies inside its p05..p95 band.");
        // Half an hour at 1C takes half the charge: the mean state of charge falls from 0.9 to about 0.4.
        Assert.Equal(0.4, last[6], 0.01);
        Assert.Contains("<path fill=", File.ReadAllText(Path.ChangeExtension(csv, ".svg")), StringComparison.Ordinal);
    }

    /// <summary>The rows of one point of a sweep's long table, without the point and swept-value columns.</summary>
    private static List<double[]> PointRows(string csv, int point, int keys) =>
        [.. Rows(csv).Where(row => row[0] == point).Select(row => row[keys..])];

    private static List<double[]> Rows(string csv) =>
        [.. File.ReadLines(csv).Skip(1).Select(line => line.Split(',').Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray())];

    private const string RoomSource = """
        asset Room {
          parameter capacity: HeatCapacity = 2.5 MJ/K
          parameter envelope: ThermalResistance = 8 K/kW
          parameter heater_max: Power = 2 kW
          input outside: Temperature = 5 degC
          input duty: Fraction = 0
          state temp: Temperature = 16 degC
          output heater: Power = duty * heater_max
          output loss: Power
          equation {
            loss = (temp - outside) / envelope
            der(temp) = (heater - loss) / capacity
          }
        }

        """;

    private static string RepositoryRoot => Path.GetDirectoryName(DiagnosticsDocument.RepositoryFile("TwinLang.sln")) ?? ".";

    /// <summary>
    /// The closed form of the WinterDay scenario: on each interval of constant inputs the temperature relaxes
    /// exponentially towards <c>outside + P·R</c> with time constant <c>R·C</c>.
    /// </summary>
    private static double WinterDayTemperature(double t)
    {
        const double R = 8e-3, C = 2.5e6, P = 2000;
        (double Start, double End, double Outside, double Power)[] pieces =
            [(0, 21600, 275.15, 0), (21600, 43200, 275.15, P), (43200, 86400, 270.15, P)];
        var temperature = 289.15;
        foreach (var (start, end, outside, power) in pieces)
        {
            var until = Math.Min(end, t);
            var target = outside + power * R;
            temperature = target + (temperature - target) * Math.Exp(-(until - start) / (R * C));
        }

        return temperature;
    }

    private static CliRun Run(string workingDirectory, RunArguments arguments)
    {
        var output = new StringWriter { NewLine = "\n" };
        var error = new StringWriter { NewLine = "\n" };
        var exit = RunCommand.Run(new CliContext(output, error, workingDirectory), arguments, Models);
        return new CliRun(exit, output.ToString(), error.ToString());
    }
}
