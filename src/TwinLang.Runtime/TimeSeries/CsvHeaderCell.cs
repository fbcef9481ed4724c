namespace TwinLang.Runtime.TimeSeries;

/// <summary>A header cell <c>name [unit]</c> split into its name and unit (empty when no brackets).</summary>
internal readonly record struct CsvHeaderCell(string Name, string Unit)
{
    /// <summary>Parses a header cell; returns false when the name is empty or the brackets are malformed.</summary>
    public static bool TryParse(string text, out CsvHeaderCell cell)
    {
        cell = default;
        var open = text.LastIndexOf('[');
        if (text.EndsWith(']'))
        {
            if (open < 0 || text.IndexOf(']') != text.Length - 1)
            {
                return false;
            }

            cell = new CsvHeaderCell(text[..open].Trim(), text[(open + 1)..^1].Trim());
        }
        else if (open >= 0 || text.Contains(']', StringComparison.Ordinal))
        {
            return false;
        }
        else
        {
            cell = new CsvHeaderCell(text.Trim(), string.Empty);
        }

        return cell.Name.Length > 0;
    }

    /// <summary>Formats a name and unit as a header cell: <c>name [unit]</c>, or the name alone when the unit is empty.</summary>
    public static string Format(string name, string unit) => unit.Length == 0 ? name : $"{name} [{unit}]";
}
