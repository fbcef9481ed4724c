using System.Reflection;
using TwinLang.Lowering;
using TwinLang.Runtime;
using TwinLang.Runtime.Loops;
using Xunit;

namespace TwinLang.Compiler.Tests.CodeGeneration;

/// <summary>Algebraic loops become implicit blocks solved by Newton's method in generated code.</summary>
public sealed class AlgebraicLoopTests
{
    internal static NewtonSolver Solver(ITwinModel model, int index) =>
        Assert.IsType<NewtonSolver>(model.GetType().GetField("_loop" + index, BindingFlags.NonPublic | BindingFlags.Instance)?.GetValue(model));

    [Fact]
    public void LinearLoop_TwoCoupledEquations_SolvedExactlyInOneNewtonStep()
    {
        var result = CodeGenerationHost.AssertBuilds("""
            asset Loop {
              parameter k: Real = 0.5
              output a: Real
              output b: Real
              equation {
                a = b + 1
                b = k * a
              }
            }
            """, "Loop");
        var ir = Assert.IsType<IrModel>(result.Model);
        var loop = Assert.Single(ir.ImplicitBlocks);
        Assert.True(loop.IsLinear);
        var model = result.CreateInstance();
        var y = new double[2];
        model.Outputs(0, [], y);
        Assert.Equal(2.0, y[0], 14);
        Assert.Equal(1.0, y[1], 14);
        Assert.Equal(1, Solver(model, 0).Iterations);
    }

    [Fact]
    public void NonlinearLoop_FixedPointOfCosine_MatchesReferenceValue()
    {
        var model = CodeGenerationHost.AssertBuilds("""
            asset Dottie {
              output x: Real
              equation { x = cos(x) }
            }
            """, "Dottie").CreateInstance();
        var y = new double[1];
        model.Outputs(0, [], y);
        Assert.Equal(0.7390851332151607, y[0], 14);
        Assert.InRange(Solver(model, 0).Iterations, 2, 10);
    }

    [Fact]
    public void NonlinearLoop_NoRealSolution_EndsRunWithAlgebraicLoopFailure()
    {
        var model = CodeGenerationHost.AssertBuilds("""
            asset Impossible {
              parameter c: Real = 1
              state s: Real = 0
              output x: Real
              equation {
                x * x + c = 0
                der(s) = x / 1 s
              }
            }
            """, "Impossible").CreateInstance();
        var result = Simulator.Run(model, new SimulationOptions { StopTime = 1, OutputInterval = 0.5 });
        var failure = Assert.IsType<SimulationFailure>(result.Failure);
        Assert.Equal(SimulationFailureKind.AlgebraicLoopNotConverged, failure.Kind);
        Assert.Equal(0, failure.Time);
        Assert.Equal("x", failure.VariableName);
        Assert.Contains("'x * x + c = 0' (main.twin:6)", failure.Message, StringComparison.Ordinal);
    }
}
