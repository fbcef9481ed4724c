using TwinLang.Binding;
using Xunit;

namespace TwinLang.Compiler.Tests.Binding;

public class SemanticModelQueryTests
{
    private const string Source = """
        package demo
        asset Cell {
          parameter r0: Resistance = 15 mOhm
          input current: Current
          output voltage: Voltage
          equation { voltage = current * r0 }
        }
        asset Pack {
          component cells: Cell[2]
          input current: Current
          output v: Voltage
          equation {
            cells[i].current = current for i in 1..2
            v = sum(cells[i].voltage for i)
          }
        }
        """;

    private static (SemanticModel Model, Syntax.SyntaxTree Tree) Bind(string source = Source)
    {
        var model = BindingTestHost.Bind(source);
        Assert.Empty(model.Diagnostics);
        return (model, model.Trees.Single(t => t.Text.Path == "main.twin"));
    }

    private static int OffsetOf(string text, string marker, int skip = 0)
    {
        var offset = -1;
        for (var i = 0; i <= skip; i++)
        {
            offset = text.IndexOf(marker, offset + 1, StringComparison.Ordinal);
        }

        Assert.True(offset >= 0, marker);
        return offset;
    }

    [Fact]
    public void GetSymbolAt_MemberUse_ReturnsDeclaredVariable()
    {
        var (model, tree) = Bind();

        var symbol = model.GetSymbolAt(tree.Text, OffsetOf(Source, "voltage for i") + 2);

        var variable = Assert.IsType<VariableSymbol>(symbol);
        Assert.Equal("demo.Cell.voltage", variable.QualifiedName);
        Assert.Equal(OffsetOf(Source, "voltage: Voltage"), variable.Location?.Span.Start);
    }

    [Fact]
    public void GetSymbolAt_Whitespace_ReturnsNull()
    {
        var (model, tree) = Bind();

        Assert.Null(model.GetSymbolAt(tree.Text, OffsetOf(Source, "  input current")));
    }

    [Fact]
    public void FindReferences_InputOfCell_FindsDeclarationAndUsesAcrossAssets()
    {
        var (model, tree) = Bind();
        var current = model.GetSymbolAt(tree.Text, OffsetOf(Source, "current: Current"));
        Assert.NotNull(current);

        var references = model.FindReferences(current);

        Assert.Equal(
            [OffsetOf(Source, "current: Current"), OffsetOf(Source, "current * r0"), OffsetOf(Source, "current = current")],
            references.Select(r => r.Span.Start));
        Assert.Equal(2, model.FindReferences(current, includeDeclaration: false).Count);
    }

    [Fact]
    public void FindReferences_AssetAcrossFiles_IncludesTypeUses()
    {
        var model = BindingTestHost.Bind("package a\nasset Cell { }", "package b\nimport a.Cell\nasset Pack { component c: Cell }");
        var cell = model.LookupQualified("a.Cell");
        Assert.NotNull(cell);

        var references = model.FindReferences(cell);

        Assert.Equal(["file2.twin", "file2.twin", "main.twin"], references.Select(r => r.Source.Path));
    }

    [Fact]
    public void GetVisibleSymbols_InsideAsset_IncludesMembersGlobalsAndPrelude()
    {
        var (model, tree) = Bind();

        var names = model.GetVisibleSymbols(tree.Text, OffsetOf(Source, "v = sum")).Select(s => s.Name).ToList();

        Assert.Contains("cells", names);
        Assert.Contains("Cell", names);
        Assert.Contains("Voltage", names);
        Assert.Contains("Real", names);
        Assert.DoesNotContain("r0", names);
        Assert.Equal(names.Order(StringComparer.Ordinal), names);
    }

    [Fact]
    public void GetMembers_OfComponentArrayType_ListsAssetMembers()
    {
        var (model, _) = Bind();
        var pack = Assert.IsType<AssetSymbol>(model.LookupQualified("demo.Pack"));
        var cells = Assert.IsType<ComponentSymbol>(pack.LookupMember("cells"));

        var members = SemanticModel.GetMembers(cells.Type).Select(m => m.Name);

        Assert.Equal(["r0", "current", "voltage"], members);
        Assert.Equal([2], cells.Sizes.Select(s => s ?? -1));
    }

    [Fact]
    public void GetType_OfReduction_IsVoltage()
    {
        var (model, tree) = Bind();
        var equation = tree.Root.DescendantsAndSelf().OfType<Syntax.ReductionExpressionSyntax>().Single();

        var type = Assert.IsType<RealType>(model.GetType(equation));

        Assert.Equal("Voltage", type.Quantity?.Name);
    }

