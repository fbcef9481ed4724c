using TwinLang.Lowering;
using TwinLang.Compiler;
using Xunit;

namespace TwinLang.Compiler.Tests.CodeGeneration;

/// <summary>Component arrays stay arrays: blocks and loops, never one equation per element.</summary>
public sealed class ArrayLoweringTests
{
    private static string Pack(int n) => $$"""
        asset Cell {
          parameter capacity: Charge = 2 A*h
          parameter r0: Resistance = 10 Ohm
          input current: Current = 0 A
          state soc: Fraction = 1
          output voltage: Voltage
          equation {
            der(soc) = -current / capacity
            voltage = 3 V + 1 V * soc - current * r0
          }
        }

        asset Pack {
          parameter n: Int = {{n}}
          component cells: Cell[n](capacity = 3 A*h)
          input current: Current = 0 A
          output voltage: Voltage
          output soc_mean: Fraction
          output lowest: Fraction
          equation {
            cells[i].current = current for i in 1..n
            voltage = sum(cells[i].voltage for i)
            soc_mean = mean(cells[*].soc)
            lowest = min(cells[i].soc for i in 1..n)
          }
        }
        """;

    [Fact]
    public void Pack_HundredThousandCells_IrDoesNotGrowWithSize()
    {
        var small = CodeGenerationHost.Lower(Pack(10), "Pack");
        var large = CodeGenerationHost.Lower(Pack(100_000), "Pack");
        Assert.False(large.HasErrors, string.Join("\n", large.Diagnostics));
        var smallModel = Assert.IsType<IrModel>(small.Model);
        var largeModel = Assert.IsType<IrModel>(large.Model);
        Assert.Equal(smallModel.Equations.Length, largeModel.Equations.Length);
        Assert.Equal(smallModel.Assignments.Length, largeModel.Assignments.Length);
        Assert.Equal(smallModel.Blocks.Length, largeModel.Blocks.Length);
        Assert.True(largeModel.Equations.Length < 10);
        Assert.Equal(100_000, largeModel.StateCount);
        Assert.Equal(200_000, largeModel.ParameterCount);
    }

    [Fact]
    public void Pack_HundredThousandCells_GeneratedCodeIsTheSameSize()
    {
        var small = CodeGenerationHost.AssertBuilds(Pack(10), "Pack");
        var large = CodeGenerationHost.AssertBuilds(Pack(100_000), "Pack");
        Assert.Equal(small.CSharp?.Split('\n').Length, large.CSharp?.Split('\n').Length);
    }

    [Fact]
    public void Pack_Evaluated_LoopsMatchHandComputation()
    {
        var model = CodeGenerationHost.AssertBuilds(Pack(4), "Pack").CreateInstance();
        var description = model.Description;
        Assert.Equal(["cells[1].soc", "cells[2].soc", "cells[3].soc", "cells[4].soc"], description.States.Select(s => s.Name));
        Assert.Equal(["voltage", "soc_mean", "lowest"], description.Outputs.Select(s => s.Name));
        Assert.Equal(3 * 3600.0, model.ParameterValues[description.IndexOf(VariableKindOf("Parameter"), "cells[2].capacity")]);
        model.InputValues[0] = 2;
        model.ParameterValues[description.IndexOf(VariableKindOf("Parameter"), "cells[3].r0")] = 20;
        double[] x = [1.0, 0.9, 0.8, 0.5];
        var dx = new double[4];
        var y = new double[3];
        model.Derivatives(0, x, dx);
        model.Outputs(0, x, y);
        Assert.All(dx, d => Assert.Equal(-2 / (3 * 3600.0), d, 12));
        var expected = x.Select((soc, k) => 3 + soc - (2 * (k == 2 ? 20.0 : 10.0))).Sum();
        Assert.Equal(expected, y[0], 10);
        Assert.Equal(x.Average(), y[1], 12);
        Assert.Equal(0.5, y[2], 12);
    }

    private static TwinLang.Runtime.VariableKind VariableKindOf(string name) => Enum.Parse<TwinLang.Runtime.VariableKind>(name);
}

/// <summary>The shipped examples that code generation supports, and what lowering keeps for later stages.</summary>
public sealed class ExampleLoweringTests
{
    [Fact]
    public void BatteryPackExample_Builds_AndKeepsTheCouplingAsAPartition()
    {
        var model = CodeGenerationHost.BindWithStandardLibrary(CodeGenerationHost.Example("examples/battery-pack/pack.twin"));
        var build = TwinBuilder.Build(model, "Pack");
        Assert.True(build.Success, string.Join("\n", build.Diagnostics));
        var partition = Assert.Single(Assert.IsType<IrModel>(build.Model).Partitions);
        Assert.Equal("thermal", partition.Name);
        Assert.Equal(1.0, partition.FirstStep);
        Assert.Equal(10.0, partition.SecondStep);
        Assert.Single(partition.Up);
        Assert.Single(partition.Down);

        var instance = build.CreateInstance();
        Assert.Equal(["coolant.inlet", "current"], instance.Description.Inputs.Select(i => i.Name));
        var x = new double[instance.Description.States.Count];
        instance.InitialState(x);
        Assert.Equal(0.9, x[0], 12);
        var y = new double[instance.Description.Outputs.Count];
        instance.Outputs(0, x, y);

        // At rest every cell shows the open-circuit voltage of 90 %: between 3.99 V (80 %) and 4.12 V (95 %).
        Assert.Equal(12 * (3.99 + ((4.12 - 3.99) * (0.9 - 0.8) / 0.15)), y[0], 9);
        Assert.Equal(0.9, y[1], 12);
        Assert.Equal(293.15, y[2], 9);
    }

    [Fact]
    public void Inheritance_AndModifiers_FlattenIntoTheDerivedAsset()
    {
        var result = CodeGenerationHost.Lower("""
            asset Base {
              parameter k: Frequency = 1 Hz
              state x: Real = 2
              equation { der(x) = -k * x }
            }

            asset Derived extends Base {
              output y: Real
              equation { y = 2 * x }
            }

            asset Holder {
              component d: Derived(k = 5 Hz)
            }
            """, "Holder");
        var ir = Assert.IsType<IrModel>(result.Model);
        var k = Assert.Single(ir.BlocksIn(IrStorage.Parameter));
        Assert.Equal("d.k", k.DisplayName);
        Assert.Equal(new IrConstant(5), k.Start);
        Assert.Equal(2, ir.Assignments.Length);
    }
}
