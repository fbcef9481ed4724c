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

    /// <summary>Joins a path as the user gave it with a relative path, keeping it relative and with <c>/</c>.</summary>
    public static string JoinDisplayPath(string given, string relative)
    {
        var trimmed = given.Replace('\\', '/').TrimEnd('/');
        return trimmed is "" or "." ? relative : trimmed + "/" + relative;
    }
}