    [Fact]
    public void GetDocumentSymbols_ListsDeclarationsWithMembers()
    {
        var (model, tree) = Bind();

        var outline = model.GetDocumentSymbols(tree.Text);

        Assert.Equal(["Cell", "Pack"], outline.Select(s => s.Symbol.Name));
        Assert.Equal(["r0", "current", "voltage"], outline[0].Children.Select(c => c.Symbol.Name));
        Assert.True(outline[1].Span.Contains(outline[1].NameSpan));
    }

    [Fact]
    public void Symbols_CarryDocCommentsAnnotationsAndDescriptions()
    {
        var model = BindingTestHost.Bind("""
            /// One cell.
            @semantic("0173-1#02-AAB381#003")
            asset Cell {
              /// Nominal.
              parameter capacity: Charge = 2.5 A*h "nominal capacity"
            }
            """);
        var cell = Assert.IsType<AssetSymbol>(model.LookupQualified("Cell"));
        var capacity = Assert.IsType<VariableSymbol>(cell.LookupMember("capacity"));

        Assert.Equal("One cell.", cell.DocComment);
        Assert.Equal("0173-1#02-AAB381#003", cell.SemanticId);
        Assert.Equal("Nominal.", capacity.DocComment);
        Assert.Equal("nominal capacity", capacity.Description);
        Assert.Equal(Syntax.VariableKind.Parameter, capacity.VariableKind);
    }

    [Fact]
    public void Inheritance_DerivedAsset_SeesBaseMembers()
    {
        var model = BindingTestHost.Bind("""
            asset Room { parameter volume: Real(unit = m^3) = 30 m^3  state t: Temperature = 20 degC  equation { der(t) = 0 K/s } }
            asset HeatedRoom extends Room { input p: Power  output q: Power  equation { q = p * volume / 1 m^3 } }
            """);
        Assert.Empty(model.Diagnostics);
        var heated = Assert.IsType<AssetSymbol>(model.LookupQualified("HeatedRoom"));

        Assert.Equal(["volume", "t", "p", "q"], heated.AllMembers.Select(m => m.Name));
        Assert.Same(model.LookupQualified("Room"), heated.BaseAsset);
    }
}

public class UnitReferenceTests
{
    [Fact]
    public void GetSymbolAt_PrefixedUnitInLiteral_ReturnsUnitDeclaration()
    {
        const string source = "asset A { parameter r: Resistance = 15 mOhm }";
        var model = BindingTestHost.Bind(source);
        var tree = model.Trees.Single(t => t.Text.Path == "main.twin");

        var symbol = model.GetSymbolAt(tree.Text, source.IndexOf("mOhm", StringComparison.Ordinal) + 1);

        var unit = Assert.IsType<UnitSymbol>(symbol);
        Assert.Equal("Ohm", unit.Name);
        Assert.Equal("std/units.twin", unit.Location?.Source.Path);
    }
}

public class LoweringQueryTests
{
    [Fact]
    public void GetSymbol_NameExpressionInEquation_ReturnsVariable()
    {
        var model = BindingTestHost.Bind("asset A { parameter k: Real = 2  output y: Real  equation { y = k } }");
        var tree = model.Trees.Single(t => t.Text.Path == "main.twin");
        var k = tree.Root.DescendantsAndSelf().OfType<Syntax.NameExpressionSyntax>().Single(n => n.Name.Text == "k");

        var symbol = Assert.IsType<VariableSymbol>(model.GetSymbol(tree.Text, k));

        Assert.Equal("k", symbol.Name);
        Assert.Equal(2, model.GetConstantValue(symbol)?.Number);
    }

    [Fact]
    public void GetConstantValue_ParameterWithUnit_IsInSi()
    {
        var model = BindingTestHost.Bind("asset A { parameter c: Charge = 2.5 A*h  parameter t: Temperature = 25 degC  input x: Real }");
        var a = Assert.IsType<AssetSymbol>(model.LookupQualified("A"));

        Assert.Equal(9000, model.GetConstantValue((VariableSymbol)a.LookupMember("c")!)?.Number);
        Assert.Equal(298.15, model.GetConstantValue((VariableSymbol)a.LookupMember("t")!)?.Number ?? 0, 9);
        Assert.Null(model.GetConstantValue((VariableSymbol)a.LookupMember("x")!));
    }
}
