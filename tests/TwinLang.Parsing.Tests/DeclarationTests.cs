using TwinLang.Syntax;
using Xunit;
using static TwinLang.Parsing.Tests.ParseHelper;

namespace TwinLang.Parsing.Tests;

public sealed class DeclarationTests
{
    [Fact]
    public void Package_WithVersionAndImports_IsParsed()
    {
        var tree = ParseValid("package energy.battery version \"1.2.0\"\nimport std.units.*\nimport a.b.C as D\nimport a.b.E;");
        Assert.Equal("energy.battery", tree.Root.Package?.Name.Text);
        Assert.Equal("1.2.0", tree.Root.Package?.Version?.Value);
        Assert.Collection(
            tree.Root.Imports,
            i => Assert.True(i.IsWildcard),
            i => Assert.Equal("D", i.Alias?.Text),
            i => Assert.Equal("a.b.E", i.Name.Text));
    }

    [Fact]
    public void UnitDeclaration_Forms_FillScaleUnitAndOffset()
    {
        var tree = ParseValid("unit h = 3600 s \"hour\"\nunit Wh = W*h\nunit degF = K offset -459.67\nunit percent = 0.01\nunit Hz = 1/s");
        var units = tree.Root.Members.Cast<UnitDeclarationSyntax>().ToList();
        Assert.Equal(3600.0, units[0].Scale?.Value);
        Assert.Equal("s", Assert.IsType<UnitNameSyntax>(units[0].Unit).Name);
        Assert.Equal("hour", units[0].Description?.Value);
        Assert.Null(units[1].Scale);
        Assert.Equal("(W*h)", RenderUnit(Assert.IsType<UnitBinarySyntax>(units[1].Unit)));
        Assert.Equal(-459.67, units[2].Offset?.Value);
        Assert.Equal(0.01, units[3].Scale?.Value);
        Assert.Null(units[3].Unit);
        Assert.Equal("(1/s)", RenderUnit(Assert.IsType<UnitBinarySyntax>(units[4].Unit)));
    }

    [Fact]
    public void Quantity_Dimensionless_IsUnitOne()
    {
        var quantity = Assert.IsType<QuantityDeclarationSyntax>(Assert.Single(ParseValid("quantity Fraction = 1").Root.Members));
        Assert.IsType<UnitOneSyntax>(quantity.Unit);
    }

    [Fact]
    public void Asset_EveryVariableKind_IsRecognised()
    {
        var kinds = new[] { "parameter", "constant", "input", "output", "state", "variable", "discrete" };
        var source = "asset A extends Base {\n" + string.Join("\n", kinds.Select((k, i) => $"  {k} v{i}: Real")) + "\n}";
        var asset = Assert.IsType<AssetDeclarationSyntax>(Assert.Single(ParseValid(source).Root.Members));
        Assert.Equal("Base", asset.BaseType?.Name.Text);
        Assert.Equal(
            [VariableKind.Parameter, VariableKind.Constant, VariableKind.Input, VariableKind.Output, VariableKind.State, VariableKind.Variable, VariableKind.Discrete],
            asset.Members.Cast<VariableDeclarationSyntax>().Select(v => v.Kind));
    }

    [Fact]
    public void DocComments_AndAnnotations_AttachToDeclarationsAndMembers()
    {
        var tree = ParseValid("/// First line.\n///   Indented.\n@semantic(\"iri\")\nasset A {\n  /// The value.\n  @unit_hint parameter p: Real = 1 \"desc\"\n  // not documentation\n  state s: Real\n}");
        var asset = Assert.IsType<AssetDeclarationSyntax>(Assert.Single(tree.Root.Members));
        Assert.Equal("First line.\n  Indented.", asset.DocComment);
        Assert.Equal("semantic", Assert.Single(asset.Annotations).Name.Text);
        var p = Assert.IsType<VariableDeclarationSyntax>(asset.Members[0]);
        Assert.Equal("The value.", p.DocComment);
        Assert.Equal("unit_hint", Assert.Single(p.Annotations).Name.Text);
        Assert.Equal("desc", p.Description?.Value);
        Assert.Null(Assert.IsType<VariableDeclarationSyntax>(asset.Members[1]).DocComment);
    }

