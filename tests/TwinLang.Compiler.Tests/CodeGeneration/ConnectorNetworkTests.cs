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
        Assert.Equal(8, ir.StateCount);
    }
}
