using TwinLang.Runtime;
using Xunit;

namespace TwinLang.Compiler.Tests.CodeGeneration;

/// <summary>Initial equations are sorted and solved for the states they mention; what cannot hold is named.</summary>
public sealed class InitializationTests
{
    [Fact]
    public void CoupledInitialEquations_Linear_SolvedForBothStates()
    {
        var model = CodeGenerationHost.AssertBuilds("""
            asset Pair {
              state x: Real[2]
              equation { der(x[i]) = -x[i] / 1 s for i in 1..2 }
              initial equation {
                x[1] + x[2] = 1
                x[1] - x[2] = 0.5
              }
            }
            """, "Pair").CreateInstance();
        var x0 = new double[2];
        model.InitialState(x0);
        Assert.Equal(0.75, x0[0], 15);
        Assert.Equal(0.25, x0[1], 15);
    }

    [Fact]
    public void NonlinearInitialEquation_StartValueIsTheGuess_ConvergesToThatRoot()
    {
        var model = CodeGenerationHost.AssertBuilds("""
            asset Root {
              parameter target: Real = 2
              state x: Real = -1
              equation { der(x) = 0 / 1 s }
              initial equation { x * x = target }
            }
            """, "Root").CreateInstance();
        var x0 = new double[1];
        model.InitialState(x0);
        Assert.Equal(-Math.Sqrt(2), x0[0], 14);
    }

    [Fact]
    public void InitialEquations_TwoForOneState_ReportTW3112NamingBoth()
    {
        var result = CodeGenerationHost.Build("""
            asset Twice {
              state x: Real
              equation { der(x) = -x / 1 s }
              initial equation {
                x = 1
                2 * x = 3
              }
            }
            """, "Twice");
        Assert.Equal(["TW3112"], CodeGenerationHost.Codes(result));
        var message = result.Diagnostics.Single().Message;
        Assert.Contains("'x = 1' (main.twin:5)", message, StringComparison.Ordinal);
        Assert.Contains("'2 * x = 3' (main.twin:6)", message, StringComparison.Ordinal);
        Assert.Contains("'x'", message, StringComparison.Ordinal);
    }

    [Fact]
    public void InitialEquation_OnAnOutput_ReportsTW3113()
    {
        var result = CodeGenerationHost.Build("""
            asset Steady {
              state x: Real = 1
              output y: Real
              equation {
                der(x) = -x / 1 s
                y = 2 * x
              }
              initial equation { y = 1 }
            }
            """, "Steady");
        Assert.Equal(["TW3113"], CodeGenerationHost.Codes(result));
        Assert.Contains("'y'", result.Diagnostics.Single().Message, StringComparison.Ordinal);
    }

    [Fact]
    public void InitialEquation_WithoutSolution_EndsRunWithInitializationFailureNamingIt()
    {
        var model = CodeGenerationHost.AssertBuilds("""
            asset Never {
              state x: Real = 1
              equation { der(x) = -x / 1 s }
              initial equation { x * x + 1 = 0 }
            }
            """, "Never").CreateInstance();
        var result = Simulator.Run(model, new SimulationOptions { StopTime = 1, OutputInterval = 0.5 });
        var failure = Assert.IsType<SimulationFailure>(result.Failure);
        Assert.Equal(SimulationFailureKind.InitializationFailed, failure.Kind);
        Assert.Contains("'x * x + 1 = 0' (main.twin:4)", failure.Message, StringComparison.Ordinal);
        Assert.Contains("for 'x'", failure.Message, StringComparison.Ordinal);
    }
}
