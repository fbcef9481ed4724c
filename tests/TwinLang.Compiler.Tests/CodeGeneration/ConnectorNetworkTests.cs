using TwinLang.Compiler;
using TwinLang.Lowering;
using TwinLang.Runtime;
using TwinLang.Runtime.Solvers;
using Xunit;

namespace TwinLang.Compiler.Tests.CodeGeneration;

/// <summary>Acausal networks wired with connect (in loops, between component arrays) simulated against physics.</summary>
public sealed class ConnectorNetworkTests
{
    private static TwinBuildResult BuildWithStandardLibrary(string source, string asset)
    {
        var result = TwinBuilder.Build(CodeGenerationHost.BindWithStandardLibrary(source), asset);
        Assert.True(result.Success, "build failed:\n" + string.Join("\n", result.Diagnostics) + "\n" + result.CSharp);
        return result;
    }

    [Fact]
    public void RcLadder_Example_Builds()
    {
        var result = BuildWithStandardLibrary(CodeGenerationHost.Example("examples/rc-ladder/rc-ladder.twin"), "RcLadder");
        var ir = Assert.IsType<IrModel>(result.Model);
        Assert.Equal(9, ir.StateCount);
    }

    private static string Ladder(int sections) =>
        CodeGenerationHost.Example("examples/rc-ladder/rc-ladder.twin").Replace("parameter n: Int = 8", $"parameter n: Int = {sections}", StringComparison.Ordinal);

    private static SimulationResult Simulate(ITwinModel model, double stop, double interval) =>
        Simulator.Run(model, new SimulationOptions { StopTime = stop, OutputInterval = interval, Solver = new SolverOptions { RelativeTolerance = 1e-10, AbsoluteTolerance = 1e-13 } });

    [Fact]
    public void RcLadder_OneSection_MatchesAnalyticCharging()
    {
        var model = BuildWithStandardLibrary(Ladder(1), "RcLadder").CreateInstance();
        var result = Simulate(model, 1e-3, 1e-4);
        Assert.True(result.Succeeded, result.Failure?.Message);
        var v = result.Series.IndexOf("v_end");
        for (var row = 0; row < result.Series.Count; row++)
        {
            var t = result.Series.Times[row];
            Assert.Equal(5 * (1 - Math.Exp(-t / 1e-4)), result.Series[row, v], 7);
        }
    }

    [Fact]
    public void RcLadder_Simulated_ChargeDeliveredEqualsChargeStored()
    {
        var model = BuildWithStandardLibrary(Ladder(8), "RcLadder").CreateInstance();
        var result = Simulate(model, 10e-3, 0.5e-3);
        Assert.True(result.Succeeded, result.Failure?.Message);
        var delivered = result.Series.IndexOf("q_in");
        var stored = result.Series.IndexOf("q_stored");
        Assert.True(result.Series[result.Series.Count - 1, stored] > 30e-6, "the line should be nearly charged (8 x 1 uF x 5 V)");
        for (var row = 0; row < result.Series.Count; row++)
        {
            Assert.Equal(result.Series[row, delivered], result.Series[row, stored], 11);
        }
    }

    [Fact]
    public void RcLadder_AnyState_SourceCurrentEqualsCapacitorCurrents()
    {
        // Kirchhoff's current law at every node adds up to: what the source delivers flows into the capacitors.
        var model = BuildWithStandardLibrary(Ladder(5), "RcLadder").CreateInstance();
        var description = model.Description;
        var random = new Random(4);
        var x = Enumerable.Range(0, description.States.Count).Select(_ => random.NextDouble() * 5).ToArray();
        var dx = new double[x.Length];
        var y = new double[description.Outputs.Count];
        model.Derivatives(0, x, dx);
        model.Outputs(0, x, y);
        var capacitorCurrents = Enumerable.Range(1, 5).Sum(k => 1e-6 * dx[description.IndexOf(VariableKind.State, $"c[{k}].v")]);
        Assert.Equal(y[description.IndexOf(VariableKind.Output, "i_in")], capacitorCurrents, 15);
        Assert.Equal((5 - x[description.IndexOf(VariableKind.State, "c[1].v")]) / 100, y[description.IndexOf(VariableKind.Output, "i_in")], 15);
    }

