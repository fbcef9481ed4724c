using System.Text;

namespace TwinLang.Runtime.TimeSeries;

/// <summary>
/// Splits one CSV line into cells: comma-separated, RFC 4180 quoting (<c>"a, b"</c>, <c>""</c> for a quote),
/// whitespace around a cell trimmed. A cell cannot span lines.
/// </summary>
internal static class CsvLine
{
    /// <summary>Fills <paramref name="cells"/>; returns false when a quoted cell is not closed.</summary>
    public static bool TrySplit(string line, List<string> cells)
    {
        cells.Clear();
        var cell = new StringBuilder();
        var i = 0;
        while (true)
        {
            cell.Clear();
            while (i < line.Length && line[i] is ' ' or '\t')
            {
                i++;
            }

            if (i < line.Length && line[i] == '"')
            {
                i++;
                var closed = false;
                while (i < line.Length)
                {
                    if (line[i] == '"')
                    {
                        if (i + 1 < line.Length && line[i + 1] == '"')
                        {
                            cell.Append('"');
                            i += 2;
                            continue;
                        }

                        closed = true;
                        i++;
                        break;
                    }

                    cell.Append(line[i]);
                    i++;
                }

                if (!closed)
                {
                    return false;
                }

                // Anything between the closing quote and the next comma is kept, as spreadsheet programs do.
                while (i < line.Length && line[i] != ',')
                {
                    cell.Append(line[i]);
                    i++;
                }

                cells.Add(cell.ToString().Trim());
            }
            else
            {
                var start = i;
                while (i < line.Length && line[i] != ',')
                {
                    i++;
                }

                cells.Add(line[start..i].Trim());
            }

            if (i >= line.Length)
            {
                return true;
            }

            i++; // the comma
        }
    }

    /// <summary>Quotes <paramref name="cell"/> when it contains a comma, a quote or surrounding whitespace.</summary>
    public static string Quote(string cell)
    {
        var needsQuotes = cell.Length > 0
            && (cell.Contains(',', StringComparison.Ordinal) || cell.Contains('"', StringComparison.Ordinal)
                || char.IsWhiteSpace(cell[0]) || char.IsWhiteSpace(cell[^1]));
        return needsQuotes ? "\"" + cell.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : cell;
    }
}
