using System.Text;
using TwinLang.Diagnostics;
using TwinLang.Text;

namespace TwinLang.Compiler;

/// <summary>
/// Reads source files as UTF-8. Bad bytes are reported (TW5003) at the position they decode to and replaced
/// with U+FFFD, so the rest of the file is still checked; a missing or unreadable file is a diagnostic too.
/// </summary>
public static class SourceFileReader
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    private static readonly UTF8Encoding LenientUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);

    /// <summary>
    /// Reads <paramref name="fullPath"/>; diagnostics name the file <paramref name="displayPath"/>.
    /// Returns null (with a TW5001 or TW5002 in <paramref name="diagnostics"/>) when there is no text.
    /// </summary>
    public static SourceText? Read(string fullPath, string displayPath, DiagnosticBag diagnostics)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(fullPath);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            diagnostics.Add(DiagnosticCatalog.At(new SourceText("", displayPath), default).FileNotFound(displayPath));
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            diagnostics.Add(DiagnosticCatalog.At(new SourceText("", displayPath), default).FileUnreadable(displayPath, e.Message));
            return null;
        }

        return Decode(bytes, displayPath, diagnostics);
    }

    /// <summary>Decodes UTF-8 <paramref name="bytes"/> (a leading byte-order mark is dropped), reporting the first invalid sequence.</summary>
    public static SourceText Decode(ReadOnlySpan<byte> bytes, string displayPath, DiagnosticBag diagnostics)
    {
        var bom = bytes.StartsWith(Encoding.UTF8.Preamble) ? Encoding.UTF8.Preamble.Length : 0;
        var body = bytes[bom..];
        try
        {
            return new SourceText(StrictUtf8.GetString(body), displayPath);
        }
        catch (DecoderFallbackException)
        {
            var text = new SourceText(LenientUtf8.GetString(body), displayPath);
            var badByte = FirstInvalidByte(body);
            // The valid prefix decodes to exactly the characters before the bad byte's replacement character.
            var offset = LenientUtf8.GetCharCount(body[..badByte]);
            diagnostics.Add(DiagnosticCatalog.At(text, new TextSpan(offset, 1)).InvalidUtf8(bom + badByte));
            return text;
        }
    }

    private static int FirstInvalidByte(ReadOnlySpan<byte> bytes)
    {
        var status = System.Text.Unicode.Utf8.ToUtf16(bytes, new char[bytes.Length], out var read, out _, replaceInvalidSequences: false);
        return status == System.Buffers.OperationStatus.Done ? bytes.Length : read;
    }
}
