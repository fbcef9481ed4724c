using System.Diagnostics;
using Xunit;

namespace TwinLang.Cli.Tests;

/// <summary>A few runs of the real built <c>twin</c> (twin.dll copied next to the tests), to cover the process edge.</summary>
public sealed class ProcessTests
{
    [Fact]
    public void Process_Version_ExitsZero()
    {
        var (exit, output, _) = RunTwin(Environment.CurrentDirectory, "--version");

        Assert.Equal(0, exit);
        Assert.Matches(@"^\d+\.\d+\.\d+", output);
    }

    [Fact]
    public void Process_CheckMissingFile_ExitsOneWithCanonicalLineAndNoStackTrace()
    {
        using var folder = new TempFolder();

        var (exit, output, error) = RunTwin(folder.Path, "check", "absent.twin");

        Assert.Equal(1, exit);
        Assert.StartsWith("absent.twin(1,1): error TW5001:", output, StringComparison.Ordinal);
        Assert.Contains("1 error(s)", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output + error, StringComparison.Ordinal);
    }

    [Fact]
    public void Process_NoCommand_ExitsTwo()
    {
        var (exit, _, error) = RunTwin(Environment.CurrentDirectory);

        Assert.Equal(2, exit);
        Assert.Contains("twin --help", error, StringComparison.Ordinal);
    }

    private static (int Exit, string Out, string Error) RunTwin(string workingDirectory, params string[] args)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "twin.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output, error.Result);
    }
}
