namespace TwinLang.Diagnostics;

// TW0001–TW0099: lexical and syntax errors, reported by TwinLang.Parsing. Each message says what was
// expected and what was found; docs/diagnostics.md has one entry per code.
public readonly partial struct DiagnosticBuilder
{
    /// <summary>TW0001: characters the lexer cannot use (a run of them is reported once).</summary>
    public Diagnostic InvalidCharacter(string characters) =>
        Error("TW0001", $"Expected a name, number, string, operator or bracket but found the invalid character{(characters.Length == 1 ? "" : "s")} {DescribeCharacters(characters)}.");

    /// <summary>TW0002: a string literal without its closing quote on the same line.</summary>
    public Diagnostic UnterminatedString() =>
        Error("TW0002", "Expected '\"' to end the string but found the end of the line; a string cannot span lines.");

    /// <summary>TW0003: a <c>/*</c> comment that never ends.</summary>
    public Diagnostic UnterminatedBlockComment() =>
        Error("TW0003", "Expected '*/' to close the block comment but found end of file.");

    /// <summary>TW0004: an escape sequence other than <c>\" \\ \n \t</c> in a string.</summary>
    public Diagnostic InvalidEscape(string escape) =>
        Error("TW0004", $"Expected one of the escapes '\\\"', '\\\\', '\\n' or '\\t' but found {Quote(escape)}.");

    /// <summary>TW0005: brackets or operators nested deeper than the parser's limit; the over-deep part is skipped.</summary>
    public Diagnostic NestingTooDeep(int limit) =>
        Error("TW0005", $"Expected at most {limit} levels of nested brackets or operators but found deeper nesting; the over-deep part is skipped.");

    /// <summary>TW0006: a number literal too large for a double.</summary>
    public Diagnostic NumberOutOfRange(string text) =>
        Error("TW0006", $"Expected a finite number but {Quote(text)} is out of range.");

    /// <summary>TW0007: a number other than 1 where a unit is expected (<c>2/s</c>), or an exponent out of range.</summary>
    public Diagnostic InvalidUnitNumber(string text) =>
        Error("TW0007", $"Expected a unit name, '1' or a small integer exponent but found {Quote(text)}.");

    /// <summary>TW0008: a scenario <c>time</c> item that is not a range.</summary>
    public Diagnostic ExpectedTimeSpan(string found) =>
        Error("TW0008", $"Expected a time span 'start .. end' but found {Quote(found)}.");

    /// <summary>
    /// TW0010: the generic syntax error: what the grammar allowed here (already phrased, e.g. "':' or '='")
    /// and the token found (null at end of file).
    /// </summary>
    public Diagnostic UnexpectedToken(string expected, string? found) =>
        Error("TW0010", $"Expected {expected} but found {Found(found)}.");

    /// <summary>
    /// TW0011: a bracket left open, with the construct that opened it (<paramref name="construct"/> such as
    /// "asset", <paramref name="name"/> its name if it has one) and where (1-based line:column).
    /// </summary>
    public Diagnostic UnclosedBracket(string closer, string construct, string? name, string openedAt, string? found) =>
        Error("TW0011", $"Expected '{closer}' to close {construct}{(name is null ? "" : " " + Quote(name))} opened at {openedAt}, but found {Found(found)}.");

    private static string Found(string? token) => token is null ? "end of file" : Quote(token);

    private static string DescribeCharacters(string characters)
    {
        var shown = characters.Length > 8 ? characters[..8] : characters;
        var parts = shown.EnumerateRunes().Select(r =>
            System.Text.Rune.IsControl(r) || r.Value == 0xFFFD || System.Text.Rune.IsWhiteSpace(r)
                ? $"U+{r.Value:X4}"
                : $"'{r}'");
        return string.Join(" ", parts) + (characters.Length > shown.Length ? " ..." : "");
    }
}
