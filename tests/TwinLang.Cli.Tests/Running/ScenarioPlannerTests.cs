using TwinLang.Binding;
using TwinLang.Compiler;
using TwinLang.Lowering.Scenarios;
using TwinLang.Text;
using Xunit;

namespace TwinLang.Cli.Tests.Running;

public sealed class ScenarioPlannerTests
{
    private const string Room = """
        asset Room {
          parameter capacity: HeatCapacity = 2.5 MJ/K
          parameter envelope: ThermalResistance = 8 K/kW
          input outside: Temperature = 5 degC
          input duty: Fraction = 0
          state temp: Temperature = 16 degC
          output loss: Power
          equation {
            loss = (temp - outside) / envelope
            der(temp) = (duty * 2 kW - loss) / capacity
          }
        }

        """;

    [Fact]
    public void Plan_RoomScenario_ConvertsEveryValueToSi()
    {
        var (plan, diagnostics) = PlanOf(Room + """
            scenario Day for Room {
              time 1 h .. 24 h
              solver dopri5(rtol = 1e-5, atol = 1e-7, max_step = 5 min)
              input outside = step(at = 12 h, from = 2 degC, to = -3 degC)
              input duty = ramp(start = 1 h, duration = 30 min, to = 1)
              set capacity = 3 MJ/K
              output every 10 min temp, loss
            }
            """);

        Assert.Empty(diagnostics);
        Assert.NotNull(plan);
        Assert.Equal(("Room", "Day", 3600.0, 86400.0), (plan.AssetName, plan.ScenarioName, plan.StartTime, plan.StopTime));
        Assert.Equal(new SolverPlan("dopri5", 1e-5, 1e-7, MaxStep: 300), plan.Solver);
        Assert.Equal(600.0, plan.OutputInterval);
        Assert.Equal(["temp", "loss"], plan.OutputVariables);
        var outside = Assert.IsType<StepSignalPlan>(plan.Inputs[0].Signal);
        Assert.Equal(43200.0, outside.At);
        Assert.Equal(275.15, outside.From, 9);
        Assert.Equal(270.15, outside.To, 9);
        Assert.Equal(new RampSignalPlan(3600, 1800, 0, 1), plan.Inputs[1].Signal);
        var set = Assert.Single(plan.Overrides);
        Assert.Equal(("capacity", 3e6), (set.Name, set.Value));
    }

    [Fact]
    public void Plan_CsvInputWithAffineUnit_CarriesScaleAndOffset()
    {
        var (plan, _) = PlanOf(Room + """
            scenario Logged for Room {
              input outside = csv("weather.csv", column = "T", unit = degC)
              input duty = pwl([0 s, 1 h, 2 h], [0, 1, 0.5])
            }
            """);

        Assert.NotNull(plan);
        Assert.Equal(new CsvSignalPlan("weather.csv", "T", "degC", 1, 273.15), plan.Inputs[0].Signal);
        var table = Assert.IsType<TableSignalPlan>(plan.Inputs[1].Signal);
        Assert.Equal([0.0, 3600, 7200], table.Times);
        Assert.Equal([0.0, 1, 0.5], table.Values);
    }

    [Fact]
    public void Plan_WithoutItems_UsesTheDocumentedDefaults()
    {
        var (plan, _) = PlanOf(Room + "scenario Empty for Room {\n}\n");

        Assert.NotNull(plan);
        Assert.Equal((0.0, ScenarioPlan.DefaultStopTime, SolverPlan.Default, (double?)null), (plan.StartTime, plan.StopTime, plan.Solver, plan.OutputInterval));
        Assert.Empty(plan.Inputs);
    }

    [Fact]
    public void Plan_SweepAndEnsemble_AreConvertedToSi()
    {
        var (plan, diagnostics) = PlanOf(Room + """
            scenario What for Room {
              sweep envelope in [5 K/kW, 8 K/kW]
              ensemble 10 seed -1 {
                capacity ~ normal(2.5 MJ/K, 0.1 MJ/K)
              }
            }
            """);

        Assert.Empty(diagnostics);
        Assert.NotNull(plan);
        var sweep = Assert.Single(plan.Sweeps);
        Assert.Equal("envelope", sweep.Name);
        Assert.Equal([0.005, 0.008], sweep.Values);
        Assert.NotNull(plan.Ensemble);
        Assert.Equal((10, ulong.MaxValue), (plan.Ensemble.Members, plan.Ensemble.Seed));
        var draw = Assert.Single(plan.Ensemble.Draws);
        Assert.Equal(("capacity", "normal"), (draw.Name, draw.Distribution.Name));
        Assert.Equal([2.5e6, 1e5], draw.Distribution.Arguments);
        Assert.True(plan.IsStudy);
    }

