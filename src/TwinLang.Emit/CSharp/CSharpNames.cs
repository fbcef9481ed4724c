using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis.CSharp;

namespace TwinLang.Emit.CSharp;

/// <summary>
/// Turns names from the source into safe C# identifiers and text into safe comments. Nothing from a
/// <c>.twin</c> file reaches generated code except through these helpers or <c>SyntaxFactory.Literal</c>, so no
/// name, description or documentation comment can inject code.
/// </summary>
public static class CSharpNames
{
    /// <summary>
    /// An identifier built only from ASCII letters, digits and '_': any other character becomes <c>_xHHHH</c>;
    /// a leading digit or a C# keyword gets a leading '_'.
    /// </summary>
    public static string Mangle(string name)
    {
        var builder = new StringBuilder(name.Length + 4);
        foreach (var c in name)
        {
            if (c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '_')
            {
                builder.Append(c);
            }
            else if (c is '.' or '[' or ']')
            {
                builder.Append('_');
            }
            else
            {
                builder.Append("_x").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
            }
        }

        if (builder.Length == 0 || char.IsAsciiDigit(builder[0]))
        {
            builder.Insert(0, '_');
        }

        var text = builder.ToString();
        return SyntaxFacts.GetKeywordKind(text) != SyntaxKind.None || SyntaxFacts.GetContextualKeywordKind(text) != SyntaxKind.None ? "_" + text : text;
    }

    /// <summary>
    /// Text safe inside a single-line comment: line breaks of every kind (including U+0085, U+2028, U+2029) and
    /// other control characters become spaces; cut to <paramref name="maxLength"/> characters.
    /// </summary>
    public static string CommentText(string text, int maxLength = 100)
    {
        var builder = new StringBuilder(Math.Min(text.Length, maxLength));
        foreach (var c in text)
        {
            if (builder.Length >= maxLength)
            {
                builder.Append("...");
                break;
            }

            var category = char.GetUnicodeCategory(c);
            var unsafeChar = char.IsControl(c) || c is '\u0085' or '\u2028' or '\u2029' ||
                category is UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator or UnicodeCategory.Format;
            builder.Append(unsafeChar ? ' ' : c);
        }

        return string.Join(' ', builder.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }
}

/// <summary>Hands out unique local names within one generated method.</summary>
internal sealed class NameAllocator
{
    private readonly HashSet<string> _used = new(StringComparer.Ordinal);

    public NameAllocator(IEnumerable<string> reserved) => _used.UnionWith(reserved);

    public string Allocate(string hint)
    {
        var baseName = CSharpNames.Mangle(hint);
        var name = baseName;
        for (var k = 2; !_used.Add(name); k++)
        {
            name = baseName + "_" + k.ToString(CultureInfo.InvariantCulture);
        }

        return name;
    }
}
