using Xunit;

namespace TwinLang.Runtime.Tests;

/// <summary>
/// Golden-file comparison for the runtime's writers, following STYLE.md §4: files under tests/Baselines/Runtime/,
/// '\n' line endings, and TWINLANG_UPDATE_BASELINES=1 to accept new output.
/// </summary>
internal static class RuntimeBaseline
{
    public static void AssertMatches(string actual, string fileName)
    {
        var path = Path.Combine(RepositoryRoot(), "tests", "Baselines", "Runtime", fileName);
        actual = actual.Replace("\r\n", "\n", StringComparison.Ordinal);
        if (!actual.EndsWith('\n'))
        {
            actual += "\n";
        }

        if (Environment.GetEnvironmentVariable("TWINLANG_UPDATE_BASELINES") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path) ?? ".");
            File.WriteAllText(path, actual);
            return;
        }

        Assert.True(File.Exists(path), $"Missing baseline tests/Baselines/Runtime/{fileName}; run TWINLANG_UPDATE_BASELINES=1 dotnet test to create it.");
        var expected = File.ReadAllText(path).Replace("\r\n", "\n", StringComparison.Ordinal);
        if (expected == actual)
        {
            return;
        }

        var expectedLines = expected.Split('\n');
        var actualLines = actual.Split('\n');
        var line = 0;
        while (line < expectedLines.Length && line < actualLines.Length && expectedLines[line] == actualLines[line])
        {
            line++;
        }

        Assert.Fail(
            $"tests/Baselines/Runtime/{fileName} differs at line {line + 1}:\n" +
            $"  expected: {(line < expectedLines.Length ? expectedLines[line] : "<end of file>")}\n" +
            $"  actual:   {(line < actualLines.Length ? actualLines[line] : "<end of file>")}\n" +
            "Accept with: TWINLANG_UPDATE_BASELINES=1 dotnet test tests/TwinLang.Runtime.Tests");
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "TwinLang.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("TwinLang.sln not found above the test directory.");
    }
}
