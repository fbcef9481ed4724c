namespace TwinLang.Compiler;

/// <summary>Expands a folder into its <c>.twin</c> files, recursively, in ordinal order of relative path.</summary>
public static class SourceFolder
{
    /// <summary>The file extension of TwinLang sources.</summary>
    public const string Extension = ".twin";

    /// <summary>Relative paths (with <c>/</c>) of every <c>.twin</c> file below <paramref name="folder"/>.</summary>
    public static IReadOnlyList<string> EnumerateSourceFiles(string folder) =>
        Directory.EnumerateFiles(folder, "*" + Extension, new EnumerationOptions { RecurseSubdirectories = true, MatchCasing = MatchCasing.CaseSensitive, IgnoreInaccessible = true })
            .Select(file => Path.GetRelativePath(folder, file).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)
            .ToList();

    /// <summary>
    /// Joins a path as the user gave it with a relative path, keeping it relative, with <c>/</c>, and with
    /// <c>name/..</c> pairs collapsed so <c>app</c> + <c>../cells</c> reads <c>cells</c>.
    /// </summary>
    public static string JoinDisplayPath(string given, string relative)
    {
        var rooted = given.StartsWith('/') ? "/" : "";
        var segments = new List<string>();
        foreach (var segment in (given + "/" + relative).Replace('\\', '/').Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            if (segment == ".")
            {
                continue;
            }

            if (segment == ".." && segments.Count > 0 && segments[^1] != "..")
            {
                segments.RemoveAt(segments.Count - 1);
            }
            else
            {
                segments.Add(segment);
            }
        }

        return rooted + string.Join('/', segments);
    }
}
