using System.Text;
using TwinLang.Syntax;
using Xunit;
using static TwinLang.Parsing.Tests.ParseHelper;

namespace TwinLang.Parsing.Tests;

/// <summary>Parsing never throws and always returns a tree, whatever the input (STYLE.md §1).</summary>
public sealed class RobustnessTests
{
    [Fact]
    public void EmptyFile_GivesEmptyUnitWithoutDiagnostics()
    {
        var tree = Parse("");
        Assert.Empty(tree.Diagnostics);
        Assert.Empty(tree.Root.Members);
        Assert.Empty(tree.Tokens);
    }

    [Fact]
    public void BinaryGarbage_GivesDiagnosticsAndATree()
    {
        var random = new Random(7);
        var bytes = new byte[20_000];
        random.NextBytes(bytes);
        var tree = Parse(Encoding.UTF8.GetString(bytes));
        Assert.NotEmpty(tree.Diagnostics);
        Assert.All(tree.Diagnostics, d => Assert.True(d.IsError));
    }

    [Fact]
    public void ReplacementCharacters_FromInvalidUtf8_AreInvalidCharacters()
    {
        var text = Encoding.UTF8.GetString([0x61, 0x73, 0x73, 0x65, 0x74, 0x20, 0xC3, 0x28, 0xFF, 0x20, 0x41]);
        var tree = Parse(text);
        Assert.Contains(tree.Diagnostics, d => d.Code == "TW0001" && d.Message.Contains("U+FFFD", StringComparison.Ordinal));
        Assert.Contains(tree.Tokens, t => t.Kind == TokenKind.Error);
    }

    [Fact]
    public void DeeplyNestedParentheses_AreCutWithOneDiagnostic()
    {
        var tree = Parse("asset A { equation { x = " + new string('(', 100_000) + "1" + new string(')', 100_000) + "\n y = 2 } }");
        Assert.Equal("TW0005", Assert.Single(tree.Diagnostics).Code);
        Assert.Equal(2, tree.Root.DescendantsAndSelf().OfType<SimpleEquationSyntax>().Count());
    }

    [Fact]
    public void UnclosedNestedParentheses_DoNotOverflow()
    {
        var tree = Parse("asset A { equation { x = " + new string('(', 100_000));
        Assert.Contains(tree.Diagnostics, d => d.Code == "TW0005");
    }

    [Fact]
    public void DeeplyNestedBlocks_DoNotOverflow()
    {
        var source = "asset A { equation { " + string.Concat(Enumerable.Repeat("for i in 1..n { ", 100_000)) + new string('}', 100_000) + " } }";
        var tree = Parse(source);
        Assert.Equal("TW0005", Assert.Single(tree.Diagnostics).Code);
    }

    [Theory]
    [InlineData("-")]
    [InlineData("not ")]
    [InlineData("a^")]
    [InlineData("if a then ")]
    public void LongOperatorChains_AreCutWithNestingDiagnostic(string repeated)
    {
        var source = "asset A { equation { x = " + string.Concat(Enumerable.Repeat(repeated, 100_000)) + "1 } }";
        var tree = Parse(source);
        Assert.Contains(tree.Diagnostics, d => d.Code == "TW0005");
    }

    [Fact]
    public void LongFlatSum_ParsesWithoutDiagnostics()
    {
        var source = "asset A { equation { x = " + string.Concat(Enumerable.Repeat("a + ", 20_000)) + "1 } }";
        var tree = TwinParser.Parse(new TwinLang.Text.SourceText(source));
        Assert.Empty(tree.Diagnostics);
    }

    [Fact]
    public void FiveMegabyteFile_Parses()
    {
        var model = "/// A cell.\nasset Cell {\n  parameter capacity: Charge = 2.5 A*h \"nominal\"\n  state soc: Fraction = 1\n  equation {\n    der(soc) = -current / capacity // drain\n  }\n}\n";
        var builder = new StringBuilder();
        while (builder.Length < 5_000_000)
        {
            builder.Append(model);
        }

        var tree = TwinParser.Parse(new TwinLang.Text.SourceText(builder.ToString()));
        Assert.Empty(tree.Diagnostics);
        Assert.True(tree.Root.Members.Length > 20_000);
    }

    [Theory]
    [InlineData("asset")]
    [InlineData("}}}}")]
    [InlineData("((((")]
    [InlineData("\"")]
    [InlineData("/*")]
    [InlineData("///")]
    [InlineData("@")]
    [InlineData("asset A { equation { for } }")]
    [InlineData("asset A { coupling c between and { up } }")]
    [InlineData("scenario S for { ensemble { ~ } }")]
    [InlineData("table t(): Real { -> , -> }")]
    [InlineData("unit u = offset")]
    [InlineData("asset A { parameter x: Real(unit = ) = 1 W/( }")]
    public void Fragments_NeverThrowAndKeepSpansNested(string source)
    {
        var tree = Parse(source);
        Assert.NotNull(tree.Root);
        Assert.All(tree.Diagnostics, d => Assert.True(d.Span.End <= source.Length));
    }
}
