namespace TwinLang.Build;

/// <summary>
/// How to start the CLI from the <c>TwinExecutable</c> setting: an apphost or a name on the PATH runs directly,
/// a <c>.dll</c> runs through the <c>dotnet</c> host that runs MSBuild itself.
/// </summary>
internal sealed record TwinTool(string ToolName, string HostPath, string? EntryAssembly)
{
    private const string DefaultName = "twin";

    public static TwinTool FromSetting(string? twinExecutable)
    {
        if (string.IsNullOrWhiteSpace(twinExecutable))
        {
            return new TwinTool(DefaultName, FindOnPath(DefaultName) ?? DefaultName, null);
        }

        var path = twinExecutable.Trim();
        if (path.EndsWith(".dll", StringComparison.OrdinalIgnoreCase))
        {
            var dotnet = DotnetHost();
            return new TwinTool(Path.GetFileName(dotnet), dotnet, Path.GetFullPath(path));
        }

        // A bare name such as 'twin' is looked up on the PATH, as a shell would.
        var host = Path.GetFileName(path) == path ? FindOnPath(path) ?? path : Path.GetFullPath(path);
        return new TwinTool(Path.GetFileName(path), host, null);
    }

    // The SDK sets DOTNET_HOST_PATH for tasks it runs, so the same runtime that runs MSBuild runs the CLI.
    private static string DotnetHost()
    {
        var host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        if (!string.IsNullOrEmpty(host) && File.Exists(host))
        {
            return host;
        }

        var name = OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet";
        return FindOnPath(name) ?? name;
    }

    private static string? FindOnPath(string name)
    {
        var candidates = OperatingSystem.IsWindows() ? new[] { name + ".exe", name } : [name];
        foreach (var folder in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            foreach (var candidate in candidates)
            {
                var path = Path.Combine(folder, candidate);
                if (File.Exists(path))
                {
                    return path;
                }
            }
        }

        return null;
    }
}
