using System.Globalization;
using System.Text;

namespace TwinLang.Emit.Interfaces;

/// <summary>The name grammars of the interface standards that <see cref="InterfaceNames"/> escapes into.</summary>
public enum InterfaceNameTarget
{
    /// <summary>A DTDL <c>name</c> or DTMI segment: <c>^[A-Za-z](?:[A-Za-z0-9_]*[A-Za-z0-9])?$</c>.</summary>
    Dtdl,

    /// <summary>An AAS V3.1 <c>idShort</c>: <c>^[a-zA-Z][a-zA-Z0-9_-]*[a-zA-Z0-9_]+$</c> (two characters at least).</summary>
    Aas,
}

/// <summary>
/// The reversible name-escaping rule of docs/interfaces.md §2: a TwinLang name that is valid for the target and
/// does not start with <c>tl_</c> is kept; any other becomes <c>tl_</c> followed by the name with every character
/// outside <c>[A-Za-z0-9]</c> written as <c>_</c> plus two upper-case hex digits. Because every original that
/// starts with <c>tl_</c> is escaped too, <see cref="Unescape"/> recovers the original from any result.
/// </summary>
public static class InterfaceNames
{
    /// <summary>The prefix that marks an escaped name.</summary>
    public const string EscapePrefix = "tl_";

    /// <summary>Escapes <paramref name="name"/> for <paramref name="target"/> (always applied to the original name).</summary>
    public static string Escape(string name, InterfaceNameTarget target)
    {
        if (IsValid(name, target) && !name.StartsWith(EscapePrefix, StringComparison.Ordinal))
        {
            return name;
        }

        var text = new StringBuilder(EscapePrefix);
        foreach (var c in name)
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                text.Append(c);
            }
            else
            {
                text.Append('_').Append(((int)c).ToString("X2", CultureInfo.InvariantCulture));
            }
        }

        return text.ToString();
    }

    /// <summary>The original TwinLang name of an escaped or unescaped interface name.</summary>
    public static string Unescape(string name)
    {
        if (!name.StartsWith(EscapePrefix, StringComparison.Ordinal))
        {
            return name;
        }

        var text = new StringBuilder();
        for (var i = EscapePrefix.Length; i < name.Length; i++)
        {
            if (name[i] == '_' && i + 2 < name.Length &&
                int.TryParse(name.AsSpan(i + 1, 2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code))
            {
                text.Append((char)code);
                i += 2;
            }
            else
            {
                text.Append(name[i]);
            }
        }

        return text.ToString();
    }

    /// <summary>True when <paramref name="name"/> matches the target's name grammar (length limits aside).</summary>
    public static bool IsValid(string name, InterfaceNameTarget target)
    {
        if (name.Length == 0 || !char.IsAsciiLetter(name[0]))
        {
            return false;
        }

        var last = name[^1];
        return target switch
        {
            InterfaceNameTarget.Dtdl => name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_') && char.IsAsciiLetterOrDigit(last),
            InterfaceNameTarget.Aas => name.Length >= 2 && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-') && last != '-',
            _ => throw new ArgumentOutOfRangeException(nameof(target)),
        };
    }

    /// <summary>The FMI <c>modelIdentifier</c> (a C identifier): the qualified name with '.' replaced by '_', suffixed with '_' when a C keyword.</summary>
    public static string ModelIdentifier(string qualifiedName)
    {
        var identifier = qualifiedName.Replace('.', '_');
        return CKeywords.Contains(identifier) ? identifier + "_" : identifier;
    }

    private static readonly HashSet<string> CKeywords = new(StringComparer.Ordinal)
    {
        "auto", "break", "case", "char", "const", "continue", "default", "do", "double", "else", "enum", "extern",
        "float", "for", "goto", "if", "inline", "int", "long", "register", "restrict", "return", "short", "signed",
        "sizeof", "static", "struct", "switch", "typedef", "union", "unsigned", "void", "volatile", "while", "bool",
        "true", "false",
    };
}
