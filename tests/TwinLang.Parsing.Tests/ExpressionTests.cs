using TwinLang.Syntax;
using Xunit;
using static TwinLang.Parsing.Tests.ParseHelper;

namespace TwinLang.Parsing.Tests;

public sealed class ExpressionTests
{
    [Theory]
    [InlineData("a + b * c", "(a Add (b Multiply c))")]
    [InlineData("a - b - c", "((a Subtract b) Subtract c)")]
    [InlineData("a ^ b ^ c", "(a Power (b Power c))")]
    [InlineData("-a ^ 2", "(Negate (a Power 2))")]
    [InlineData("2 ^ -1", "(2 Power (Negate 1))")]
    [InlineData("a < b and c or not d", "(((a Less b) And c) Or (Not d))")]
    [InlineData("not a == b", "(Not (a Equal b))")]
    [InlineData("a - -b", "(a Subtract (Negate b))")]
    [InlineData("(a + b) * c", "([(a Add b)] Multiply c)")]
    [InlineData("if a then b elseif c then d else e + 1", "(if a b (if c d (e Add 1)))")]
    [InlineData("cells[i].voltage", "cells[i].voltage")]
    [InlineData("cells[*].soc", "cells[*].soc")]
    [InlineData("grid[1, j]", "grid[1, j]")]
    [InlineData("[1, 2, 3]", "<1, 2, 3>")]
    [InlineData("f(a, name = b)", "f(a, name=b)")]
    [InlineData("std.math.exp(x)", "std.math.exp(x)")]
    [InlineData("step(at = 10 s, from = 0 A, to = 2 A)", "step(at=10[s], from=0[A], to=2[A])")]
    [InlineData("sum(cells[i].heat for i)", "sum(cells[i].heat for i)")]
    [InlineData("max(x[i] * y[j] for i in 1..n, j)", "max((x[i] Multiply y[j]) for i in (1 .. n), j)")]
    [InlineData("der(soc)", "der(soc)")]
    [InlineData("true or false", "(true Or false)")]
    [InlineData("\"text\"", "\"text\"")]
    [InlineData("time", "time")]
    public void Expression_Precedence_ParsesAsExpected(string source, string expected)
    {
        Assert.Equal(expected, Render(Expression(source)));
    }

    [Theory]
    [InlineData("2.5 A*h", "2.5[(A*h)]")]
    [InlineData("3 K/W * q", "(3[(K/W)] Multiply q)")]
    [InlineData("3 K / W", "(3[K] Divide W)")]
    [InlineData("25 degC", "25[degC]")]
    [InlineData("-9.81 m/s^2", "(Negate 9.81[(m/s^2)])")]
    [InlineData("2 W/(m^2*K)", "2[(W/(m^2*K))]")]
    [InlineData("5 s^-1", "5[s^-1]")]
    [InlineData("1e-6", "1e-6")]
    [InlineData("6.02e23 mol", "6.02e23[mol]")]
    [InlineData("1/s", "(1 Divide s)")]
    public void Expression_UnitLiteral_UnitOperatorsMustTouch(string source, string expected)
    {
        Assert.Equal(expected, Render(Expression(source)));
    }

    [Fact]
    public void NumberLiteral_Value_IsInvariantAndFlagsIntegers()
    {
        var culture = System.Globalization.CultureInfo.CurrentCulture;
        try
        {
            System.Globalization.CultureInfo.CurrentCulture = new System.Globalization.CultureInfo("fr-FR");
            var number = Assert.IsType<NumberLiteralSyntax>(Expression("2.5"));
            Assert.Equal(2.5, number.Value);
            Assert.False(number.IsInteger);
            Assert.True(Assert.IsType<NumberLiteralSyntax>(Expression("42")).IsInteger);
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = culture;
        }
    }

    [Fact]
    public void Range_IntegerDots_LexAsIntRangeName()
    {
        var tree = ParseValid("asset A { equation { x[i] = 0 for i in 1..n } }");
        var iterator = Single<IteratorSyntax>(tree);
        Assert.Equal("(1 .. n)", Render(Assert.IsType<RangeExpressionSyntax>(iterator.Range)));
    }

    [Fact]
    public void UnitLiteral_NextLine_DoesNotTakeTheNextEquationsName()
    {
        var tree = ParseValid("asset A { equation {\n x = 3\n y = 4 } }");
        Assert.Equal(2, tree.Root.DescendantsAndSelf().OfType<SimpleEquationSyntax>().Count());
    }

    [Fact]
    public void Minus_AfterOperandOnNextLine_ContinuesTheExpression()
    {
        var tree = Parse("asset A { equation {\n x = a\n -b = c } }");
        Assert.NotEmpty(tree.Diagnostics);
        var tree2 = ParseValid("asset A { equation {\n x = a\n y = -b } }");
        Assert.Equal(2, tree2.Root.DescendantsAndSelf().OfType<SimpleEquationSyntax>().Count());
    }

    [Fact]
    public void Parenthesis_OnNextLine_StartsANewEquation()
    {
        var tree = ParseValid("asset A { equation {\n x = a\n (b) = c } }");
        Assert.Equal(2, tree.Root.DescendantsAndSelf().OfType<SimpleEquationSyntax>().Count());
    }

    [Fact]
    public void StringLiteral_Escapes_AreResolved()
    {
        var value = Assert.IsType<StringLiteralSyntax>(Expression("\"a\\\"b\\\\c\\nd\\te\""));
        Assert.Equal("a\"b\\c\nd\te", value.Value);
    }
}
