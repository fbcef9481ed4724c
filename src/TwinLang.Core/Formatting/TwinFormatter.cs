using System.Collections.Immutable;
using TwinLang.Syntax;
using TwinLang.Text;

namespace TwinLang.Formatting;

/// <summary>
/// The canonical layout of a <c>.twin</c> file, used by <c>twin fmt</c> and editor formatting.
/// It re-spaces the parser's token stream (comments included) rather than printing the tree, so no token
/// is ever dropped or reordered and the meaning cannot change; the tree only tells it where lines start,
/// which operators are unit operators and which minus signs are unary (the gofmt approach).
/// The tree must be free of syntax errors.
/// </summary>
public static class TwinFormatter
{
    /// <summary>Formats the whole file. The result ends with one <c>\n</c> and uses <c>\n</c> line breaks.</summary>
    public static string Format(SyntaxTree tree, FormattingOptions? options = null) =>
        new FormattingEngine(tree, options ?? FormattingOptions.Default).Run();

    /// <summary>
    /// The edits that turn the file into its formatted form: none when it is already formatted, else one edit
    /// covering the smallest range that differs, so an editor keeps the cursor and folds outside it.
    /// </summary>
    public static ImmutableArray<FormattingEdit> GetEdits(SyntaxTree tree, FormattingOptions? options = null) =>
        ComputeEdits(tree.Text.Text, Format(tree, options));

    /// <summary>The single edit (or none) that turns <paramref name="original"/> into <paramref name="formatted"/>.</summary>
    public static ImmutableArray<FormattingEdit> ComputeEdits(string original, string formatted)
    {
        if (string.Equals(original, formatted, StringComparison.Ordinal))
        {
            return ImmutableArray<FormattingEdit>.Empty;
        }

        var prefix = 0;
        var shortest = Math.Min(original.Length, formatted.Length);
        while (prefix < shortest && original[prefix] == formatted[prefix])
        {
            prefix++;
        }

        var suffix = 0;
        while (suffix < shortest - prefix && original[original.Length - 1 - suffix] == formatted[formatted.Length - 1 - suffix])
        {
            suffix++;
        }

        var span = TextSpan.FromBounds(prefix, original.Length - suffix);
        return ImmutableArray.Create(new FormattingEdit(span, formatted.Substring(prefix, formatted.Length - suffix - prefix)));
    }
}
