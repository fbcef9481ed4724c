using System.Globalization;
using System.Text;
using TwinLang.Text;

namespace TwinLang.Syntax;

/// <summary>
/// Prints a syntax tree in the annotated golden format (STYLE.md §4, after Bicep's baselines): every source
/// line, then one <c>//@[start:end) ├─NodeKind details</c> record (absolute offsets) for each node that
/// starts on that line, drawn as a tree in depth-first order. Details are the node's plain values
/// (names, literals, operators, flags) that are set.
/// </summary>
public static class SyntaxTreePrinter
{
    /// <summary>The annotated text of <paramref name="tree"/>, lines joined with <c>\n</c>.</summary>
    public static string Print(SyntaxTree tree)
    {
        ArgumentNullException.ThrowIfNull(tree);
        return Print(tree.Text, tree.Root);
    }

    /// <summary>The annotated text of <paramref name="root"/> over <paramref name="text"/>.</summary>
    public static string Print(SourceText text, SyntaxNode root)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(root);
        var lineCount = text.LineStarts.Count;
        var records = new List<string>?[lineCount];

        // Depth first without recursion: (node, prefix of its children, is it the last child).
        var pending = new Stack<(SyntaxNode Node, string Prefix, bool IsLast)>();
        pending.Push((root, "", true));
        while (pending.Count > 0)
        {
            var (node, prefix, isLast) = pending.Pop();
            var line = text.GetLinePosition(node.Span.Start).Line;
            (records[line] ??= []).Add(string.Create(CultureInfo.InvariantCulture, $"//@[{node.Span.Start}:{node.Span.End}) {prefix}{(isLast ? "└─" : "├─")}{Describe(node)}"));

            var children = node.GetChildren().ToList();
            var childPrefix = prefix + (isLast ? "  " : "│ ");
            for (var i = children.Count - 1; i >= 0; i--)
            {
                pending.Push((children[i], childPrefix, i == children.Count - 1));
            }
        }

        var output = new StringBuilder();
        for (var line = 0; line < lineCount; line++)
        {
            var isTrailingEmptyLine = line == lineCount - 1 && line > 0 && text.LineStarts[line] == text.Length;
            if (isTrailingEmptyLine && records[line] is null)
            {
                break;
            }

            output.Append(text.GetLineText(line)).Append('\n');
            foreach (var record in records[line] ?? [])
            {
                output.Append(record).Append('\n');
            }
        }

        return output.ToString();
    }

    private static string Describe(SyntaxNode node)
    {
        var builder = new StringBuilder(node.GetType().Name);
        foreach (var member in SyntaxNodeShape.Of(node.GetType()))
        {
            if (member.Kind != SyntaxNodeShape.MemberKind.Value)
            {
                continue;
            }

            var value = member.Get(node) switch
            {
                null or false => null,
                true => "true",
                string s => Quote(s),
                double d => d.ToString("R", CultureInfo.InvariantCulture),
                IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
                var other => other.ToString(),
            };
            if (value is not null)
            {
                builder.Append(' ').Append(member.Name).Append('=').Append(value);
            }
        }

        return builder.ToString();
    }

    private static string Quote(string value) =>
        "\"" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)
            .Replace("\n", "\\n", StringComparison.Ordinal).Replace("\r", "\\r", StringComparison.Ordinal).Replace("\t", "\\t", StringComparison.Ordinal) + "\"";
}
