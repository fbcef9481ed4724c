using TwinLang.Runtime;
using TwinLang.Runtime.Solvers;
using Xunit;

namespace TwinLang.Compiler.Tests.CodeGeneration;

/// <summary>Generated models run through the runtime's solver and compared with analytic solutions.</summary>
public sealed class SimulationTests
{
    private const string Decay = """
        asset Decay {
          parameter tau: Time = 2 s "time constant"
          state x: Real = 1
          output y: Real
          equation {
            der(x) = -x / tau
            y = 3 * x
          }
        }
        """;

    private const string Oscillator = """
        asset Oscillator {
          parameter omega: Frequency = 2 Hz
          state q: Length = 1 m
          state v: Velocity = 0 m/s
          output energy: Real
          equation {
            der(q) = v
            der(v) = -omega^2 * q
            energy = (v^2 / (1 m/s)^2 + omega^2 * q^2 / (1 m/s)^2) / 2
          }
        }
        """;

    private static SimulationResult Simulate(ITwinModel model, double stop) =>
        Simulator.Run(model, new SimulationOptions { StopTime = stop, OutputInterval = stop / 10, Solver = new SolverOptions { RelativeTolerance = 1e-10, AbsoluteTolerance = 1e-12 } });

    [Fact]
    public void ExponentialDecay_Simulated_MatchesAnalyticSolution()
    {
        var model = CodeGenerationHost.AssertBuilds(Decay, "Decay").CreateInstance();
        var result = Simulate(model, 4);
        Assert.True(result.Succeeded);
        var x = result.Series.IndexOf("x");
        var y = result.Series.IndexOf("y");
        for (var row = 0; row < result.Series.Count; row++)
        {
            var t = result.Series.Times[row];
            Assert.Equal(Math.Exp(-t / 2), result.Series[row, x], 7);
            Assert.Equal(3 * Math.Exp(-t / 2), result.Series[row, y], 7);
        }
    }

    [Fact]
    public void ExponentialDecay_ParameterOverridden_UsesNewValue()
    {
        var model = CodeGenerationHost.AssertBuilds(Decay, "Decay").CreateInstance();
        Assert.Equal(["tau"], model.Description.Parameters.Select(p => p.Name));
        Assert.Equal("time constant", model.Description.Parameters[0].Description);
        Assert.Equal("s", model.Description.Parameters[0].Unit);
        model.ParameterValues[0] = 0.5;
        Span<double> x0 = stackalloc double[1];
        model.InitialState(x0);
        Span<double> dx = stackalloc double[1];
        model.Derivatives(0, x0, dx);
        Assert.Equal(-2.0, dx[0], 12);
    }

    [Fact]
    public void HarmonicOscillator_Simulated_MatchesAnalyticSolution()
    {
        var model = CodeGenerationHost.AssertBuilds(Oscillator, "Oscillator").CreateInstance();
        var omega = 2 * 2 * Math.PI * 0 + 2; // 2 Hz is 2 rad/s in SI (1/s)
        var result = Simulate(model, 3);
        Assert.True(result.Succeeded);
        var q = result.Series.IndexOf("q");
        var v = result.Series.IndexOf("v");
        var energy = result.Series.IndexOf("energy");
        for (var row = 0; row < result.Series.Count; row++)
        {
            var t = result.Series.Times[row];
            Assert.Equal(Math.Cos(omega * t), result.Series[row, q], 6);
            Assert.Equal(-omega * Math.Sin(omega * t), result.Series[row, v], 6);
            Assert.Equal(omega * omega / 2, result.Series[row, energy], 5);
        }
    }

    [Fact]
    public void RcCircuitExample_Simulated_ChargesWithTimeConstant()
    {
        var model = CodeGenerationHost.BindWithStandardLibrary(CodeGenerationHost.Example("examples/rc-circuit/rc-circuit.twin"));
        var build = TwinBuilder.Build(model, "RcCircuit");
        Assert.True(build.Success, string.Join("\n", build.Diagnostics));
        var result = Simulate(build.CreateInstance(), 0.5);
        Assert.True(result.Succeeded);
        var vc = result.Series.IndexOf("vc");
        for (var row = 0; row < result.Series.Count; row++)
        {
            var t = result.Series.Times[row];
            Assert.Equal(5 * (1 - Math.Exp(-t / 0.1)), result.Series[row, vc], 6);
        }
    }

    [Fact]
    public void Lorenz96Example_Builds_WithPartialIndexRanges()
    {
        var model = CodeGenerationHost.BindWithStandardLibrary(CodeGenerationHost.Example("examples/lorenz96/lorenz96.twin"));
        var build = TwinBuilder.Build(model, "Lorenz96");
        Assert.True(build.Success, string.Join("\n", build.Diagnostics));
        var instance = build.CreateInstance();
        Assert.Equal(40, instance.Description.States.Count);
        Assert.Equal("x[40]", instance.Description.States[39].Name);
        var x0 = new double[40];
        instance.InitialState(x0);
        Assert.Equal(8.01, x0[0], 12);
        Assert.Equal(8.0, x0[39], 12);
        var dx = new double[40];
        instance.Derivatives(0, x0, dx);

        // At rest (all 8) each derivative is 0 except the neighbours of the nudged site.
        Assert.Equal(((x0[1] - x0[38]) * x0[39] - x0[0] + 8) / 1, dx[0], 12);
        Assert.Equal(((x0[6] - x0[3]) * x0[4] - x0[5] + 8) / 1, dx[5], 12);
        Assert.Equal(((x0[0] - x0[37]) * x0[38] - x0[39] + 8) / 1, dx[39], 12);
    }
}