    [Fact]
    public void Type_DimensionsAndModifiers_AreParsed()
    {
        var tree = ParseValid("asset A { component cells: Cell[n, 3](capacity = 3 A*h, unit = mV) \"cells\"\n port p: Pin }");
        var components = tree.Root.DescendantsAndSelf().OfType<ComponentDeclarationSyntax>().ToList();
        Assert.Equal(2, components[0].Type.Dimensions.Length);
        Assert.IsType<ValueModifierSyntax>(components[0].Type.Modifiers[0]);
        Assert.IsType<UnitModifierSyntax>(components[0].Type.Modifiers[1]);
        Assert.False(components[0].IsPort);
        Assert.True(components[1].IsPort);
    }

    [Fact]
    public void Equations_AllForms_AreParsed()
    {
        var tree = ParseValid("asset A { initial equation { x = 1 }\n equation { a[i] = b for i in 1..n; connect(p, q) for j\n for i in 1..n, k { c = d } } }");
        var sections = tree.Root.DescendantsAndSelf().OfType<EquationSectionSyntax>().ToList();
        Assert.True(sections[0].IsInitial);
        Assert.Collection(
            sections[1].Equations,
            e => Assert.Single(Assert.IsType<SimpleEquationSyntax>(e).Iterators),
            e => Assert.Single(Assert.IsType<ConnectEquationSyntax>(e).Iterators),
            e => Assert.Equal(2, Assert.IsType<ForEquationSyntax>(e).Iterators.Length));
    }

    [Fact]
    public void WhenAndSampled_Statements_AreParsed()
    {
        var tree = ParseValid("asset A { when h < 0 m { reinit(v, -e * v); u := 1\n terminate \"done\" }\n sampled every 1 s offset 0.5 s { u := 2 } }");
        var when = Single<WhenSectionSyntax>(tree);
        Assert.Collection(when.Statements, s => Assert.IsType<ReinitStatementSyntax>(s), s => Assert.IsType<AssignmentStatementSyntax>(s), s => Assert.Equal("done", Assert.IsType<TerminateStatementSyntax>(s).Reason?.Value));
        Assert.NotNull(Single<SampledSectionSyntax>(tree).Offset);
    }

    [Fact]
    public void FunctionsTablesSurrogates_AreParsed()
    {
        var tree = ParseValid("function f(x: Real): Real = x\nfunction g(): Real { let a = 1; let b = a\n return a + b }\n" +
            "table t(x: Real, y: Real): Real with interpolation = linear { 0, 1 -> 2, 1, 1 -> 3, }\ntable u(x: Real): Real from \"u.csv\"\n" +
            "surrogate s(x: Real): Real = polynomial(degree = 2) from \"s.csv\"");
        var members = tree.Root.Members;
        Assert.Single(Assert.IsType<FunctionDeclarationSyntax>(members[0]).Parameters);
        Assert.Equal(2, Assert.IsType<FunctionDeclarationSyntax>(members[1]).Lets.Length);
        var table = Assert.IsType<TableDeclarationSyntax>(members[2]);
        Assert.Equal(2, table.Rows.Length);
        Assert.Equal(2, table.Rows[0].Inputs.Length);
        Assert.Single(table.Settings);
        Assert.Equal("u.csv", Assert.IsType<TableDeclarationSyntax>(members[3]).Source?.Value);
        Assert.Equal("s.csv", Assert.IsType<SurrogateDeclarationSyntax>(members[4]).Source?.Value);
    }

    [Fact]
    public void EnumAndConnector_AreParsed()
    {
        var tree = ParseValid("enum Mode { off, heating, cooling, }\nconnector Pin { potential v: Voltage\n flow i: Current }");
        Assert.Equal(3, Assert.IsType<EnumDeclarationSyntax>(tree.Root.Members[0]).Members.Length);
        Assert.Equal([VariableKind.Potential, VariableKind.Flow], Assert.IsType<ConnectorDeclarationSyntax>(tree.Root.Members[1]).Members.Select(m => m.Kind));
    }

    [Fact]
    public void Coupling_ItemsAndEnds_AreParsed()
    {
        var tree = ParseValid("asset P { coupling thermal between cells (step 1 s) and coolant (step 60 s) {\n up coolant.heat = sum(cells[i].heat for i)\n down cells[i].ambient = coolant.temperature for i\n conserve coolant.heat tolerance 1 W\n interpolation = linear } }");
        var coupling = Single<CouplingSyntax>(tree);
        Assert.NotNull(coupling.First.Step);
        Assert.Equal("coolant", Render(coupling.Second.Target));
        Assert.Collection(
            coupling.Items,
            i => Assert.Equal(CouplingDirection.Up, Assert.IsType<CouplingTransferSyntax>(i).Direction),
            i => Assert.Single(Assert.IsType<CouplingTransferSyntax>(i).Iterators),
            i => Assert.NotNull(Assert.IsType<CouplingConserveSyntax>(i).Tolerance),
            i => Assert.Equal("interpolation", Assert.IsType<CouplingSettingSyntax>(i).Setting.Key.Text));
    }

