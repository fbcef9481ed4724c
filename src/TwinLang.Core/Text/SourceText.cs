namespace TwinLang.Text;

/// <summary>
/// The immutable text of one source file and its path. Line starts are computed once, lazily,
/// because only diagnostics display and the language server's edge need line/column.
/// </summary>
public sealed class SourceText
{
    private int[]? _lineStarts;

    /// <summary>Creates a source text. <paramref name="path"/> is as the host names the file (relative paths stay relative).</summary>
    public SourceText(string text, string path = "")
    {
        Text = text;
        Path = path;
    }

    /// <summary>The full text.</summary>
    public string Text { get; }

    /// <summary>The file path as given by the host; empty for in-memory text.</summary>
    public string Path { get; }

    /// <summary>Number of characters.</summary>
    public int Length => Text.Length;

    /// <summary>Offsets at which each line starts; line 0 starts at 0.</summary>
    public IReadOnlyList<int> LineStarts => _lineStarts ??= ComputeLineStarts(Text);

    /// <summary>Converts an absolute offset (clamped into the text) to a zero-based line and column.</summary>
    public LinePosition GetLinePosition(int offset)
    {
        offset = Math.Clamp(offset, 0, Text.Length);
        var starts = (int[])LineStarts;
        var line = Array.BinarySearch(starts, offset);
        if (line < 0)
        {
            line = ~line - 1;
        }

        return new LinePosition(line, offset - starts[line]);
    }

    /// <summary>Converts a zero-based line and column back to an offset, clamped to the text.</summary>
    public int GetOffset(LinePosition position)
    {
        var starts = LineStarts;
        if (position.Line < 0)
        {
            return 0;
        }

        if (position.Line >= starts.Count)
        {
            return Text.Length;
        }

        var lineEnd = position.Line + 1 < starts.Count ? starts[position.Line + 1] : Text.Length;
        return Math.Clamp(starts[position.Line] + Math.Max(0, position.Column), starts[position.Line], lineEnd);
    }

    /// <summary>The text of a span.</summary>
    public string ToString(TextSpan span) => Text.Substring(span.Start, Math.Min(span.Length, Text.Length - span.Start));

    /// <summary>The text of one zero-based line without its line break.</summary>
    public string GetLineText(int line)
    {
        var starts = LineStarts;
        var start = starts[line];
        var end = line + 1 < starts.Count ? starts[line + 1] : Text.Length;
        return Text[start..end].TrimEnd('\n', '\r');
    }

    private static int[] ComputeLineStarts(string text)
    {
        var starts = new List<int> { 0 };
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\r')
            {
                if (i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }

                starts.Add(i + 1);
            }
            else if (c == '\n')
            {
                starts.Add(i + 1);
            }
        }

        return starts.ToArray();
    }
}
