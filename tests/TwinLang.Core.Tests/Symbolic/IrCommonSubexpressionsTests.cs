using TwinLang.Lowering;
using TwinLang.Lowering.Symbolic;
using Xunit;
using static TwinLang.Symbolic.IrTestModel;

namespace TwinLang.Symbolic;

public sealed class IrCommonSubexpressionsTests
{
    [Fact]
    public void Find_RepeatedSubtreesAcrossRoots_ReturnsThemInnermostFirst()
    {
        var model = new IrTestModel();
        var x = Ref(model.Scalar("x", 1));
        var y = Ref(model.Scalar("y", 2));
        var sum = new IrBinary(x, IrBinaryOperator.Add, y);
        var sine = new IrCall(IrFunction.Sin, new IrExpressionList([sum]));
        var value = new IrBinary(sine, IrBinaryOperator.Multiply, sum);
        var partial = new IrBinary(new IrCall(IrFunction.Cos, new IrExpressionList([sum])), IrBinaryOperator.Multiply, sine);

        var found = IrCommonSubexpressions.Find([value, partial], _ => true);

        Assert.Equal([sum, sine], found);
    }

    [Fact]
    public void Find_SubtreeRefusedByCaller_IsNotReturned()
    {
        var model = new IrTestModel();
        var x = Ref(model.Scalar("x", 1));
        var square = new IrBinary(x, IrBinaryOperator.Multiply, x);

        var found = IrCommonSubexpressions.Find([square, square], _ => false);

        Assert.Empty(found);
    }
}
