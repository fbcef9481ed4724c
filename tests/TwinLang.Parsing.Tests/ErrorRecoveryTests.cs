using TwinLang.Syntax;
using Xunit;
using static TwinLang.Parsing.Tests.ParseHelper;

namespace TwinLang.Parsing.Tests;

public sealed class ErrorRecoveryTests
{
    [Fact]
    public void UnclosedAsset_AtEndOfFile_NamesTheAssetAndWhereItOpened()
    {
        var tree = Parse("\n\nasset Cell {\n  state soc: Real = 1\n");
        var diagnostic = Assert.Single(tree.Diagnostics);
        Assert.Equal("TW0011", diagnostic.Code);
        Assert.Equal("Expected '}' to close asset 'Cell' opened at 3:12, but found end of file.", diagnostic.Message);
    }

    [Fact]
    public void UnclosedCall_BeforeBrace_NamesTheCall()
    {
        var tree = Parse("asset A { equation {\n x = ocv(soc\n } }");
        var diagnostic = Assert.Single(tree.Diagnostics);
        Assert.Equal("Expected ')' to close the call of 'ocv' opened at 2:9, but found '}'.", diagnostic.Message);
    }

    [Fact]
    public void SeveralErrors_OneRun_ReportsEachOnceAndKeepsGoodParts()
    {
        var tree = Parse("asset A {\n parameter p Real\n state s: Real = \n output o: Real\n}\nasset B {\n equation { x = (1 + }\n}\nasset C { input i: Real }");
        Assert.Equal(3, tree.Diagnostics.Length);
        Assert.All(tree.Diagnostics, d => Assert.StartsWith("TW00", d.Code, StringComparison.Ordinal));
        Assert.Equal(tree.Diagnostics.Length, tree.Diagnostics.Select(d => d.Span.Start).Distinct().Count());
        Assert.Equal(["A", "B", "C"], tree.Root.Members.Select(m => m.Name.Text));
        Assert.Contains(tree.Root.DescendantsAndSelf(), n => n is MissingExpressionSyntax);
    }

    [Fact]
    public void Garbage_InAssetBody_BecomesErrorMember()
    {
        var tree = Parse("asset A {\n parameter p: Real\n 42 + ;\n state s: Real\n}");
        Assert.NotEmpty(tree.Diagnostics);
        var asset = Assert.IsType<AssetDeclarationSyntax>(Assert.Single(tree.Root.Members));
        Assert.Contains(asset.Members, m => m is ErrorMemberSyntax);
        Assert.Equal(2, asset.Members.OfType<VariableDeclarationSyntax>().Count());
    }

    [Fact]
    public void Garbage_AtTopLevel_BecomesErrorDeclaration()
    {
        var tree = Parse("garbage words\nasset A { }");
        Assert.Equal("TW0010", Assert.Single(tree.Diagnostics).Code);
        Assert.Collection(tree.Root.Members, m => Assert.IsType<ErrorDeclarationSyntax>(m), m => Assert.Equal("A", m.Name.Text));
    }

    [Fact]
    public void MissingName_IsMarkedMissing()
    {
        var tree = Parse("asset { }");
        Assert.NotEmpty(tree.Diagnostics);
        Assert.True(Assert.Single(tree.Root.Members).Name.IsMissing);
    }

    [Theory]
    [InlineData("asset A { § }", "TW0001")]
    [InlineData("asset A { parameter s: String = \"open\n}", "TW0002")]
    [InlineData("asset A { }\n/* open", "TW0003")]
    [InlineData("asset A { parameter s: String = \"a\\qb\" }", "TW0004")]
    [InlineData("asset A { parameter x: Real = 1e999 }", "TW0006")]
    [InlineData("unit x = 2/s", "TW0007")]
    [InlineData("scenario S for A { time 5 s }", "TW0008")]
    [InlineData("asset A { parameter x Real }", "TW0010")]
    [InlineData("asset A {", "TW0011")]
    public void LexicalAndSyntaxErrors_EachCode_IsReportedAlone(string source, string code)
    {
        var tree = Parse(source);
        Assert.Equal(code, Assert.Single(tree.Diagnostics).Code);
    }

    [Fact]
    public void Diagnostics_Messages_EndWithPeriodAndSayExpectedAndFound()
    {
        var tree = Parse("quantity Q K\nasset A { parameter x Real\n equation { y = (1 + } }\nfunction f(a Real): Real = a");
        Assert.NotEmpty(tree.Diagnostics);
        Assert.All(tree.Diagnostics, d =>
        {
            Assert.EndsWith(".", d.Message, StringComparison.Ordinal);
            Assert.Contains("Expected", d.Message, StringComparison.Ordinal);
            Assert.Contains("found", d.Message, StringComparison.Ordinal);
        });
    }
}
