using TwinLang.Diagnostics;
using Xunit;

namespace TwinLang.Compiler.Tests;

public sealed class SourceFileReaderTests
{
    [Fact]
    public void Decode_ByteOrderMark_IsDropped()
    {
        var bag = new DiagnosticBag();

        var text = SourceFileReader.Decode([0xEF, 0xBB, 0xBF, .. "asset"u8], "a.twin", bag);

        Assert.Equal("asset", text.Text);
        Assert.Equal(0, bag.Count);
    }

    [Fact]
    public void Decode_InvalidByteAfterMultiByteCharacters_ReportsByteOffsetAtCharacterPosition()
    {
        var bag = new DiagnosticBag();

        // "°C" is three bytes and two characters, so the bad byte (offset 4) is the third character of the second line.
        var text = SourceFileReader.Decode([.. "\n°C"u8, 0xC0, .. " x"u8], "t.twin", bag);

        var diagnostic = Assert.Single(bag.ToSortedList());
        Assert.Equal("TW5003", diagnostic.Code);
        Assert.Contains("byte offset 4", diagnostic.Message, StringComparison.Ordinal);
        Assert.Equal((1, 2), (diagnostic.Start.Line, diagnostic.Start.Column));
        Assert.Equal('\uFFFD', text.Text[diagnostic.Span.Start]);
        Assert.EndsWith(" x", text.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_MissingFile_ReportsTW5001WithoutThrowing()
    {
        var bag = new DiagnosticBag();

        var text = SourceFileReader.Read(Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N"), "x.twin"), "x.twin", bag);

        Assert.Null(text);
        Assert.Equal("TW5001", Assert.Single(bag.ToSortedList()).Code);
    }

    [Fact]
    public void Read_Folder_ReportsTW5002WithoutThrowing()
    {
        var bag = new DiagnosticBag();

        var text = SourceFileReader.Read(Path.GetTempPath(), "tmp", bag);

        Assert.Null(text);
        Assert.Equal("TW5002", Assert.Single(bag.ToSortedList()).Code);
    }
}
