using System.Diagnostics;
using System.Text;
using TwinLang.Testing;

namespace TwinLang.Build.Tests;

/// <summary>
/// A class library in a temporary folder that imports build/TwinLang.Build.targets by path and runs the
/// repository's freshly built CLI and task, built with the real <c>dotnet build</c>. It has no package
/// references, so restore needs no network.
/// </summary>
internal sealed class SampleProject : IDisposable
{
    private SampleProject(string directory)
    {
        Directory = directory;
    }

    public string Directory { get; }

    public string ProjectPath => Path.Combine(Directory, "Sample.csproj");

    public string StampPath => Path.Combine(Directory, "obj", "Debug", "net10.0", "twin.check.stamp");

    public static SampleProject Create(string twinSource)
    {
        var directory = Path.Combine(Path.GetTempPath(), "twinlang-build-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(directory);
        var root = Baseline.RepositoryRoot();
        var configuration = BuildConfiguration();
        var twin = Path.Combine(root, "src", "TwinLang.Cli", "bin", configuration, "net10.0", "twin.dll");
        var tasks = Path.Combine(root, "src", "TwinLang.Build", "bin", configuration, "net10.0", "TwinLang.Build.dll");
        var targets = Path.Combine(root, "src", "TwinLang.Build", "build", "TwinLang.Build.targets");
        File.WriteAllText(Path.Combine(directory, "Sample.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <TwinExecutable>{twin}</TwinExecutable>
                <TwinBuildTasksAssembly>{tasks}</TwinBuildTasksAssembly>
              </PropertyGroup>
              <Import Project="{targets}" />
            </Project>
            """);
        File.WriteAllText(Path.Combine(directory, "Class1.cs"), "namespace Sample;\n\npublic static class Class1\n{\n}\n");
        File.WriteAllText(Path.Combine(directory, "main.twin"), twinSource);
        return new SampleProject(directory);
    }

    /// <summary>Runs <c>dotnet build</c> with the given verbosity; returns the exit code and everything printed.</summary>
    public (int ExitCode, string Output) Build(string verbosity)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "build", ProjectPath, "-nologo", "-tl:off", "-nodeReuse:false", "-p:UseSharedCompilation=false", "-v:" + verbosity })
        {
            start.ArgumentList.Add(argument);
        }

        // The test host runs inside 'dotnet test', whose MSBuild variables would steer the child build.
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(name);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        var output = new StringBuilder();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        // A guard against a hung build, not a timing assertion.
        if (!process.WaitForExit(TimeSpan.FromMinutes(20)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("dotnet build did not finish:\n" + output);
        }

        process.WaitForExit();
        return (process.ExitCode, output.ToString());

        void Append(string? line)
        {
            if (line is not null)
            {
                lock (output)
                {
                    output.Append(line).Append('\n');
                }
            }
        }
    }

    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temporary folder is harmless.
        }
    }

    // The test assembly sits in bin/<Configuration>/net10.0; the CLI and task were built in the same configuration.
    private static string BuildConfiguration() =>
        new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent?.Name ?? "Debug";
}