    [Fact]
    public void Plan_DrawOnParameterWithDeclaredRange_CarriesTheLimitsInSi()
    {
        var (plan, diagnostics) = PlanOf("""
            asset Cell {
              parameter capacity: Charge(unit = A*h, min = 0.5 A*h, max = 4 A*h) = 2.5 A*h
              state q: Charge = 0 C
              equation { der(q) = capacity / 1 h }
            }
            asset Pack {
              component cells: Cell[3]
            }
            scenario Spread for Pack {
              ensemble 5 {
                cells[*].capacity ~ uniform(0 A*h, 5 A*h)
              }
            }
            """);

        Assert.Empty(diagnostics);
        var draw = Assert.Single(plan?.Ensemble?.Draws ?? []);
        Assert.Equal(("cells[*].capacity", 1800.0, 14400.0), (draw.Name, draw.Minimum, draw.Maximum));
        Assert.Equal(0UL, plan?.Ensemble?.Seed);
    }

    [Fact]
    public void SweepPoints_TwoSweeps_AreTheCartesianProductWithTheFirstSweepSlowest()
    {
        var (plan, _) = PlanOf(Room + """
            scenario Grid for Room {
              sweep envelope in [5 K/kW, 8 K/kW]
              sweep capacity in [1 MJ/K, 2 MJ/K, 3 MJ/K]
            }
            """);

        Assert.NotNull(plan);
        var points = plan.SweepPoints();

        Assert.Equal(6, points.Count);
        Assert.Equal([[0.005, 1e6], [0.005, 2e6], [0.005, 3e6], [0.008, 1e6], [0.008, 2e6], [0.008, 3e6]], points.Select(p => p.ToArray()));
    }

    [Theory]
    [InlineData("sweep envelope in []", "TW5584")]
    [InlineData("sweep envelope in [5 K/kW]\n  sweep envelope in [6 K/kW]", "TW5585")]
    [InlineData("ensemble 0 { capacity ~ normal(1 MJ/K, 1 kJ/K) }", "TW5583")]
    [InlineData("ensemble 2 { capacity ~ normal(1 MJ/K, 1 kJ/K) }\n  ensemble 2 { }", "TW5586")]
    public void Plan_MalformedStudy_ReportsItsCode(string item, string code)
    {
        var (plan, diagnostics) = PlanOf(Room + "scenario S for Room {\n  " + item + "\n}\n");

        Assert.Null(plan);
        Assert.Equal([code], diagnostics.Select(d => d.Code));
    }

    [Fact]
    public void Plan_BdfSolver_ReportsNotAvailableSuggestingRodas4()
    {
        var (plan, diagnostics) = PlanOf(Room + "scenario S for Room {\n  solver bdf(rtol = 1e-6)\n}\n");

        Assert.Null(plan);
        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal("TW5570", diagnostic.Code);
        Assert.Contains("'rodas4'", diagnostic.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("rodas4(rtol = 1e-5, atol = 1e-8, max_step = 1 min)", "rodas4")]
    [InlineData("rodas(rtol = 1e-5, atol = 1e-8, max_step = 1 min)", "rodas4")]
    [InlineData("rodas3(rtol = 1e-5, atol = 1e-8, max_step = 1 min)", "rodas3")]
    [InlineData("auto(rtol = 1e-5, atol = 1e-8, max_step = 1 min)", "auto")]
    public void Plan_StiffOrAutoSolver_KeepsItsTolerances(string solver, string planned)
    {
        var (plan, diagnostics) = PlanOf(Room + "scenario S for Room {\n  solver " + solver + "\n}\n");

        Assert.Empty(diagnostics);
        Assert.Equal(new SolverPlan(planned, 1e-5, 1e-8, MaxStep: 60), plan?.Solver);
    }

    [Fact]
    public void Plan_FixedStepRodas4_KeepsTheStep()
    {
        var (plan, diagnostics) = PlanOf(Room + "scenario S for Room {\n  solver rodas4(step = 1 min)\n}\n");

        Assert.Empty(diagnostics);
        Assert.Equal(new SolverPlan("rodas4", Step: 60), plan?.Solver);
    }

    [Fact]
    public void Plan_EndBeforeStart_ReportsEmptyTimeSpan()
    {
        var (plan, diagnostics) = PlanOf(Room + "scenario S for Room {\n  time 2 h .. 1 h\n}\n");

        Assert.Null(plan);
        Assert.Equal(["TW5504"], diagnostics.Select(d => d.Code));
    }

    private static (ScenarioPlan? Plan, IReadOnlyList<Diagnostics.Diagnostic> Diagnostics) PlanOf(string source)
    {
        var compilation = Compilation.Create([new SourceText(source, "main.twin")], StandardLibrary.Default);
        Assert.False(compilation.HasErrors, string.Join("\n", compilation.Diagnostics));
        var model = Assert.IsType<SemanticModel>(compilation.SemanticModel);
        var scenario = model.Packages.SelectMany(p => p.Members.Values).OfType<ScenarioSymbol>().Single();
        return new ScenarioPlanner(model).Plan(scenario);
    }
}
