using Xunit;

namespace TwinLang.Cli.Tests;

public sealed class CheckCommandTests
{
    [Fact]
    public void Check_NoArguments_ExitsWithUsageError()
    {
        using var folder = new TempFolder();

        var run = CliRun.Invoke(folder.Path, "check");

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("paths", run.Error, StringComparison.Ordinal);
        Assert.Empty(run.Out);
    }

    [Theory]
    [InlineData("check", "--format", "xml", "a.twin")]
    [InlineData("frobnicate")]
    [InlineData("check", "--no-such-option", "a.twin")]
    [InlineData]
    public void Run_BadCommandLine_ExitsWithUsageError(params string[] args)
    {
        using var folder = new TempFolder();

        var run = CliRun.Invoke(folder.Path, args);

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("twin --help", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Version_Flag_PrintsVersionAndExitsZero()
    {
        using var folder = new TempFolder();

        var run = CliRun.Invoke(folder.Path, "--version");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Matches(@"^\d+\.\d+\.\d+", run.Out);
    }

    [Fact]
    public void Check_MissingFile_ReportsTW5001AndExitsOne()
    {
        using var folder = new TempFolder();

        var run = CliRun.Invoke(folder.Path, "check", "nowhere/missing.twin");

        Assert.Equal(ExitCodes.Errors, run.ExitCode);
        Assert.Equal(["nowhere/missing.twin(1,1): error TW5001: Expected a '.twin' file or a folder but found nothing at 'nowhere/missing.twin'."], run.OutLines);
        Assert.Equal("1 error(s), 0 warning(s)\n", run.Error);
    }

    [Fact]
    public void Check_InvalidUtf8_ReportsTW5003AtDecodedPosition()
    {
        using var folder = new TempFolder();
        // "é" is two bytes but one character, so byte offset 6 is line 2, column 3 (1-based).
        folder.WriteBytes("bad.twin", [.. "ab\né"u8, .. "x"u8, 0xFF, .. "y\n"u8]);

        var run = CliRun.Invoke(folder.Path, "check", "bad.twin");

        Assert.Equal(ExitCodes.Errors, run.ExitCode);
        Assert.Contains("bad.twin(2,3): error TW5003: Expected UTF-8 text but found an invalid byte sequence at byte offset 6; save the file as UTF-8.", run.OutLines);
    }

    [Fact]
    public void Check_Folder_ExpandsRecursivelyInOrdinalOrderWithRelativePaths()
    {
        using var folder = new TempFolder();
        foreach (var path in new[] { "models/b.twin", "models/a.twin", "models/Z/c.twin", "models/sub/d.twin", "models/notes.txt" })
        {
            folder.WriteBytes(path, [.. "// "u8, 0xC3]);
        }

        var run = CliRun.Invoke(folder.Path, "check", "models");

        var paths = run.OutLines.Select(line => CliRun.MsBuildLine().Match(line).Groups["path"].Value).ToList();
        Assert.Equal(["models/Z/c.twin", "models/a.twin", "models/b.twin", "models/sub/d.twin"], paths);
        Assert.All(run.Codes, code => Assert.Equal("TW5003", code));
    }

    [Fact]
    public void Check_RepositoryStandardLibrary_ReplacesTheBundledCopyWithoutDuplicates()
    {
        var run = CliRun.Invoke(TwinLang.Testing.Baseline.RepositoryRoot(), "check", "stdlib");

        Assert.Equal("", run.Out);
        Assert.Equal(ExitCodes.Success, run.ExitCode);
    }

    [Fact]
    public void Check_EmptyFolder_WarnsTW5004AndExitsZero()
    {
        using var folder = new TempFolder();
        Directory.CreateDirectory(Path.Combine(folder.Path, "empty"));

        var run = CliRun.Invoke(folder.Path, "check", "empty");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Equal(["TW5004"], run.Codes);
        Assert.Equal("0 error(s), 1 warning(s)\n", run.Error);
    }

    [Fact]
    public void Check_CleanFile_PrintsNothingAndExitsZero()
    {
        using var folder = new TempFolder();
        folder.Write("clean.twin", "asset Tank {\n  parameter volume: Real = 2\n}\n");

        var run = CliRun.Invoke(folder.Path, "check", "clean.twin");

        Assert.Equal(string.Empty, run.Out);
        Assert.Equal(ExitCodes.Success, run.ExitCode);
    }

    [Fact]
    public void Check_EveryOutputLine_IsCanonicalMsBuildForm()
    {
        using var folder = new TempFolder();
        folder.WriteBytes("src/one.twin", [.. "//"u8, 0xFF]);
        folder.WriteBytes("src/two.twin", [.. "\n\n//"u8, 0xFE]);

        var run = CliRun.Invoke(folder.Path, "check", "src", "absent.twin");

        Assert.Equal(3, run.OutLines.Count);
        Assert.All(run.OutLines, line => Assert.Matches(CliRun.MsBuildLine(), line));
        Assert.Contains("src/two.twin(3,3): error TW5003", run.Out, StringComparison.Ordinal);
        Assert.Equal("3 error(s), 0 warning(s)\n", run.Error);
    }

    [Fact]
    public void Run_WriterThrows_ReportsTW9001AndExitsThree()
    {
        using var folder = new TempFolder();
        var output = new StringWriter();
        var exit = TwinCommandLine.Run(["check", "missing.twin"], output, new FailingOnceWriter(), folder.Path);

        Assert.Equal(ExitCodes.InternalError, exit);
        Assert.Matches(@"^twin\(1,1\): error TW9001: Internal compiler error during the command: IOException: disk full\. ", output.ToString().Split('\n')[^2]);
        Assert.DoesNotContain("   at ", output.ToString(), StringComparison.Ordinal);
    }

    /// <summary>Fails the first write, as a full disk would, then behaves.</summary>
    private sealed class FailingOnceWriter : StringWriter
    {
        private bool _failed;

        public override void Write(string? value)
        {
            if (!_failed)
            {
                _failed = true;
                throw new IOException("disk full");
            }

            base.Write(value);
        }
    }
}