    [Fact]
    public void Assimilation_AllItems_AreParsed()
    {
        var tree = ParseValid("assimilation E for Pack {\n observe v ~ normal(x, 5 mV) from \"bms.csv\" column \"v\" every 1 s\n estimate cells[*].r0 prior lognormal(15 mOhm, 0.2)\n filter ensemble(members = 64)\n reject when abs(innovation) > 4 * sigma\n report rmse, nis }");
        var items = Assert.IsType<AssimilationDeclarationSyntax>(Assert.Single(tree.Root.Members)).Items;
        var observe = Assert.IsType<ObserveSyntax>(items[0]);
        Assert.Equal(("bms.csv", "v"), (observe.Source?.Value, observe.Column?.Value));
        Assert.NotNull(observe.Every);
        Assert.NotNull(Assert.IsType<EstimateSyntax>(items[1]).Prior);
        Assert.Equal("ensemble(members=64)", Render(Assert.IsType<FilterSyntax>(items[2]).Filter));
        Assert.IsType<RejectSyntax>(items[3]);
        Assert.Equal(2, Assert.IsType<ReportSyntax>(items[4]).Metrics.Length);
    }

    [Fact]
    public void Scenario_AllItems_AreParsed()
    {
        var tree = ParseValid("scenario D for Cell {\n time 0 s .. 2 h\n solver rk4(step = 1 ms)\n input current = step(at = 10 s)\n set capacity = 3 A*h\n output every 10 s soc, temp\n sweep r0 in [1 Ohm, 2 Ohm]\n ensemble 10 seed 4 { capacity ~ normal(2.5 A*h, 0.1 A*h) }\n realtime = true }");
        var items = Assert.IsType<ScenarioDeclarationSyntax>(Assert.Single(tree.Root.Members)).Items;
        Assert.Equal("0[s]", Render(Assert.IsType<ScenarioTimeSyntax>(items[0]).Start));
        Assert.IsType<ScenarioSolverSyntax>(items[1]);
        Assert.IsType<ScenarioInputSyntax>(items[2]);
        Assert.IsType<ScenarioSetSyntax>(items[3]);
        Assert.Equal(2, Assert.IsType<ScenarioOutputSyntax>(items[4]).Variables.Length);
        Assert.IsType<ScenarioSweepSyntax>(items[5]);
        Assert.Single(Assert.IsType<ScenarioEnsembleSyntax>(items[6]).Distributions);
        Assert.IsType<ScenarioSettingSyntax>(items[7]);
    }

    [Fact]
    public void Tokens_IncludeCommentsAndClassifyEveryToken()
    {
        var tree = ParseValid("/// doc\nasset A { // line\n /* block */ parameter p: Real = 2.5 \"s\" }");
        Assert.Equal(
            [TokenKind.DocComment, TokenKind.Keyword, TokenKind.Identifier, TokenKind.Punctuation, TokenKind.LineComment, TokenKind.BlockComment, TokenKind.Keyword, TokenKind.Identifier, TokenKind.Punctuation, TokenKind.Identifier, TokenKind.Operator, TokenKind.Number, TokenKind.String, TokenKind.Punctuation],
            tree.Tokens.Select(t => t.Kind));
        Assert.All(tree.Tokens, t => Assert.Equal(t.Text, tree.Text.ToString(t.Span)));
    }

    [Fact]
    public void Equivalence_SameTreeWithDifferentLayout_IsEquivalent()
    {
        var a = ParseValid("asset A { equation { x = 1 + 2 } }");
        var b = ParseValid("asset A {\n  equation {\n    x = 1 + 2\n  }\n}\n");
        var c = ParseValid("asset A { equation { x = 1 - 2 } }");
        Assert.True(TwinLang.Syntax.SyntaxEquivalence.AreEquivalent(a.Root, b.Root));
        Assert.False(TwinLang.Syntax.SyntaxEquivalence.AreEquivalent(a.Root, c.Root));
    }
}
