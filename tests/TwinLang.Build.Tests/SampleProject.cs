using System.Diagnostics;
using System.Text;
using TwinLang.Testing;

namespace TwinLang.Build.Tests;

/// <summary>
/// A class library in a temporary folder that uses TwinLang.Build (imported by path, or as a package packed from
/// this repository) with the repository's freshly built CLI, built with the real <c>dotnet build</c>. It needs
/// no package from the network.
/// </summary>
internal sealed class SampleProject : IDisposable
{
    private string[] _restoreArguments = [];

    private SampleProject(string directory)
    {
        Directory = directory;
    }

    private static string RepositoryRoot => Baseline.RepositoryRoot();

    // The test assembly sits in bin/<Configuration>/net10.0; the CLI and task were built in the same configuration.
    private static string Configuration =>
        new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent?.Name ?? "Debug";

    public string Directory { get; }

    public string ProjectPath => Path.Combine(Directory, "Sample.csproj");

    public string StampPath => Path.Combine(Directory, "obj", "Debug", "net10.0", "twin.check.stamp");

    /// <summary>A project that imports the targets by path, as a project inside this repository would.</summary>
    public static SampleProject Create(string twinSource)
    {
        var sample = new SampleProject(NewDirectory());
        var tasks = Path.Combine(RepositoryRoot, "src", "TwinLang.Build", "bin", Configuration, "net10.0", "TwinLang.Build.dll");
        var targets = Path.Combine(RepositoryRoot, "src", "TwinLang.Build", "build", "TwinLang.Build.targets");
        sample.Write(twinSource, $"""
                <TwinBuildTasksAssembly>{tasks}</TwinBuildTasksAssembly>
              </PropertyGroup>
              <Import Project="{targets}" />
            """);
        return sample;
    }

    /// <summary>
    /// A project that references the TwinLang.Build NuGet package, packed from the built task into a local feed.
    /// Restore reads only that feed and a private package folder, so no network and no stale global cache.
    /// </summary>
    public static SampleProject CreateWithPackage(string twinSource)
    {
        var sample = new SampleProject(NewDirectory());
        var feed = Path.Combine(sample.Directory, "feed");
        var project = Path.Combine(RepositoryRoot, "src", "TwinLang.Build", "TwinLang.Build.csproj");
        var (exit, output) = sample.RunDotnet("pack", project, "--no-build", "-c", Configuration, "-o", feed, "-nologo", "-nodeReuse:false");
        if (exit != 0)
        {
            throw new InvalidOperationException("dotnet pack failed:\n" + output);
        }

        sample.Write(twinSource, """
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="TwinLang.Build" Version="0.1.0" />
              </ItemGroup>
            """);
        sample._restoreArguments = ["--source", feed, "-p:RestorePackagesPath=" + Path.Combine(sample.Directory, "packages")];
        return sample;
    }

    /// <summary>Runs <c>dotnet build</c> with the given verbosity; returns the exit code and everything printed.</summary>
    public (int ExitCode, string Output) Build(string verbosity) =>
        RunDotnet(["build", ProjectPath, "-nologo", "-tl:off", "-nodeReuse:false", "-p:UseSharedCompilation=false", "-v:" + verbosity, .. _restoreArguments]);

    private static string NewDirectory()
    {
        var directory = Path.Combine(Path.GetTempPath(), "twinlang-build-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(directory);
        return directory;
    }

    // Every sample is a class library with one C# file and main.twin, run by the repository's freshly built CLI.
    private void Write(string twinSource, string projectTail)
    {
        var twin = Path.Combine(RepositoryRoot, "src", "TwinLang.Cli", "bin", Configuration, "net10.0", "twin.dll");
        File.WriteAllText(ProjectPath, $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <TwinExecutable>{twin}</TwinExecutable>
            {projectTail}
            </Project>
            """);
        File.WriteAllText(Path.Combine(Directory, "Class1.cs"), "namespace Sample;\n\npublic static class Class1\n{\n}\n");
        File.WriteAllText(Path.Combine(Directory, "main.twin"), twinSource);
    }

    private (int ExitCode, string Output) RunDotnet(params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
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
            throw new TimeoutException("dotnet did not finish:\n" + output);
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
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A leftover temporary folder is harmless.
        }
    }
}