    [Fact]
    public void RcLadder_TenThousandSections_IrAndCodeDoNotGrow()
    {
        var small = BuildWithStandardLibrary(Ladder(10), "RcLadder");
        var large = BuildWithStandardLibrary(Ladder(10_000), "RcLadder");
        var smallIr = Assert.IsType<IrModel>(small.Model);
        var largeIr = Assert.IsType<IrModel>(large.Model);
        Assert.Equal(smallIr.Equations.Length, largeIr.Equations.Length);
        Assert.Equal(smallIr.Assignments.Length, largeIr.Assignments.Length);
        Assert.Empty(largeIr.ImplicitBlocks);
        Assert.Equal(small.CSharp?.Split('\n').Length, large.CSharp?.Split('\n').Length);
        Assert.Equal(10_001, largeIr.StateCount);
    }

    [Fact]
    public void SourceVoltageGivenByModifier_StaysAnInput_AndDrivesTheCircuit()
    {
        var model = BuildWithStandardLibrary("""
            import std.electrical.*

            asset Divider {
              component source: VoltageSource(v = 6 V)
              component r1: Resistor(r = 1 kOhm)
              component r2: Resistor(r = 2 kOhm)
              component ground: Ground
              output v_mid: Voltage
              equation {
                connect(source.p, r1.p)
                connect(r1.n, r2.p)
                connect(r2.n, ground.p)
                connect(source.n, ground.p)
                v_mid = r2.p.v
              }
            }
            """, "Divider").CreateInstance();
        Assert.Equal(["source.v"], model.Description.Inputs.Select(i => i.Name));
        var y = new double[1];
        model.Outputs(0, [], y);
        Assert.Equal(4.0, y[0], 14);
    }

    private const string LinearBridge = """
        import std.electrical.*

        asset Bridge {
          component source: VoltageSource
          component r1: Resistor(r = 1 kOhm)
          component r2: Resistor(r = 1 kOhm)
          component r3: Resistor(r = 2 kOhm)
          component r4: Resistor(r = 1 kOhm)
          component c: Capacitor(c = 10 uF)
          component ground: Ground
          output v_bridge: Voltage
          equation {
            source.v = 5 V
            connect(source.p, r1.p)
            connect(source.p, r2.p)
            connect(r1.n, r3.p)
            connect(r2.n, r4.p)
            connect(r1.n, c.p)
            connect(r2.n, c.n)
            connect(r3.n, ground.p)
            connect(r4.n, ground.p)
            connect(source.n, ground.p)
            v_bridge = c.v
          }
        }
        """;

    [Fact]
    public void LinearBridge_Simulated_MatchesAnalyticSolutionWithOneNewtonStepPerSolve()
    {
        var build = BuildWithStandardLibrary(LinearBridge, "Bridge");
        var loop = Assert.Single(Assert.IsType<IrModel>(build.Model).ImplicitBlocks);
        Assert.True(loop.IsLinear);
        var model = build.CreateInstance();
        var result = Simulate(model, 50e-3, 5e-3);
        Assert.True(result.Succeeded, result.Failure?.Message);

        // Thevenin: the bridge drives the capacitor towards 5 V (2/3 - 1/2) through (1k || 2k) + (1k || 1k).
        var final = 5.0 * ((2.0 / 3) - 0.5);
        var tau = ((2000.0 / 3) + 500) * 10e-6;
        var v = result.Series.IndexOf("v_bridge");
        for (var row = 0; row < result.Series.Count; row++)
        {
            Assert.Equal(final * (1 - Math.Exp(-result.Series.Times[row] / tau)), result.Series[row, v], 8);
        }

        var solver = AlgebraicLoopTests.Solver(model, 0);
        Assert.Equal(1, solver.Iterations);
    }

    [Fact]
    public void DiodeCircuit_NonlinearLoop_MatchesReferenceOperatingPoint()
    {
        var model = BuildWithStandardLibrary(CodeGenerationHost.Example("examples/diode-bridge/diode-bridge.twin").Replace("asset DiodeBridge", """
            asset Clamp {
              component source: VoltageSource
              component r: Resistor(r = 1 kOhm)
              component d: Diode
              component ground: Ground
              output i: Current
              equation {
                source.v = 5 V
                connect(source.p, r.p)
                connect(r.n, d.p)
                connect(d.n, ground.p)
                connect(source.n, ground.p)
                i = r.p.i
              }
            }

            asset DiodeBridge
            """, StringComparison.Ordinal), "Clamp").CreateInstance();
        var y = new double[1];
        model.Outputs(0, [], y);

        // Reference: (5 V - v) / 1 kOhm = 1 pA (exp(v / 25.85 mV) - 1), solved by bisection to machine precision.
        Assert.Equal(0.004425852660810086, y[0], 15);
    }

