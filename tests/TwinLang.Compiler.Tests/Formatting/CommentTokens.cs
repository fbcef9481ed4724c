using TwinLang.Syntax;

namespace TwinLang.Formatting;

/// <summary>The comments of a tree as the formatter must keep them: every one, in order, with its text (line breaks as <c>\n</c>).</summary>
internal static class CommentTokens
{
    public static List<string> Of(SyntaxTree tree) =>
        tree.Tokens.Where(t => t.Kind is TokenKind.LineComment or TokenKind.BlockComment or TokenKind.DocComment)
            .Select(t => t.Text.Replace("\r\n", "\n", StringComparison.Ordinal))
            .ToList();
}
