using System.Collections.Immutable;
using TwinLang.Text;

namespace TwinLang.Formatting;

/// <summary>
/// The edits from one text to another as a few small replacements rather than one: lines are aligned by a
/// longest common subsequence, each run of changed lines becomes one edit, trimmed to the characters that
/// differ. Editors keep the cursor, selections and folds of every untouched line.
/// </summary>
internal static class LineDiff
{
    // Above this many cells the quadratic alignment is not worth it; the changed middle becomes one edit.
    private const long MaxAlignmentCells = 4_000_000;

    public static ImmutableArray<FormattingEdit> Compute(string original, string formatted)
    {
        if (string.Equals(original, formatted, StringComparison.Ordinal))
        {
            return ImmutableArray<FormattingEdit>.Empty;
        }

        var oldLines = SplitKeepingBreaks(original);
        var newLines = SplitKeepingBreaks(formatted);
        var oldOffsets = Offsets(oldLines);
        var newOffsets = Offsets(newLines);

        var prefix = 0;
        while (prefix < oldLines.Count && prefix < newLines.Count && oldLines[prefix] == newLines[prefix])
        {
            prefix++;
        }

        var suffix = 0;
        while (suffix < oldLines.Count - prefix && suffix < newLines.Count - prefix &&
               oldLines[oldLines.Count - 1 - suffix] == newLines[newLines.Count - 1 - suffix])
        {
            suffix++;
        }

        var edits = ImmutableArray.CreateBuilder<FormattingEdit>();
        var oldEnd = oldLines.Count - suffix;
        var newEnd = newLines.Count - suffix;
        var pairs = (long)(oldEnd - prefix) * (newEnd - prefix) <= MaxAlignmentCells
            ? Align(oldLines, prefix, oldEnd, newLines, prefix, newEnd)
            : [];

        // Walk the matched line pairs; the unmatched lines between two pairs form one hunk.
        var (oldLine, newLine) = (prefix, prefix);
        foreach (var (matchedOld, matchedNew) in pairs.Append((oldEnd, newEnd)))
        {
            if (matchedOld > oldLine || matchedNew > newLine)
            {
                var before = original[oldOffsets[oldLine]..oldOffsets[matchedOld]];
                var after = formatted[newOffsets[newLine]..newOffsets[matchedNew]];
                edits.Add(Trimmed(oldOffsets[oldLine], before, after));
            }

            (oldLine, newLine) = (matchedOld + 1, matchedNew + 1);
        }

        return edits.ToImmutable();
    }

    /// <summary>The matched (old, new) line index pairs of a longest common subsequence, in order.</summary>
    private static List<(int Old, int New)> Align(List<string> oldLines, int oldStart, int oldEnd, List<string> newLines, int newStart, int newEnd)
    {
        var rows = oldEnd - oldStart;
        var columns = newEnd - newStart;
        var lengths = new int[rows + 1, columns + 1];
        for (var i = rows - 1; i >= 0; i--)
        {
            for (var j = columns - 1; j >= 0; j--)
            {
                lengths[i, j] = oldLines[oldStart + i] == newLines[newStart + j]
                    ? lengths[i + 1, j + 1] + 1
                    : Math.Max(lengths[i + 1, j], lengths[i, j + 1]);
            }
        }

        var pairs = new List<(int, int)>();
        var (row, column) = (0, 0);
        while (row < rows && column < columns)
        {
            if (oldLines[oldStart + row] == newLines[newStart + column])
            {
                pairs.Add((oldStart + row, newStart + column));
                row++;
                column++;
            }
            else if (lengths[row + 1, column] >= lengths[row, column + 1])
            {
                row++;
            }
            else
            {
                column++;
            }
        }

        return pairs;
    }

    private static FormattingEdit Trimmed(int start, string before, string after)
    {
        var prefix = 0;
        var shortest = Math.Min(before.Length, after.Length);
        while (prefix < shortest && before[prefix] == after[prefix])
        {
            prefix++;
        }

        var suffix = 0;
        while (suffix < shortest - prefix && before[before.Length - 1 - suffix] == after[after.Length - 1 - suffix])
        {
            suffix++;
        }

        return new FormattingEdit(new TextSpan(start + prefix, before.Length - prefix - suffix), after[prefix..(after.Length - suffix)]);
    }

    /// <summary>The lines of <paramref name="text"/>, each with its line break, so offsets add up exactly.</summary>
    private static List<string> SplitKeepingBreaks(string text)
    {
        var lines = new List<string>();
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n' || (text[i] == '\r' && (i + 1 >= text.Length || text[i + 1] != '\n')))
            {
                lines.Add(text[start..(i + 1)]);
                start = i + 1;
            }
        }

        if (start < text.Length)
        {
            lines.Add(text[start..]);
        }

        return lines;
    }

    private static int[] Offsets(List<string> lines)
    {
        var offsets = new int[lines.Count + 1];
        for (var i = 0; i < lines.Count; i++)
        {
            offsets[i + 1] = offsets[i] + lines[i].Length;
        }

        return offsets;
    }
}
