namespace TwinLang.Runtime.TimeSeries;

/// <summary>What is wrong with a time-series CSV file. The CLI maps each kind to a coded diagnostic.</summary>
public enum CsvErrorKind
{
    /// <summary>The file has no header row.</summary>
    EmptyFile,

    /// <summary>A header cell is empty or its <c>[unit]</c> part is malformed.</summary>
    MalformedHeader,

    /// <summary>Two header cells have the same name.</summary>
    DuplicateColumn,

    /// <summary>A requested column is not in the header.</summary>
    MissingColumn,

    /// <summary>A column's header unit differs from the unit the caller expects.</summary>
    UnitMismatch,

    /// <summary>A row has more or fewer cells than the header.</summary>
    WrongCellCount,

    /// <summary>A quoted cell is not closed on its line.</summary>
    UnterminatedQuote,

    /// <summary>A cell is empty: a gap in the data.</summary>
    EmptyCell,

    /// <summary>A cell is not a number.</summary>
    NonNumericCell,

    /// <summary>A cell is NaN or infinite.</summary>
    NotFiniteCell,

    /// <summary>A time is earlier than the time on the row before it.</summary>
    UnsortedTime,

    /// <summary>A time equals the time on the row before it.</summary>
    DuplicateTime,

    /// <summary>The file has a header but no data rows.</summary>
    NoData,

    /// <summary>Reading stopped after <see cref="TimeSeriesCsvReader.MaxErrors"/> errors.</summary>
    TooManyErrors,
}
