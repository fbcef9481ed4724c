using TwinLang.Runtime.Jacobians;
using Xunit;

namespace TwinLang.Runtime.Tests;

/// <summary>The runtime half of generated Jacobians, driven by hand-written sweeps.</summary>
public sealed class JacobianAssemblerTests
{
    // Two states x0, x1; algebraic a (row 0) = x0 * x1; der(x0) (row 1 + 0) = a + x1; der(x1) (row 1 + 1) = 2 a.
    private static void ChainSweep(JacobianAssembler j, double[] x)
    {
        j.BeginRow(0);
        j.AddState(0, x[1]);
        j.AddState(1, x[0]);
        j.BeginRow(1);
        j.AddRow(0, 1);
        j.AddState(1, 1);
        j.BeginRow(2);
        j.AddRow(0, 2);
    }

    // Block: z0 (row 0), z1 (row 1) from F0 = z0 + z1 - x0, F1 = z0 - z1 - x1^2;
    // der(x0) (row 2) = z0 * z1, der(x1) (row 3) = z0.
    private static void BlockSweep(JacobianAssembler j, double[] x)
    {
        var z0 = (x[0] + (x[1] * x[1])) / 2;
        var z1 = (x[0] - (x[1] * x[1])) / 2;
        j.BeginBlock(2);
        j.BlockUnknown(0, 0);
        j.BlockUnknown(1, 1);
        j.BeginResidual(0);
        j.AddState(0, -1);
        j.BlockPartial(0, 0, 1);
        j.BlockPartial(0, 1, 1);
        j.BeginResidual(1);
        j.AddState(1, -2 * x[1]);
        j.BlockPartial(1, 0, 1);
        j.BlockPartial(1, 1, -1);
        j.EndBlock();
        j.BeginRow(2);
        j.AddRow(0, z1);
        j.AddRow(1, z0);
        j.BeginRow(3);
        j.AddRow(0, 1);
    }

    private static JacobianAssembler Record(Action<JacobianAssembler, double[]> sweep, int algebraics)
    {
        var assembler = new JacobianAssembler(2, algebraics);
        sweep(assembler, [0, 0]);
        assembler.Complete();
        return assembler;
    }

    private static double[] Evaluate(JacobianAssembler assembler, Action<JacobianAssembler, double[]> sweep, double[] x)
    {
        assembler.Restart();
        sweep(assembler, x);
        var values = new double[assembler.Pattern.NonZeroCount];
        assembler.CopyTo(values);
        return values;
    }

    [Fact]
    public void Chain_ThroughAlgebraicRow_GivesProductRule()
    {
        var assembler = Record(ChainSweep, 1);

        Assert.Equal([0, 2, 4], assembler.Pattern.RowPointers.ToArray());
        Assert.Equal([0, 1, 0, 1], assembler.Pattern.ColumnIndices.ToArray());
        Assert.Equal([3.0, 2 + 1, 6, 4], Evaluate(assembler, ChainSweep, [2, 3]));
    }

    [Fact]
    public void Block_ImplicitFunctionTheorem_MatchesExplicitSolution()
    {
        var assembler = Record(BlockSweep, 2);
        var x = new[] { 0.7, 0.4 };
        var z0 = (x[0] + (x[1] * x[1])) / 2;
        var z1 = (x[0] - (x[1] * x[1])) / 2;
        double[] dz0 = [0.5, x[1]];
        double[] dz1 = [0.5, -x[1]];

        var values = Evaluate(assembler, BlockSweep, x);

        Assert.Equal([0, 2, 4], assembler.Pattern.RowPointers.ToArray());
        Assert.Equal((z1 * dz0[0]) + (z0 * dz1[0]), values[0], 12);
        Assert.Equal((z1 * dz0[1]) + (z0 * dz1[1]), values[1], 12);
        Assert.Equal(dz0[0], values[2], 12);
        Assert.Equal(dz0[1], values[3], 12);
    }

    [Fact]
    public void Evaluate_AfterRecording_AllocatesNothing()
    {
        var assembler = Record(BlockSweep, 2);
        var x = new[] { 0.7, 0.4 };
        var values = new double[assembler.Pattern.NonZeroCount];
        assembler.Restart();
        BlockSweep(assembler, x);

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var k = 0; k < 10; k++)
        {
            assembler.Restart();
            BlockSweep(assembler, x);
            assembler.CopyTo(values);
        }

        Assert.Equal(before, GC.GetAllocatedBytesForCurrentThread());
    }
}
