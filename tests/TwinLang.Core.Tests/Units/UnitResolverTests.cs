using TwinLang.Diagnostics;
using TwinLang.Syntax;
using TwinLang.Text;
using Xunit;

namespace TwinLang.Units;

/// <summary>Error paths of unit expressions: each reports one code at the smallest node, then nothing more.</summary>
public class UnitResolverTests
{
    [Theory]
    [InlineData("mtr", "TW2000", "mtr")]
    [InlineData("kg*mtr/s", "TW2000", "mtr")]
    [InlineData("mdegC", "TW2001", "mdegC")]
    [InlineData("degC^2", "TW2002", "degC^2")]
    [InlineData("m^0", "TW2003", "m^0")]
    [InlineData("m^13", "TW2003", "m^13")]
    [InlineData("Qm^11", "TW2004", "Qm^11")]
    [InlineData("qm^-11", "TW2004", "qm^-11")]
    public void Resolve_InvalidUnit_ReportsCodeAtSmallestNode(string text, string expectedCode, string expectedSpanText)
    {
        var (unit, diagnostics) = Resolve(text);

        Assert.True(unit.IsError);
        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal(expectedCode, diagnostic.Code);
        Assert.Equal(expectedSpanText, diagnostic.Source.ToString(diagnostic.Span));
        Assert.EndsWith(".", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_TwoUnknownNames_ReportsBothOnce()
    {
        var (unit, diagnostics) = Resolve("foo/(baz*s)^2");

        Assert.True(unit.IsError);
        Assert.Equal(["foo", "baz"], diagnostics.Select(d => d.Source.ToString(d.Span)));
    }

    [Fact]
    public void Resolve_UnknownName_SuggestsClosestUnit()
    {
        var (_, diagnostics) = Resolve("kOhms");

        Assert.Equal("Unknown unit 'kOhms'; the closest known unit is 'kOhm'.", Assert.Single(diagnostics).Message);
    }

    [Fact]
    public void Resolve_UnknownNameWithoutSuggestion_ExplainsHowToDeclare()
    {
        var (_, diagnostics) = Resolve("xyzzy");

        Assert.Equal("Unknown unit 'xyzzy'. Use a unit of the standard library or declare it with 'unit xyzzy = ...'.", Assert.Single(diagnostics).Message);
    }

    [Fact]
    public void Resolve_MissingUnit_IsErrorWithoutDiagnostic()
    {
        var diagnostics = new DiagnosticBag();

        var unit = UnitTestContext.Standard.Resolve(new MissingUnitSyntax(new TextSpan(0, 0)), new SourceText(string.Empty), diagnostics);

        Assert.True(unit.IsError);
        Assert.Equal(0, diagnostics.Count);
    }

    [Fact]
    public void Resolve_AffineUnitToFirstPower_StaysAffine()
    {
        var (unit, diagnostics) = Resolve("degC^1");

        Assert.Empty(diagnostics);
        Assert.True(unit.IsAffine);
    }

    [Fact]
    public void Resolve_ParenthesizedAffineUnit_StaysAffine()
    {
        var (unit, diagnostics) = Resolve("(degC)");

        Assert.Empty(diagnostics);
        Assert.True(unit.IsAffine);
    }

    [Fact]
    public void Resolve_OneOverUnit_IsReciprocal()
    {
        var (unit, diagnostics) = Resolve("1/h");

        Assert.Empty(diagnostics);
        Assert.Equal("1/h", unit.Symbol);
        Assert.Equal(1.0 / 3600, unit.Scale, 1e-15);
    }

    [Fact]
    public void Resolve_AffineUnitInProduct_CountsAsDifference()
    {
        var (unit, diagnostics) = Resolve("degC*s/s");

        Assert.Empty(diagnostics);
        Assert.False(unit.IsAffine);
        Assert.Equal(Dimension.TemperatureDimension, unit.Dimension);
    }

    [Fact]
    public void ResolveLiteral_UnknownUnit_KeepsWrittenValueAndIsError()
    {
        var diagnostics = new DiagnosticBag();
        var (source, syntax) = UnitTestContext.ParseLiteral("3 mtr");

        var literal = UnitTestContext.Standard.ResolveLiteral(syntax, source, diagnostics);

        Assert.True(literal.IsError);
        Assert.Equal(3, literal.SiValue);
        Assert.Equal("TW2000", Assert.Single(diagnostics.ToSortedList()).Code);
    }

    private static (Unit Unit, IReadOnlyList<Diagnostic> Diagnostics) Resolve(string text)
    {
        var diagnostics = new DiagnosticBag();
        var (source, syntax) = UnitTestContext.ParseUnit(text);
        var unit = UnitTestContext.Standard.Resolve(syntax, source, diagnostics);
        return (unit, diagnostics.ToSortedList());
    }
}
