using TwinLang.Syntax;

namespace TwinLang.Cli;

/// <summary>The one call into Core's formatter, kept apart so <c>fmt</c> reads the same before and after it lands.</summary>
internal static class Formatter
{
    public static string Format(SyntaxTree tree)
    {
#if TWIN_FORMATTER
        return TwinLang.Formatting.TwinFormatter.Format(tree);
#else
        return tree.Text.Text;
#endif
    }
}
