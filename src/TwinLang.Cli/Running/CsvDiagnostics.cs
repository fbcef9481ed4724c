using TwinLang.Diagnostics;
using TwinLang.Runtime.TimeSeries;
using TwinLang.Text;

namespace TwinLang.Cli.Running;

/// <summary>Turns the runtime's <see cref="CsvError"/>s into TW5531..TW5540 located in the CSV file: its line, and the cell of the named column when there is one.</summary>
internal static class CsvDiagnostics
{
    public static Diagnostic From(SourceText csv, CsvError error)
    {
        var at = DiagnosticCatalog.At(csv, Locate(csv, error));
        var detail = error.Message;
        return error.Kind switch
        {
            CsvErrorKind.EmptyFile or CsvErrorKind.NoData => at.CsvNoData(detail),
            CsvErrorKind.MalformedHeader or CsvErrorKind.DuplicateColumn => at.CsvMalformedHeader(detail),
            CsvErrorKind.MissingColumn => at.CsvMissingColumn(detail),
            CsvErrorKind.UnitMismatch => at.CsvUnitMismatch(detail),
            CsvErrorKind.WrongCellCount or CsvErrorKind.UnterminatedQuote => at.CsvMalformedRow(detail),
            CsvErrorKind.EmptyCell => at.CsvGap(detail),
            CsvErrorKind.NonNumericCell => at.CsvNonNumericCell(detail),
            CsvErrorKind.NotFiniteCell => at.CsvNotFiniteCell(detail),
            CsvErrorKind.UnsortedTime or CsvErrorKind.DuplicateTime => at.CsvUnsortedTime(detail),
            CsvErrorKind.TooManyErrors => at.CsvTooManyErrors(detail),
            _ => throw new InvalidOperationException($"Unmapped CSV error kind {error.Kind}."),
        };
    }

    /// <summary>The span of the error's cell (found by the column's position in the header), else its whole line.</summary>
    private static TextSpan Locate(SourceText csv, CsvError error)
    {
        var lineIndex = Math.Clamp(error.Line - 1, 0, Math.Max(0, csv.LineStarts.Count - 1));
        var lineStart = csv.LineStarts.Count == 0 ? 0 : csv.LineStarts[lineIndex];
        var line = csv.LineStarts.Count == 0 ? string.Empty : csv.GetLineText(lineIndex).TrimEnd('\r');
        var column = error.Column.Length == 0 || csv.LineStarts.Count == 0 ? -1 : ColumnIndex(csv.GetLineText(0), error.Column);
        if (column < 0)
        {
            return new TextSpan(lineStart, line.Length);
        }

        // Cells are located by plain commas: a quoted comma inside a cell would shift the column, which only
        // moves the caret within the right line.
        var cells = line.Split(',');
        if (column >= cells.Length)
        {
            return new TextSpan(lineStart, line.Length);
        }

        var offset = cells.Take(column).Sum(c => c.Length + 1);
        return new TextSpan(lineStart + offset, cells[column].Length);
    }

    private static int ColumnIndex(string header, string name)
    {
        var cells = header.TrimEnd('\r').Split(',');
        for (var i = 0; i < cells.Length; i++)
        {
            var cell = cells[i].Trim().Trim('"');
            var bracket = cell.IndexOf('[', StringComparison.Ordinal);
            var cellName = (bracket < 0 ? cell : cell[..bracket]).Trim();
            if (string.Equals(cellName, name, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }
}