    [Fact]
    public void DiodeBridge_Loop_TornToFewNewtonVariables()
    {
        var loop = Assert.Single(Assert.IsType<IrModel>(BuildWithStandardLibrary(CodeGenerationHost.Example("examples/diode-bridge/diode-bridge.twin"), "DiodeBridge").Model).ImplicitBlocks);
        Assert.Equal(14, loop.Solved.Count());
        Assert.Equal(loop.Size, loop.Residuals.Length);
        Assert.InRange(loop.Size, 1, 2);
        Assert.False(loop.IsLinear);
    }

    [Fact]
    public void DiodeBridge_Example_SettlesToTheBridgeImbalance()
    {
        var model = BuildWithStandardLibrary(CodeGenerationHost.Example("examples/diode-bridge/diode-bridge.twin"), "DiodeBridge").CreateInstance();
        var result = Simulate(model, 100e-3, 10e-3);
        Assert.True(result.Succeeded, result.Failure?.Message);

        // Settled (14 time constants), no current flows into the capacitor: r1-r3 divide 5 V to 10/3 V; r2 and the diode meet at 0.57415 V.
        var v = result.Series.IndexOf("v_bridge");
        Assert.Equal((10.0 / 3) - 0.5741473391899133, result.Series[result.Series.Count - 1, v], 5);
    }

    private static string ClampPack(int n) => CodeGenerationHost.Example("examples/diode-bridge/diode-bridge.twin").Replace("asset DiodeBridge", $$"""
        asset Clamp {
          input supply: Voltage = 5 V
          component source: VoltageSource
          component r: Resistor(r = 1 kOhm)
          component d: Diode
          component ground: Ground
          output i: Current
          equation {
            source.v = supply
            connect(source.p, r.p)
            connect(r.n, d.p)
            connect(d.n, ground.p)
            connect(source.n, ground.p)
            i = r.p.i
          }
        }

        asset ClampPack {
          parameter n: Int = {{n}}
          component cells: Clamp[n]
          output total: Current
          equation {
            cells[k].supply = 5 V * k / n for k in 1..n
            total = sum(cells[k].i for k)
          }
        }

        asset DiodeBridge
        """, StringComparison.Ordinal);

    [Fact]
    public void ArrayOfCircuits_EachWithANonlinearLoop_SolvedPerElementWithConstantIrSize()
    {
        var small = BuildWithStandardLibrary(ClampPack(4), "ClampPack");
        var large = BuildWithStandardLibrary(ClampPack(10_000), "ClampPack");
        var loop = Assert.Single(Assert.IsType<IrModel>(large.Model).ImplicitBlocks);
        Assert.Equal(1, loop.Loops.Single().Start);
        Assert.Equal(10_000, loop.Loops.Single().End);
        Assert.Equal(1, loop.Size);
        Assert.Equal(Assert.IsType<IrModel>(small.Model).Equations.Length, Assert.IsType<IrModel>(large.Model).Equations.Length);
        Assert.Equal(small.CSharp?.Split('\n').Length, large.CSharp?.Split('\n').Length);

        // Each cell's own operating point: (5 V k/n - v) / 1 kOhm = 1 pA (exp(v / 25.85 mV) - 1) at k = n.
        var model = small.CreateInstance();
        var y = new double[1];
        model.Outputs(0, [], y);
        var reference = Enumerable.Range(1, 4).Sum(k => DiodeCurrent(5.0 * k / 4));
        Assert.Equal(reference, y[0], 14);
        Assert.Equal(0.004425852660810086, DiodeCurrent(5), 15);
    }

    /// <summary>The series resistor–diode current for a supply, by bisection on the diode voltage.</summary>
    private static double DiodeCurrent(double supply)
    {
        double Imbalance(double v) => ((supply - v) / 1000) - (1e-12 * (Math.Exp(v / 0.02585) - 1));
        var (low, high) = (0.0, supply);
        for (var k = 0; k < 200; k++)
        {
            var middle = (low + high) / 2;
            (low, high) = Imbalance(middle) > 0 ? (middle, high) : (low, middle);
        }

        return (supply - low) / 1000;
    }
}
