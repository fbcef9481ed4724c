using TwinLang.Runtime.TimeSeries;
using Xunit;

namespace TwinLang.Runtime.Tests;

public sealed class CsvReaderTests
{
    [Fact]
    public void Read_ValidFileWithRequests_ConvertsToSiAndChecksUnits()
    {
        const string Csv = "time [min],T [degC],\"load, total [kW]\"\n0,20,1.5\n1,25,2\n\n2.5,22.5,3e0\n";
        var requests = new[] { new CsvColumnRequest("T", "degC", 1, 273.15), new CsvColumnRequest("load, total", "kW", 1000) };

        var result = TimeSeriesCsvReader.Read(new StringReader(Csv), requests, new CsvColumnRequest("time", "min", 60));

        Assert.Empty(result.Errors);
        Assert.Equal([0.0, 60.0, 150.0], result.Times);
        Assert.Equal("T", result.Columns[0].Name);
        Assert.Equal("degC", result.Columns[0].Unit);
        Assert.Equal([293.15, 298.15, 295.65], result.Columns[0].Values.Select(v => Math.Round(v, 9)));
        Assert.Equal([1500.0, 2000.0, 3000.0], result.Columns[1].Values);
        Assert.Equal(298.15, result.Signal("T")?.Evaluate(60) ?? double.NaN, 9);
        Assert.Equal(296.9, result.Signal("T")?.Evaluate(105) ?? double.NaN, 9);
    }

    [Fact]
    public void Read_NoRequests_ReadsEveryColumnInFileOrder()
    {
        var result = TimeSeriesCsvReader.Read(new StringReader("t [s],a,b [m]\n0,1,2\n"));

        Assert.True(result.Succeeded);
        Assert.Equal(["a", "b"], result.Columns.Select(c => c.Name));
        Assert.Equal(["", "m"], result.Columns.Select(c => c.Unit));
    }

    [Theory]
    [InlineData("time [s],x [m]\n0,1\n1,abc\n", CsvErrorKind.NonNumericCell, 3, "x", "Expected a number in column 'x' but found 'abc'.")]
    [InlineData("time [s],x [m]\n0,1\n1,NaN\n", CsvErrorKind.NotFiniteCell, 3, "x", "Expected a finite number in column 'x' but found 'NaN'.")]
    [InlineData("time [s],x [m]\n0,1\n1,\n", CsvErrorKind.EmptyCell, 3, "x", "Expected a value in column 'x' but the cell is empty.")]
    [InlineData("time [s],x [m]\n0,1\n2,1\n1,1\n", CsvErrorKind.UnsortedTime, 4, "time", "Expected times in increasing order but 1 comes after 2 on line 3.")]
    [InlineData("time [s],x [m]\n0,1\n0,2\n", CsvErrorKind.DuplicateTime, 3, "time", "Expected each time once but 0 repeats the time on line 2.")]
    [InlineData("time [s],x [m]\n0,1\n1,2,3\n", CsvErrorKind.WrongCellCount, 3, "", "Expected 2 cells as in the header but found 3.")]
    [InlineData("time [s],x [m]\n0,\"1\n", CsvErrorKind.UnterminatedQuote, 2, "", "Expected a closing quote before the end of the line but found none.")]
    [InlineData("time [s],x [K]\n0,1\n", CsvErrorKind.UnitMismatch, 1, "x", "Expected column 'x' in 'm' but the header gives 'K'.")]
    [InlineData("time [s],x\n0,1\n", CsvErrorKind.UnitMismatch, 1, "x", "Expected column 'x' in 'm' but the header gives no unit.")]
    [InlineData("time [s],y [m]\n0,1\n", CsvErrorKind.MissingColumn, 1, "x", "Expected a column 'x' but the header has none.")]
    [InlineData("time [s],x [m\n0,1\n", CsvErrorKind.MalformedHeader, 1, "", "Expected a header cell of the form 'name [unit]' but found 'x [m'.")]
    [InlineData("time [s],[m]\n0,1\n", CsvErrorKind.MalformedHeader, 1, "", "Expected a header cell of the form 'name [unit]' but found '[m]'.")]
    [InlineData("time [s],x [m],x [m]\n0,1,1\n", CsvErrorKind.DuplicateColumn, 1, "x", "Expected each column name once but 'x' appears twice.")]
    [InlineData("time [s],x [m]\n\n", CsvErrorKind.NoData, 1, "", "Expected at least one data row after the header but found none.")]
    [InlineData("", CsvErrorKind.EmptyFile, 1, "", "Expected a header row of 'name [unit]' cells but the file is empty.")]
    [InlineData("\n\ntime [s],x [m]\n0,1\n\n5,oops\n", CsvErrorKind.NonNumericCell, 6, "x", "Expected a number in column 'x' but found 'oops'.")]
    public void Read_BadFile_ReportsOneErrorWithLine(string csv, CsvErrorKind kind, int line, string column, string message)
    {
        var result = TimeSeriesCsvReader.Read(new StringReader(csv), [new CsvColumnRequest("x", "m")], null);

        var error = Assert.Single(result.Errors);
        Assert.Equal(new CsvError(kind, line, column, message), error);
        Assert.False(result.Succeeded);
        Assert.Empty(result.Times);
        Assert.Null(result.Signal("x"));
    }

    [Fact]
    public void Read_TimeUnitDiffersFromExpected_ReportsUnitMismatchOnTheTimeColumn()
    {
        var result = TimeSeriesCsvReader.Read(new StringReader("time [h],x\n0,1\n"), null, new CsvColumnRequest("time", "s"));

        var error = Assert.Single(result.Errors);
        Assert.Equal(CsvErrorKind.UnitMismatch, error.Kind);
        Assert.Equal("time", error.Column);
    }

    [Fact]
    public void Read_SeveralProblems_ReportsEveryOneInLineOrder()
    {
        const string Csv = "time [s],x [m],y [m]\n0,1,\n1,a,2\n1,3,4\n";

        var result = TimeSeriesCsvReader.Read(new StringReader(Csv));

        Assert.Equal(
            [(CsvErrorKind.EmptyCell, 2), (CsvErrorKind.NonNumericCell, 3), (CsvErrorKind.DuplicateTime, 4)],
            result.Errors.Select(e => (e.Kind, e.Line)));
    }

    [Fact]
    public void Read_UnrequestedColumnWithGaps_IsIgnored()
    {
        var result = TimeSeriesCsvReader.Read(new StringReader("time [s],x [m],junk\n0,1,\n1,2,zz\n"), [new CsvColumnRequest("x")], null);

        Assert.True(result.Succeeded);
        Assert.Equal([1.0, 2.0], result.Columns[0].Values);
    }

    [Fact]
    public void Read_ManyBadRows_StopsAfterMaxErrors()
    {
        var csv = "time [s],x\n" + string.Concat(Enumerable.Range(0, 500).Select(i => $"{i},bad\n"));

        var result = TimeSeriesCsvReader.Read(new StringReader(csv));

        Assert.Equal(TimeSeriesCsvReader.MaxErrors + 1, result.Errors.Count);
        Assert.Equal(CsvErrorKind.TooManyErrors, result.Errors[^1].Kind);
    }
}
