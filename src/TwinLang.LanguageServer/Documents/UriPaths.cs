namespace TwinLang.LanguageServer.Documents;

/// <summary>Converts between <c>file://</c> URIs and file paths at the server's edge.</summary>
public static class UriPaths
{
    /// <summary>The local path of a file URI; other URIs are returned unchanged (untitled documents).</summary>
    public static string ToPath(string uri) =>
        Uri.TryCreate(uri, UriKind.Absolute, out var parsed) && parsed.IsFile ? parsed.LocalPath : uri;

    /// <summary>The file URI of a path (already a URI: unchanged).</summary>
    public static string ToUri(string path) =>
        path.Contains("://", StringComparison.Ordinal) ? path : new Uri(Path.GetFullPath(path)).AbsoluteUri;
}
