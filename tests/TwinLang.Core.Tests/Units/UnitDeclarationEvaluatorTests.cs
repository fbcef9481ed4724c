using TwinLang.Diagnostics;
using TwinLang.Parsing;
using TwinLang.Text;
using Xunit;

namespace TwinLang.Units;

/// <summary>Unit and quantity declarations: dependency order, several files, and every declaration error.</summary>
public class UnitDeclarationEvaluatorTests
{
    [Fact]
    public void Build_ForwardReferenceAcrossFiles_DefinesInDependencyOrder()
    {
        var (system, diagnostics) = UnitTestContext.Build("unit kWh2 = kWh2base\nunit Wh = W*h", "unit W = kg*m^2/s^3\nunit h = 3600 s\nunit kWh2base = kWh");

        Assert.Empty(diagnostics);
        Assert.True(system.Units.TryResolve("kWh2", out var unit));
        Assert.Equal(3.6e6, unit.Scale, 1e-6);
        Assert.Equal("kWh2", unit.Symbol);
    }

    [Fact]
    public void Build_OffsetUnit_OffsetCountsInItsOwnSteps()
    {
        var (system, diagnostics) = UnitTestContext.Build("unit degR = 0.5555555555555556 K\nunit degF = degR offset 459.67\nunit degF2 = 0.5555555555555556 K offset 459.67");

        Assert.Empty(diagnostics);
        Assert.True(system.Units.TryResolve("degF", out var degF));
        Assert.True(system.Units.TryResolve("degF2", out var degF2));
        Assert.Equal(298.15, degF.ToSi(77), 1e-9);
        Assert.True(degF.IsEquivalentTo(degF2));
    }

    [Fact]
    public void Build_AliasOfAffineUnit_IsAffine()
    {
        var (system, diagnostics) = UnitTestContext.Build("unit degC = K offset 273.15\nunit celsius = degC");

        Assert.Empty(diagnostics);
        Assert.True(system.Units.TryResolve("celsius", out var unit));
        Assert.Equal(298.15, unit.ToSi(25), 1e-9);
    }

    [Fact]
    public void Build_DimensionlessUnits_HaveScaleOnly()
    {
        var (system, diagnostics) = UnitTestContext.Build("unit percent = 0.01\nunit rad = 1\nunit perSecond = 1/s");

        Assert.Empty(diagnostics);
        Assert.True(system.Units.TryResolve("percent", out var percent));
        Assert.True(percent.Dimension.IsDimensionless);
        Assert.Equal(0.01, percent.Scale);
        Assert.True(system.Units.TryResolve("perSecond", out var perSecond));
        Assert.Equal("1/s", perSecond.Dimension.ToString());
    }

    [Fact]
    public void Build_DocComment_BecomesDescriptionUnlessDescriptionGiven()
    {
        var (system, _) = UnitTestContext.Build("/// Hour of time.\nunit h = 3600 s\nunit d = 86400 s \"day\"");

        Assert.True(system.Units.TryGetDefinition("h", out var hour));
        Assert.Equal("Hour of time.", hour.Description);
        Assert.True(system.Units.TryGetDefinition("d", out var day));
        Assert.Equal("day", day.Description);
    }

    [Theory]
    [InlineData("unit h = 3600 s\nunit h = 60 s", "TW2005", "h", 1)]
    [InlineData("unit m = 1 s", "TW2005", "m", 0)]
    [InlineData("unit a = b\nunit b = a", "TW2006", "a", 0)]
    [InlineData("unit a = a", "TW2006", "a", 0)]
    [InlineData("unit x = 0 m", "TW2007", "0", 0)]
    [InlineData("unit x = m offset 3", "TW2008", "m", 0)]
    [InlineData("unit x = K/s offset 3", "TW2009", "K/s", 0)]
    [InlineData("unit degC = K offset 273.15\nunit y = degC offset 3", "TW2009", "degC", 1)]
    [InlineData("unit degC = K offset 273.15\nunit y = 2 degC", "TW2010", "2 degC", 1)]
    [InlineData("quantity Q = m\nquantity Q = s", "TW2011", "Q", 1)]
    [InlineData("unit x = 3 foo", "TW2000", "foo", 0)]
    [InlineData("quantity Q = foo", "TW2000", "foo", 0)]
    [InlineData("unit x = 1e300 m\nunit y = 1e300 x", "TW2004", "y", 1)]
    public void Build_InvalidDeclaration_ReportsOneCodeAtSmallestNode(string text, string expectedCode, string expectedSpanText, int expectedLine)
    {
        var (_, diagnostics) = UnitTestContext.Build(text);

        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal(expectedCode, diagnostic.Code);
        Assert.Equal(expectedSpanText, diagnostic.Source.ToString(diagnostic.Span));
        Assert.Equal(expectedLine, diagnostic.Start.Line);
    }

