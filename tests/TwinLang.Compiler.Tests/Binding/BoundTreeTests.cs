using TwinLang.Binding;
using TwinLang.Syntax;
using Xunit;

namespace TwinLang.Compiler.Tests.Binding;

public class BoundTreeTests
{
    private const string Source = """
        enum Mode { off, on }
        asset Cell {
          parameter capacity: Charge = 2.5 A*h
          input current: Current
          state soc: Fraction = 1
          output voltage: Voltage
          discrete mode: Mode = Mode.off
          equation {
            der(soc) = -current / capacity
            voltage = 3 V + 1.2 V * soc
          }
          when soc < 0.1 { mode := Mode.on }
        }
        asset Pack {
          component cells: Cell[3]
          input i: Current
          output v: Voltage
          equation {
            cells[k].current = i for k in 1..3
            v = sum(cells[k].voltage for k)
          }
        }
        """;

    [Fact]
    public void GetBoundBody_Cell_ResolvesNamesLiteralsAndDerivative()
    {
        var model = BindingTestHost.AssertClean(Source);
        var cell = Assert.IsType<AssetSymbol>(model.LookupQualified("Cell"));

        var body = model.GetBoundBody(cell);

        var capacity = Assert.IsType<BoundLiteral>(body.Values[(VariableSymbol)cell.LookupMember("capacity")!]);
        Assert.Equal(9000, capacity.Value.Number);
        Assert.Equal(2, body.Equations.Length);
        var derivative = Assert.IsType<BoundSimpleEquation>(body.Equations[0]);
        var der = Assert.IsType<BoundCall>(derivative.Left);
        Assert.Equal("der", der.Function);
        Assert.Null(der.Callable);
        Assert.Same(cell.LookupMember("soc"), Assert.IsType<BoundSymbolReference>(der.Arguments[0]).Symbol);
        var quotient = Assert.IsType<BoundBinary>(derivative.Right);
        Assert.Equal(BinaryOperator.Divide, quotient.Operator);
        Assert.Equal(UnaryOperator.Negate, Assert.IsType<BoundUnary>(quotient.Left).Operator);
        var assignment = Assert.IsType<BoundAssignment>(Assert.Single(Assert.Single(body.WhenSections).Statements));
        Assert.IsType<EnumMemberSymbol>(Assert.IsType<BoundSymbolReference>(assignment.Value).Symbol);
        Assert.Same(body, model.GetBoundBody(cell));
    }

    [Fact]
    public void GetBoundBody_Pack_KeepsArraysAndIterators()
    {
        var model = BindingTestHost.AssertClean(Source);
        var pack = Assert.IsType<AssetSymbol>(model.LookupQualified("Pack"));

        var body = model.GetBoundBody(pack);

        var forEach = Assert.IsType<BoundSimpleEquation>(body.Equations[0]);
        var iterator = Assert.Single(forEach.Iterators);
        Assert.Equal(3, iterator.Symbol?.Count);
        var access = Assert.IsType<BoundMemberAccess>(forEach.Left);
        var index = Assert.IsType<BoundIndex>(access.Target);
        Assert.Same(iterator.Symbol, Assert.IsType<BoundSymbolReference>(index.Indices[0]).Symbol);
        var reduction = Assert.IsType<BoundReduction>(Assert.IsType<BoundSimpleEquation>(body.Equations[1]).Right);
        Assert.Equal("sum", reduction.Function);
        Assert.Equal("Voltage", Assert.IsType<RealType>(reduction.Type).Quantity?.Name);
    }

    [Fact]
    public void GetBoundExpression_WithError_IsErrorNode()
    {
        var model = BindingTestHost.Bind("asset A { output y: Real  equation { y = nope + 1 } }");
        var tree = model.Trees.Single(t => t.Text.Path == "main.twin");
        var right = tree.Root.DescendantsAndSelf().OfType<SimpleEquationSyntax>().Single().Right;

        Assert.IsType<BoundErrorExpression>(model.GetBoundExpression(tree.Text, right));
    }
}
