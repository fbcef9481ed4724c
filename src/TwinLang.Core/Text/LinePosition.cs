namespace TwinLang.Text;

/// <summary>A zero-based line and zero-based UTF-16 column. Displays add one to both.</summary>
public readonly record struct LinePosition(int Line, int Column)
{
    /// <inheritdoc />
    public override string ToString() => $"{Line + 1}:{Column + 1}";
}
