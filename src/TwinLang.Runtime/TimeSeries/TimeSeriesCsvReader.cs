using System.Globalization;

namespace TwinLang.Runtime.TimeSeries;

/// <summary>
/// Reads a time-series CSV file: a header row of <c>name [unit]</c> cells whose first column is time, then one
/// row per time. Every problem is reported as a <see cref="CsvError"/> with its line; nothing is thrown for bad
/// data. Numbers use the invariant culture (<c>.</c> as decimal separator); blank lines are skipped.
/// </summary>
public static class TimeSeriesCsvReader
{
    /// <summary>Reading stops after this many errors.</summary>
    public const int MaxErrors = 100;

    /// <summary>Reads every column, accepting any units and converting nothing.</summary>
    public static CsvReadResult Read(TextReader reader) => Read(reader, null, null);

    /// <summary>
    /// Reads the <paramref name="columns"/> requested (every column when null) and the time column, checking
    /// each header unit against the request and converting values to SI with the request's scale and offset.
    /// </summary>
    public static CsvReadResult Read(TextReader reader, IReadOnlyList<CsvColumnRequest>? columns, CsvColumnRequest? time)
    {
        var session = new Session(reader, time ?? CsvColumnRequest.AnyTime);
        return session.Run(columns);
    }

    private sealed class Session
    {
        private readonly TextReader _reader;
        private readonly CsvColumnRequest _time;
        private readonly List<CsvError> _errors = [];
        private readonly List<string> _cells = [];
        private int _line;

        public Session(TextReader reader, CsvColumnRequest time)
        {
            _reader = reader;
            _time = time;
        }

        private bool Full => _errors.Count >= MaxErrors;

        public CsvReadResult Run(IReadOnlyList<CsvColumnRequest>? requests)
        {
            if (!TryReadHeader(out var header, out var headerLine))
            {
                return Failed();
            }

            var selected = SelectColumns(header, headerLine, requests);
            var times = new List<double>();
            var values = selected.Select(_ => new List<double>()).ToArray();
            var previousTime = double.NaN;
            var previousText = string.Empty;
            var previousLine = 0;
            while (!Full && NextLine() is { } line)
            {
                if (!CsvLine.TrySplit(line, _cells))
                {
                    Report(CsvErrorKind.UnterminatedQuote, string.Empty, "Expected a closing quote before the end of the line but found none.");
                    continue;
                }

                if (_cells.Count != header.Count)
                {
                    Report(CsvErrorKind.WrongCellCount, string.Empty, $"Expected {Count(header.Count)} cells as in the header but found {Count(_cells.Count)}.");
                    continue;
                }

                if (!TryParseCell(0, header[0].Name, _time, out var t))
                {
                    continue;
                }

                if (previousLine > 0)
                {
                    if (t < previousTime)
                    {
                        Report(CsvErrorKind.UnsortedTime, header[0].Name, $"Expected times in increasing order but {Cut(_cells[0])} comes after {previousText} on line {Count(previousLine)}.");
                    }
                    else if (t == previousTime)
                    {
                        Report(CsvErrorKind.DuplicateTime, header[0].Name, $"Expected each time once but {Cut(_cells[0])} repeats the time on line {Count(previousLine)}.");
                    }
                }

                previousTime = t;
                previousText = Cut(_cells[0]);
                previousLine = _line;
                times.Add(t);
                for (var c = 0; c < selected.Length; c++)
                {
                    var (index, request) = selected[c];
                    values[c].Add(TryParseCell(index, header[index].Name, request, out var value) ? value : double.NaN);
                }
            }

            if (Full)
            {
                _errors.Add(new CsvError(CsvErrorKind.TooManyErrors, _line, string.Empty, $"Stopped reading after {Count(MaxErrors)} errors."));
            }
            else if (previousLine == 0 && _errors.Count == 0)
            {
                _errors.Add(new CsvError(CsvErrorKind.NoData, headerLine, string.Empty, "Expected at least one data row after the header but found none."));
            }

            if (_errors.Count > 0)
            {
                return Failed();
            }

            var columns = new CsvColumn[selected.Length];
            for (var c = 0; c < selected.Length; c++)
            {
                var cell = header[selected[c].Index];
                columns[c] = new CsvColumn(cell.Name, cell.Unit, values[c]);
            }

            return new CsvReadResult(times, columns, []);
        }

