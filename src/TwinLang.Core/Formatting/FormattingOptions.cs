namespace TwinLang.Formatting;

/// <summary>Layout choices of <see cref="TwinFormatter"/>. The defaults are the canonical TwinLang layout.</summary>
public sealed record FormattingOptions
{
    /// <summary>The canonical layout: two-space indentation.</summary>
    public static FormattingOptions Default { get; } = new();

    /// <summary>Spaces per block level; continuation lines of a long member get two levels more.</summary>
    public int IndentSize { get; init; } = 2;
}
