using TwinLang.Parsing;
using TwinLang.Syntax;
using TwinLang.Text;
using Xunit;

namespace TwinLang.Parsing.Tests;

/// <summary>Shared steps of the parser tests: parse, check invariants every tree must keep, pick nodes.</summary>
internal static class ParseHelper
{
    public static SyntaxTree Parse(string text)
    {
        var tree = TwinParser.Parse(new SourceText(text, "test.twin"));
        AssertSpansNest(tree);
        return tree;
    }

    /// <summary>Parses text that must be free of diagnostics.</summary>
    public static SyntaxTree ParseValid(string text)
    {
        var tree = Parse(text);
        Assert.True(tree.Diagnostics.IsEmpty, string.Join("\n", tree.Diagnostics));
        return tree;
    }

    /// <summary>The only expression of <c>asset T { variable x: Real = EXPR }</c>.</summary>
    public static ExpressionSyntax Expression(string expression)
    {
        var tree = ParseValid($"asset T {{ variable x: Real = {expression} }}");
        var variable = Assert.IsType<VariableDeclarationSyntax>(Assert.Single(Assert.IsType<AssetDeclarationSyntax>(Assert.Single(tree.Root.Members)).Members));
        return Assert.IsType<ExpressionSyntax>(variable.Value, exactMatch: false);
    }

    public static T Single<T>(SyntaxTree tree)
        where T : SyntaxNode => Assert.Single(tree.Root.DescendantsAndSelf().OfType<T>());

    /// <summary>Every child lies inside its parent and inside the text.</summary>
    public static void AssertSpansNest(SyntaxTree tree)
    {
        var pending = new Stack<SyntaxNode>();
        pending.Push(tree.Root);
        while (pending.Count > 0)
        {
            var node = pending.Pop();
            Assert.True(node.Span.Start >= 0 && node.Span.End <= tree.Text.Length, $"{node.GetType().Name} {node.Span} is outside the text.");
            foreach (var child in node.GetChildren())
            {
                Assert.True(node.Span.Contains(child.Span), $"{child.GetType().Name} {child.Span} is outside {node.GetType().Name} {node.Span}.");
                pending.Push(child);
            }
        }
    }

    /// <summary>A compact prefix rendering of an expression, for precedence tests.</summary>
    public static string Render(ExpressionSyntax expression) => expression switch
    {
        BinaryExpressionSyntax b => $"({Render(b.Left)} {b.Operator} {Render(b.Right)})",
        UnaryExpressionSyntax u => $"({u.Operator} {Render(u.Operand)})",
        NameExpressionSyntax n => n.Name.Text,
        NumberLiteralSyntax n => n.Unit is null ? n.Text : $"{n.Text}[{RenderUnit(n.Unit)}]",
        ParenthesizedExpressionSyntax p => $"[{Render(p.Expression)}]",
        ConditionalExpressionSyntax c => $"(if {Render(c.Condition)} {Render(c.WhenTrue)} {Render(c.WhenFalse)})",
        RangeExpressionSyntax r => $"({Render(r.Start)} .. {Render(r.End)})",
        MemberAccessExpressionSyntax m => $"{Render(m.Target)}.{m.Member.Text}",
        IndexExpressionSyntax i => $"{Render(i.Target)}[{string.Join(", ", i.Indices.Select(Render))}]",
        WildcardExpressionSyntax => "*",
        CallExpressionSyntax c => $"{c.Callee.Text}({string.Join(", ", c.Arguments.Select(a => (a.Name is null ? "" : a.Name.Text + "=") + Render(a.Value)))})",
        ReductionExpressionSyntax r => $"{r.Function.Text}({Render(r.Body)} for {string.Join(", ", r.Iterators.Select(i => i.Name.Text + (i.Range is null ? "" : " in " + Render(i.Range))))})",
        ArrayLiteralExpressionSyntax a => $"<{string.Join(", ", a.Elements.Select(Render))}>",
        BooleanLiteralSyntax b => b.Value ? "true" : "false",
        StringLiteralSyntax s => $"\"{s.Value}\"",
        MissingExpressionSyntax => "?",
        _ => expression.GetType().Name,
    };

    public static string RenderUnit(UnitExpressionSyntax unit) => unit switch
    {
        UnitNameSyntax n => n.Name,
        UnitOneSyntax => "1",
        UnitPowerSyntax p => $"{RenderUnit(p.Base)}^{p.Exponent}",
        UnitBinarySyntax b => $"({RenderUnit(b.Left)}{(b.IsDivision ? "/" : "*")}{RenderUnit(b.Right)})",
        UnitParenthesizedSyntax p => RenderUnit(p.Inner),
        _ => "?",
    };
}
