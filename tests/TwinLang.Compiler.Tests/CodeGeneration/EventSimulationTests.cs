using TwinLang.Compiler.Tests.Binding;
using TwinLang.Runtime;
using TwinLang.Runtime.Events;
using TwinLang.Runtime.Solvers;
using TwinLang.Testing;
using Xunit;

namespace TwinLang.Compiler.Tests.CodeGeneration;

/// <summary>Generated models with <c>when</c>, <c>sampled</c> and discrete variables, run through the runtime.</summary>
public sealed class EventSimulationTests
{
    private static ITwinModel Example(string path, string asset)
    {
        var result = TwinBuilder.Build(CodeGenerationHost.BindWithStandardLibrary(CodeGenerationHost.Example(path)), asset, new TwinBuildOptions(true));
        Assert.True(result.Success, string.Join("\n", result.Diagnostics));
        return result.CreateInstance();
    }

    private static void Set(ITwinModel model, string parameter, double value)
    {
        var index = model.Description.IndexOf(VariableKind.Parameter, parameter);
        Assert.True(index >= 0, parameter);
        model.ParameterValues[index] = value;
    }

    [Fact]
    public void BouncingBallExample_Run_BouncesAtTheAnalyticTimesAndTerminates()
    {
        var model = Example("examples/bouncing-ball/ball.twin", "Ball");
        Set(model, "e", 0.7);
        var result = Simulator.Run(model, new SimulationOptions
        {
            StopTime = 10,
            OutputInterval = 0.01,
            Solver = new SolverOptions { RelativeTolerance = 1e-8, AbsoluteTolerance = 1e-10 },
        });

        Assert.True(result.Succeeded, result.Failure?.Message);
        var bounces = result.Events.Where(e => e.Section == 0).Select(e => e.Time).ToList();
        Assert.Equal(21, bounces.Count);
        var t = Math.Sqrt(2 * 1 / 9.81);
        var v1 = 9.81 * t;
        for (var k = 0; k < bounces.Count; k++)
        {
            Assert.InRange(bounces[k] - t, -1e-6, 1e-6);
            t += 2 * Math.Pow(0.7, k + 1) * v1 / 9.81;
        }

        Assert.Equal("the ball has come to rest", result.Termination?.Reason);
        Assert.Equal(bounces[^1], result.Termination?.Time);
        Assert.Equal(21, result.Series[result.Series.Count - 1, result.Series.IndexOf("bounces")]);
    }

    [Fact]
    public void PiHeaterExample_Run_HoldsPowerBetweenTicksAndReachesTheSetpoint()
    {
        var model = Example("examples/pi-heater/pi-heater.twin", "HeatedRoom");
        var result = Simulator.Run(model, new SimulationOptions
        {
            StopTime = 6 * 3600,
            OutputInterval = 1,
            Solver = new SolverOptions { RelativeTolerance = 1e-6, AbsoluteTolerance = 1e-6 },
        });

        Assert.True(result.Succeeded, result.Failure?.Message);
        var ticks = result.Events.Select(e => e.Time).ToList();
        Assert.Equal(6 * 360 + 1, ticks.Count);
        Assert.All(ticks.Select((time, k) => (time, k)), tick => Assert.Equal(tick.k * 10.0, tick.time));
        var power = result.Series.Column(result.Series.IndexOf("power"));
        var times = result.Series.Times.ToArray();
        for (var row = 0; row < times.Length; row++)
        {
            var tick = (int)(Math.Floor(times[row] / 10) * 10);
            Assert.Equal(power[tick], power[row]);
        }

        Assert.Equal(4000, power[0]);
        var temp = result.Series.Column(result.Series.IndexOf("temp"));
        Assert.InRange(temp[^1], 294.15 - 0.01, 294.15 + 0.01);
        Assert.InRange(power[^1], 2100 - 10, 2100 + 10);
    }

