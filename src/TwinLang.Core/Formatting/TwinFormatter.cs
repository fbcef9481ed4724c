using System.Collections.Immutable;
using TwinLang.Syntax;

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
    /// The edits that turn the file into its formatted form, for an editor's <i>Format Document</i>: none when it
    /// is already formatted, else one small edit per run of changed lines, in document order and not overlapping.
    /// Applied together they give exactly <see cref="Format"/>'s text.
    /// </summary>
    public static ImmutableArray<FormattingEdit> GetEdits(SyntaxTree tree, FormattingOptions? options = null) =>
        ComputeEdits(tree.Text.Text, Format(tree, options));

    /// <summary>The edits (as <see cref="GetEdits"/> describes them) that turn <paramref name="original"/> into <paramref name="formatted"/>.</summary>
    public static ImmutableArray<FormattingEdit> ComputeEdits(string original, string formatted) =>
        LineDiff.Compute(original, formatted);
}
