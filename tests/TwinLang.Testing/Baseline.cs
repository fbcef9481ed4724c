using System.Text;
using Xunit;

namespace TwinLang.Testing;

/// <summary>
/// Golden-file comparison (STYLE.md §4, after Bicep's baselines): output is normalized to '\n' with a final
/// newline and compared with a file under the repository; a mismatch names the file, shows the first
/// differing line with context and the command that accepts the change. With
/// <c>TWINLANG_UPDATE_BASELINES=1</c> the file is written (created if missing) instead.
/// </summary>
public static class Baseline
{
    /// <summary>The environment variable that turns comparison into writing.</summary>
    public const string UpdateVariable = "TWINLANG_UPDATE_BASELINES";

    /// <summary>The command printed on a mismatch.</summary>
    public const string AcceptCommand = "scripts/update-baselines.sh (TWINLANG_UPDATE_BASELINES=1 dotnet test)";

    /// <summary>True when baselines are being accepted rather than checked.</summary>
    public static bool IsUpdating => Environment.GetEnvironmentVariable(UpdateVariable) == "1";

    /// <summary>
    /// Checks <paramref name="actual"/> against the file at <paramref name="relativePath"/> (from the
    /// repository root, '/'-separated, e.g. <c>tests/Baselines/Valid_Units/main.syntax.txt</c>).
    /// </summary>
    public static void AssertMatches(string actual, string relativePath)
    {
        ArgumentNullException.ThrowIfNull(actual);
        ArgumentNullException.ThrowIfNull(relativePath);
        var normalized = Normalize(actual);
        var path = Path.Combine(RepositoryRoot(), relativePath.Replace('/', Path.DirectorySeparatorChar));

        if (IsUpdating)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path) ?? ".");
            if (!File.Exists(path) || Normalize(File.ReadAllText(path)) != normalized)
            {
                File.WriteAllText(path, normalized, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
            }

            return;
        }

        if (!File.Exists(path))
        {
            Assert.Fail($"Baseline {relativePath} does not exist. To create it run: {AcceptCommand}");
        }

        var expected = Normalize(File.ReadAllText(path));
        if (expected != normalized)
        {
            Assert.Fail(Describe(relativePath, expected, normalized));
        }
    }

    /// <summary>The repository root: the nearest ancestor of the test's base directory holding TwinLang.sln.</summary>
    public static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "TwinLang.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("TwinLang.sln not found above " + AppContext.BaseDirectory);
    }

    /// <summary>'\n' line endings and exactly one final newline (none for empty text).</summary>
    public static string Normalize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var unified = text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
        var trimmed = unified.TrimEnd('\n');
        return trimmed.Length == 0 ? "" : trimmed + "\n";
    }

    private static string Describe(string relativePath, string expected, string actual)
    {
        var expectedLines = expected.Split('\n');
        var actualLines = actual.Split('\n');
        var line = 0;
        while (line < expectedLines.Length && line < actualLines.Length && expectedLines[line] == actualLines[line])
        {
            line++;
        }

        var message = new StringBuilder();
        message.Append("Baseline ").Append(relativePath).Append(" differs at line ").Append(line + 1).Append(".\n");
        for (var i = Math.Max(0, line - 3); i < line; i++)
        {
            message.Append("    ").Append(expectedLines[i]).Append('\n');
        }

        message.Append("expected: ").Append(line < expectedLines.Length ? expectedLines[line] : "<end of file>").Append('\n');
        message.Append("actual:   ").Append(line < actualLines.Length ? actualLines[line] : "<end of file>").Append('\n');
        message.Append("To accept the new output run: ").Append(AcceptCommand);
        return message.ToString();
    }
}
