using TwinLang.Syntax;
using TwinLang.Text;

namespace TwinLang.LanguageServer.Features;

/// <summary>A foldable line range; <see cref="Kind"/> is <c>comment</c>, <c>imports</c>, <c>region</c> or null.</summary>
internal readonly record struct FoldingRange(int StartLine, int EndLine, string? Kind);

/// <summary>
/// Folding from the syntax tree: declarations and the sections inside them, runs of comments,
/// the import block, and <c>// region</c> … <c>// endregion</c> markers. A server's ranges replace the
/// editor's own, so the markers the language configuration declares are honoured here too.
/// </summary>
internal static class FoldingRanges
{
    public static List<FoldingRange> Compute(SyntaxTree tree)
    {
        var text = tree.Text;
        var result = new List<FoldingRange>();
        foreach (var node in tree.Root.DescendantsAndSelf())
        {
            if (node is DeclarationSyntax or EquationSectionSyntax or WhenSectionSyntax or SampledSectionSyntax or CouplingSyntax
                or ForEquationSyntax or ScenarioEnsembleSyntax or AssimilationItemSyntax or ArrayLiteralExpressionSyntax)
            {
                AddBlock(text, node.Span, result);
            }
        }

        var imports = tree.Root.Imports;
        if (imports.Length > 1)
        {
            Add(text.GetLinePosition(imports[0].Span.Start).Line, text.GetLinePosition(imports[^1].Span.End).Line, "imports", result);
        }

        AddComments(tree, result);
        return result.Distinct().OrderBy(r => r.StartLine).ThenBy(r => r.EndLine).ToList();
    }

    private static void AddBlock(SourceText text, TextSpan span, List<FoldingRange> result)
    {
        if (span.Length == 0 || span.End > text.Length)
        {
            return;
        }

        var start = text.GetLinePosition(span.Start).Line;
        var end = text.GetLinePosition(span.End - 1).Line;

        // Keep the closing bracket visible, as editors do for brace-delimited blocks.
        if (text.Text[span.End - 1] is '}' or ']' && text.GetLineText(end).TrimStart().StartsWith(text.Text[span.End - 1]))
        {
            end--;
        }

        Add(start, end, null, result);
    }

    private static void AddComments(SyntaxTree tree, List<FoldingRange> result)
    {
        var text = tree.Text;
        var regions = new Stack<int>();
        int runStart = -1, runEnd = -1;
        foreach (var token in tree.Tokens)
        {
            var line = text.GetLinePosition(token.Span.Start).Line;
            if (token.Kind is TokenKind.LineComment or TokenKind.DocComment)
            {
                var body = token.Text.TrimStart('/').Trim();
                if (body.StartsWith("region", StringComparison.Ordinal))
                {
                    regions.Push(line);
                    continue;
                }

                if (body.StartsWith("endregion", StringComparison.Ordinal))
                {
                    if (regions.Count > 0)
                    {
                        Add(regions.Pop(), line, "region", result);
                    }

                    continue;
                }

                if (runEnd >= 0 && line == runEnd + 1)
                {
                    runEnd = line;
                    continue;
                }

                Add(runStart, runEnd, "comment", result);
                runStart = runEnd = line;
                continue;
            }

            if (token.Kind == TokenKind.BlockComment)
            {
                Add(line, text.GetLinePosition(token.Span.End).Line, "comment", result);
            }
        }

        Add(runStart, runEnd, "comment", result);
    }

    private static void Add(int start, int end, string? kind, List<FoldingRange> result)
    {
        if (start >= 0 && end > start)
        {
            result.Add(new FoldingRange(start, end, kind));
        }
    }
}
