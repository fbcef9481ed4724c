using Xunit;

namespace TwinLang.Interfaces.Validation.Tests;

/// <summary>The official example documents under shared/schemas, as xunit theory data (relative paths).</summary>
public static class OfficialExamples
{
    public static TheoryData<string> Aas() => Under("aas/examples", "*.json");

    public static TheoryData<string> Fmi() => Under("fmi3/examples", "*.xml");

    public static TheoryData<string> Dtdl() => Under("dtdl/examples", "*.json");

    public static string Read(string relativePath) => File.ReadAllText(SharedSchemas.PathOf(relativePath.Split('/')));

    private static TheoryData<string> Under(string folder, string pattern)
    {
        var root = SharedSchemas.Root;
        var files = Directory.GetFiles(SharedSchemas.PathOf(folder.Split('/')), pattern, SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(root, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal);
        var data = new TheoryData<string>();
        foreach (var file in files)
        {
            data.Add(file);
        }

        return data;
    }
}
