namespace TwinLang.Interfaces.Validation;

/// <summary>
/// Locates the official schema data kept beside the repository (<c>../shared/schemas</c> relative to the
/// folder holding <c>TwinLang.sln</c>), so tests run the same in a worktree and in a fresh CI clone.
/// </summary>
public static class SharedSchemas
{
    private static readonly Lazy<string> LazyRoot = new(Locate);

    /// <summary>Absolute path of the <c>shared/schemas</c> folder.</summary>
    public static string Root => LazyRoot.Value;

    public static string PathOf(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string Locate()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "TwinLang.sln")))
            {
                var schemas = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "schemas"));
                if (!Directory.Exists(schemas))
                {
                    throw new DirectoryNotFoundException($"Expected the shared schemas beside the repository at '{schemas}'.");
                }

                return schemas;
            }
        }

        throw new DirectoryNotFoundException("No folder holding TwinLang.sln above the test binaries.");
    }
}
