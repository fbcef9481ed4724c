using Xunit;

namespace TwinLang.Interfaces.Validation.Tests;

/// <summary>The official example documents under shared/schemas, as xunit theory data (relative paths).</summary>
public static class OfficialExamples
{
    /// <summary>The V3.1 examples and the V3.0 ones, which the V3.1 schema also accepts (shared/schemas/NOTES.md §5).</summary>
    public static TheoryData<string> Aas() => Data(Under("aas/examples", "*.json").Concat(Under("aas/v3.0/examples", "*.json")));

    public static TheoryData<string> Fmi() => Data(Under("fmi3/examples", "*.xml"));

    public static TheoryData<string> Dtdl() => Data(Under("dtdl/examples", "*.json"));

    public static string Read(string relativePath) => File.ReadAllText(SharedSchemas.PathOf(relativePath.Split('/')));

    private static IEnumerable<string> Under(string folder, string pattern) =>
        Directory.GetFiles(SharedSchemas.PathOf(folder.Split('/')), pattern, SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(SharedSchemas.Root, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal);

    private static TheoryData<string> Data(IEnumerable<string> paths)
    {
        var data = new TheoryData<string>();
        foreach (var path in paths)
        {
            data.Add(path);
        }

        return data;
    }
}
