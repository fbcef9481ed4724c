namespace TwinLang.Compiler.Tests;

/// <summary>The repository root, found by walking up from the test assembly to <c>TwinLang.sln</c>.</summary>
internal static class RepositoryRoot
{
    private static readonly Lazy<string> Root = new(() =>
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(folder.FullName, "TwinLang.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("TwinLang.sln not found above the test assembly.");
    });

    public static string Path => Root.Value;

    public static string Combine(string relative) => System.IO.Path.Combine(Root.Value, relative);
}
