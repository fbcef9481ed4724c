namespace TwinLang.LanguageServer.Tests;

/// <summary>Source with a cursor marked <c>$$</c> (Roslyn's convention); positions are LSP line/character.</summary>
public sealed record Markup(string Text, int Line, int Character)
{
    public static Markup Parse(string marked)
    {
        var offset = marked.IndexOf("$$", StringComparison.Ordinal);
        Assert.True(offset >= 0, "The markup needs a $$ cursor.");
        var text = marked.Remove(offset, 2);
        var before = text[..offset];
        var line = before.Count(c => c == '\n');
        var character = offset - (before.LastIndexOf('\n') + 1);
        return new Markup(text, line, character);
    }
}