    [Fact]
    public void Build_Cycle_ReportsPathOnceAndNoCascade()
    {
        var (system, diagnostics) = UnitTestContext.Build("unit c = 2 ka\nunit a = 3 b\nunit b = 4 a\nquantity Q = a/c");

        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal("The unit 'a' is defined in terms of itself ('a' -> 'b' -> 'a'). Define one of them from other units.", diagnostic.Message);
        Assert.True(system.Units.TryResolve("c", out var c));
        Assert.True(c.IsError);
        Assert.True(system.Quantities.TryGet("Q", out var q));
        Assert.True(q.IsError);
    }

    [Fact]
    public void Build_ErroneousUnit_ReferencesReportNothingMore()
    {
        var (system, diagnostics) = UnitTestContext.Build("unit x = 3 foo\nunit y = kx*s\nquantity Q = y");

        Assert.Equal("TW2000", Assert.Single(diagnostics).Code);
        Assert.True(system.Quantities.TryGet("Q", out var q));
        Assert.True(q.IsError);
    }

    [Fact]
    public void Build_DuplicateAcrossFiles_ReportsTheLaterFile()
    {
        var (_, diagnostics) = UnitTestContext.Build("unit h = 3600 s", "unit h = 60 s");

        Assert.Equal("file1.twin", Assert.Single(diagnostics).Path);
    }

    [Fact]
    public void Build_UserRedeclaresStandardUnit_ReportsInUserFile()
    {
        var (_, diagnostics) = UnitTestContext.BuildWithStandard("unit h = 60 min");

        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal(("TW2005", "main.twin"), (diagnostic.Code, diagnostic.Path));
    }

    [Fact]
    public void Build_QuantitiesSharingDimension_FirstNamesIt()
    {
        var (system, diagnostics) = UnitTestContext.Build("unit J = kg*m^2/s^2\nquantity Energy = J\nquantity Torque = kg*m^2/s^2");

        Assert.Empty(diagnostics);
        Assert.True(system.Quantities.TryGet("Torque", out var torque));
        Assert.Equal("'Energy' (J)", system.Describe(torque.Dimension));
    }

    [Fact]
    public void Build_PrefixedReferenceToLaterUnit_DefinesThatUnitFirst()
    {
        // "dax" reads as deca-"x" (longest prefix first), so 'x' must be defined before 'y' even though
        // "ax" is declared too.
        var (system, diagnostics) = UnitTestContext.Build("unit y = 2 dax\nunit ax = 5 m\nunit x = 3 m");

        Assert.Empty(diagnostics);
        Assert.True(system.Units.TryResolve("y", out var y));
        Assert.Equal(60, y.Scale, 1e-12);
    }

    [Theory]
    [InlineData("unit = 3 m")]
    [InlineData("unit x = offset 3")]
    [InlineData("unit x =")]
    [InlineData("quantity Q =")]
    [InlineData("quantity = m")]
    [InlineData("unit x = 3 m^")]
    [InlineData("unit x = (m*")]
    public void Build_BrokenDeclaration_ReportsNoUnitDiagnostics(string text)
    {
        var tree = TwinParser.Parse(new SourceText(text, "broken.twin"));
        var diagnostics = new DiagnosticBag();

        UnitSystem.Build([tree], diagnostics);

        Assert.NotEmpty(tree.Diagnostics);
        Assert.Empty(diagnostics.ToSortedList());
    }
}
