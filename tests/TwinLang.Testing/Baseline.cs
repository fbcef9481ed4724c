using Xunit;

namespace TwinLang.Testing;

/// <summary>
/// Golden-file comparison (STYLE.md §4): normalizes to '\n' with a final newline, finds the repository root by
/// walking up to TwinLang.sln, and on a mismatch names the file, the first differing line and the command that
/// accepts the change. With TWINLANG_UPDATE_BASELINES=1 it writes the file instead of failing.
/// </summary>
public static class Baseline
{
    /// <summary>Asserts that <paramref name="actual"/> equals the file at <paramref name="relativePath"/> (from the repository root).</summary>
    public static void AssertMatches(string actual, string relativePath)
    {
        ArgumentNullException.ThrowIfNull(actual);
        var path = Path.Combine(RepositoryRoot(), relativePath);
        actual = actual.ReplaceLineEndings("\n");
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

        Assert.True(File.Exists(path), $"Missing baseline {relativePath}; accept with TWINLANG_UPDATE_BASELINES=1 dotnet test.");
        var expected = File.ReadAllText(path).ReplaceLineEndings("\n");
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
            $"{relativePath} differs at line {line + 1}:\n" +
            $"  expected: {(line < expectedLines.Length ? expectedLines[line] : "<end of file>")}\n" +
            $"  actual:   {(line < actualLines.Length ? actualLines[line] : "<end of file>")}\n" +
            "Accept with: TWINLANG_UPDATE_BASELINES=1 dotnet test (scripts/update-baselines.sh)");
    }

    /// <summary>The folder that holds TwinLang.sln.</summary>
    public static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "TwinLang.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("TwinLang.sln not found above the test assembly.");
    }
}