    [Fact]
    public void EventsBaseline_WhenOverComponentArray_OneIndicatorPerElement()
    {
        var source = File.ReadAllText(Path.Combine(Baseline.RepositoryRoot(), "tests/Baselines/CodeGen_Events/main.twin")).ReplaceLineEndings("\n");
        var model = CodeGenerationHost.AssertBuilds(source, "Shelf").CreateInstance();
        Set(model, "balls[2].e", 0.5);
        Set(model, "period", 10);
        var result = Simulator.Run(model, new SimulationOptions { StopTime = 3, OutputInterval = 0.1, Solver = new SolverOptions { RelativeTolerance = 1e-9, AbsoluteTolerance = 1e-12 } });

        Assert.True(result.Succeeded, result.Failure?.Message);
        Assert.Equal(3, model.Description.EventIndicatorCount);
        var first = Math.Sqrt(2 / 9.81);
        var second = result.Events.Where(e => e.Kind == SimulationEventKind.StateEvent && e.Section == 1).GroupBy(e => e.Element).ToDictionary(g => g.Key, g => g.Select(e => e.Time).ToList());
        Assert.InRange(second[0][0] - first, -1e-7, 1e-7);
        Assert.InRange(second[1][0] - first, -1e-7, 1e-7);
        var v1 = 9.81 * first;
        Assert.InRange(second[0][1] - (first + (2 * 0.8 * v1 / 9.81)), -1e-6, 1e-6);
        Assert.InRange(second[1][1] - (first + (2 * 0.5 * v1 / 9.81)), -1e-6, 1e-6);
        var landed = result.Series.IndexOf("balls[2].landed");
        Assert.Equal(0, result.Series[0, landed]);
        Assert.Equal(1, result.Series[result.Series.Count - 1, landed]);
        Assert.Equal([0.25], result.Events.Where(e => e.Kind == SimulationEventKind.ClockTick).Select(e => e.Time));
    }

    [Fact]
    public void EventsBaseline_TotalReachesTen_TerminatesThroughEventIteration()
    {
        var source = File.ReadAllText(Path.Combine(Baseline.RepositoryRoot(), "tests/Baselines/CodeGen_Events/main.twin")).ReplaceLineEndings("\n");
        var model = CodeGenerationHost.AssertBuilds(source, "Shelf").CreateInstance();
        var result = Simulator.Run(model, new SimulationOptions { StopTime = 10, Solver = new SolverOptions { RelativeTolerance = 1e-9, AbsoluteTolerance = 1e-12 } });

        Assert.True(result.Succeeded, result.Failure?.Message);
        Assert.Equal("enough bounces", result.Termination?.Reason);
        var last = result.Series.Row(result.Series.Count - 1);
        var bounces = last[result.Series.IndexOf("balls[1].bounces")] + last[result.Series.IndexOf("balls[2].bounces")];
        Assert.Equal(10, bounces + last[result.Series.IndexOf("ticks")]);
        Assert.Equal(result.Events[^2].Time, result.Events[^1].Time);
    }

    [Theory]
    [InlineData("output y: Real\n  equation { der(x) = -x / 1 s }\n  when x < 0.5 { y := 2 }", "TW3150")]
    [InlineData("equation { der(x) = -x / 1 s }\n  sampled every x * 1 s { }", "TW3151")]
    [InlineData("equation { der(x) = -x / 1 s }\n  sampled every 0 s { }", "TW3152")]
    public void UnsupportedEventConstruct_ReportsItsCode(string members, string code)
    {
        var result = CodeGenerationHost.Build("asset A {\n  state x: Real = 1\n  " + members + "\n}\n", "A");
        Assert.Equal([code], CodeGenerationHost.Codes(result));
    }

    [Fact]
    public void BooleanDiscrete_UsedAsACondition_SwitchesTheDerivative()
    {
        var model = CodeGenerationHost.AssertBuilds("""
            asset Switch {
              state x: Real = 0
              state y: Real = 0
              discrete on: Bool = false
              discrete late: Bool = false
              equation {
                der(x) = 1 / 1 s
                der(y) = if on and not late then 1 / 1 s else 0 / 1 s
              }
              when x > 1 { on := true }
              when on and x > 3 { late := x > 2 }
            }
            """, "Switch").CreateInstance();
        var result = Simulator.Run(model, new SimulationOptions { StopTime = 4, OutputInterval = 1, Solver = new SolverOptions { RelativeTolerance = 1e-10, AbsoluteTolerance = 1e-12 } });

        Assert.True(result.Succeeded, result.Failure?.Message);
        Assert.Equal(2, result.Series[result.Series.Count - 1, result.Series.IndexOf("y")], 6);
        Assert.Equal(1, result.Series[result.Series.Count - 1, result.Series.IndexOf("late")]);
    }
}
