using System.Text;

namespace TwinLang.Formatting;

/// <summary>
/// Collects the formatted output line by line. Indentation is written lazily, with the first text of a line,
/// so no line ever carries trailing or whitespace-only indentation. Trailing <c>//</c> comments on consecutive
/// lines of one indentation are aligned at the end, two spaces past the longest code (gofmt's rule).
/// </summary>
internal sealed class LineWriter
{
    private readonly List<OutputLine> _lines = [];
    private readonly StringBuilder _current = new();
    private string? _trailingComment;
    private int _pendingIndent;
    private bool _afterOpenBrace;

    /// <summary>Nothing has been written yet.</summary>
    public bool IsEmpty => _lines.Count == 0 && _current.Length == 0 && _trailingComment is null;

    /// <summary>The current line holds no text yet.</summary>
    public bool AtLineStart => _current.Length == 0 && _trailingComment is null;

    /// <summary>The current line ends with <c>(</c> or <c>[</c>.</summary>
    public bool EndsWithOpeningBracket => _trailingComment is null && _current.Length > 0 && _current[^1] is '(' or '[';

    /// <summary>Writes text; line breaks inside it (a multi-line block comment) are kept verbatim.</summary>
    public void Write(string text)
    {
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Split('\n');
        Append(lines[0]);
        for (var i = 1; i < lines.Length; i++)
        {
            Flush();
            _current.Append(lines[i]);
        }

        _afterOpenBrace = false;
    }

    /// <summary>Writes a <c>//</c> comment that ends the current line of code.</summary>
    public void WriteTrailingComment(string text)
    {
        _trailingComment = text;
    }

    /// <summary>Writes one space, unless the line is still empty.</summary>
    public void Space()
    {
        if (!AtLineStart)
        {
            _current.Append(' ');
        }
    }

    /// <summary>Notes that an opening brace ended the text so far: no blank line may follow it.</summary>
    public void MarkOpenBrace() => _afterOpenBrace = true;

    /// <summary>Ends the line; the next starts at <paramref name="indent"/> spaces, after one blank line when asked.</summary>
    public void NewLine(bool blankLine, int indent)
    {
        var suppressBlank = _afterOpenBrace;
        Flush();
        if (blankLine && !suppressBlank)
        {
            _lines.Add(new OutputLine(string.Empty, null));
        }

        _pendingIndent = indent;
    }

    /// <summary>The finished text, ending with one line break.</summary>
    public string Finish()
    {
        if (!AtLineStart)
        {
            Flush();
        }

        var result = new StringBuilder();
        var i = 0;
        while (i < _lines.Count)
        {
            var end = i;
            if (_lines[i].TrailingComment is not null && _lines[i].Code.Length > 0)
            {
                var indent = IndentOf(_lines[i].Code);
                while (end + 1 < _lines.Count && _lines[end + 1].TrailingComment is not null && _lines[end + 1].Code.Length > 0 && IndentOf(_lines[end + 1].Code) == indent)
                {
                    end++;
                }
            }

            var width = 0;
            for (var j = i; j <= end; j++)
            {
                width = Math.Max(width, _lines[j].Code.Length);
            }

            for (var j = i; j <= end; j++)
            {
                var line = _lines[j];
                if (line.TrailingComment is null)
                {
                    result.Append(line.Code);
                }
                else if (line.Code.Length == 0)
                {
                    result.Append(line.TrailingComment);
                }
                else
                {
                    result.Append(line.Code.PadRight(width + 2)).Append(line.TrailingComment);
                }

                result.Append('\n');
            }

            i = end + 1;
        }

        return result.ToString();
    }

    private void Append(string text)
    {
        if (text.Length == 0)
        {
            return;
        }

        if (_current.Length == 0)
        {
            _current.Append(' ', _pendingIndent);
        }

        _current.Append(text);
    }

    private void Flush()
    {
        _lines.Add(new OutputLine(_current.ToString(), _trailingComment));
        _current.Clear();
        _trailingComment = null;
        _pendingIndent = 0;
        _afterOpenBrace = false;
    }

    private static int IndentOf(string code)
    {
        var i = 0;
        while (i < code.Length && code[i] == ' ')
        {
            i++;
        }

        return i;
    }

    private readonly record struct OutputLine(string Code, string? TrailingComment);
}