        private CsvReadResult Failed() => new([], [], _errors);

        private bool TryReadHeader(out List<CsvHeaderCell> header, out int headerLine)
        {
            header = [];
            headerLine = 0;
            if (NextLine() is not { } line)
            {
                _errors.Add(new CsvError(CsvErrorKind.EmptyFile, 1, string.Empty, "Expected a header row of 'name [unit]' cells but the file is empty."));
                return false;
            }

            headerLine = _line;
            if (!CsvLine.TrySplit(line, _cells))
            {
                Report(CsvErrorKind.UnterminatedQuote, string.Empty, "Expected a closing quote before the end of the header but found none.");
                return false;
            }

            var names = new HashSet<string>(StringComparer.Ordinal);
            foreach (var text in _cells)
            {
                if (!CsvHeaderCell.TryParse(text, out var cell))
                {
                    Report(CsvErrorKind.MalformedHeader, string.Empty, $"Expected a header cell of the form 'name [unit]' but found '{Cut(text)}'.");
                    return false;
                }

                if (!names.Add(cell.Name))
                {
                    Report(CsvErrorKind.DuplicateColumn, cell.Name, $"Expected each column name once but '{cell.Name}' appears twice.");
                    return false;
                }

                header.Add(cell);
            }

            CheckUnit(header[0], _time);
            return true;
        }

        private (int Index, CsvColumnRequest Request)[] SelectColumns(List<CsvHeaderCell> header, int headerLine, IReadOnlyList<CsvColumnRequest>? requests)
        {
            if (requests is null)
            {
                return [.. header.Skip(1).Select((cell, i) => (i + 1, new CsvColumnRequest(cell.Name)))];
            }

            var selected = new List<(int, CsvColumnRequest)>();
            foreach (var request in requests)
            {
                var index = header.FindIndex(1, cell => string.Equals(cell.Name, request.Name, StringComparison.Ordinal));
                if (index < 0)
                {
                    _errors.Add(new CsvError(CsvErrorKind.MissingColumn, headerLine, request.Name, $"Expected a column '{request.Name}' but the header has none."));
                    continue;
                }

                CheckUnit(header[index], request);
                selected.Add((index, request));
            }

            return [.. selected];
        }

        private void CheckUnit(CsvHeaderCell cell, CsvColumnRequest request)
        {
            if (request.ExpectedUnit is { } expected && !string.Equals(expected, cell.Unit, StringComparison.Ordinal))
            {
                var found = cell.Unit.Length == 0 ? "no unit" : $"'{cell.Unit}'";
                var wanted = expected.Length == 0 ? "no unit" : $"'{expected}'";
                Report(CsvErrorKind.UnitMismatch, cell.Name, $"Expected column '{cell.Name}' in {wanted} but the header gives {found}.");
            }
        }

        private bool TryParseCell(int index, string column, CsvColumnRequest request, out double value)
        {
            var text = _cells[index];
            value = double.NaN;
            if (text.Length == 0)
            {
                Report(CsvErrorKind.EmptyCell, column, $"Expected a value in column '{column}' but the cell is empty.");
                return false;
            }

            if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var raw))
            {
                Report(CsvErrorKind.NonNumericCell, column, $"Expected a number in column '{column}' but found '{Cut(text)}'.");
                return false;
            }

            if (!double.IsFinite(raw))
            {
                Report(CsvErrorKind.NotFiniteCell, column, $"Expected a finite number in column '{column}' but found '{Cut(text)}'.");
                return false;
            }

            value = request.Convert(raw);
            return true;
        }

        private string? NextLine()
        {
            while (_reader.ReadLine() is { } line)
            {
                _line++;
                if (!string.IsNullOrWhiteSpace(line))
                {
                    return line;
                }
            }

            return null;
        }

        private void Report(CsvErrorKind kind, string column, string message)
        {
            if (!Full)
            {
                _errors.Add(new CsvError(kind, _line, column, message));
            }
        }

        private static string Cut(string text) => text.Length <= 40 ? text : text[..40] + "…";

        private static string Count(int value) => value.ToString(CultureInfo.InvariantCulture);
    }
}
