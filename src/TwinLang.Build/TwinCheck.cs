using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace TwinLang.Build;

/// <summary>
/// Runs <c>twin check</c> over a project's <c>.twin</c> files. The CLI prints canonical MSBuild lines
/// (<c>file(line,col): error TW2050: message</c>), which <see cref="ToolTask"/> already turns into real
/// errors and warnings with file, line, column and code; the task adds only how to find and start the CLI.
/// Running the CLI out of process, rather than loading the compiler into MSBuild, follows Bicep's MSBuild task.
/// </summary>
public sealed class TwinCheck : ToolTask
{
    // The CLI's documented exit code for a command line it could not parse (TwinLang.Cli.ExitCodes.Usage).
    private const int UsageExitCode = 2;

    /// <summary>The <c>.twin</c> files to check; passed to the CLI as full paths so errors point at real files.</summary>
    [Required]
    public ITaskItem[] Sources { get; set; } = [];

    /// <summary>The <c>twin</c> executable, or <c>twin.dll</c> (run with <c>dotnet</c>); empty means <c>twin</c> on the PATH.</summary>
    public string? TwinExecutable { get; set; }

    /// <summary>Extra arguments placed after <c>check</c>, for example <c>--locked</c>.</summary>
    public string? TwinArguments { get; set; }

    /// <summary>The directory the CLI runs in (the project's); relative paths in its output are relative to it.</summary>
    public string? WorkingDirectory { get; set; }

    /// <inheritdoc />
    protected override string ToolName => TwinTool.FromSetting(TwinExecutable).ToolName;

    /// <inheritdoc />
    protected override string GenerateFullPathToTool() => TwinTool.FromSetting(TwinExecutable).HostPath;

    /// <inheritdoc />
    protected override string? GetWorkingDirectory() =>
        string.IsNullOrEmpty(WorkingDirectory) ? base.GetWorkingDirectory() : WorkingDirectory;

    /// <inheritdoc />
    protected override string GenerateCommandLineCommands()
    {
        var builder = new CommandLineBuilder(quoteHyphensOnCommandLine: false, useNewLineSeparator: false);
        builder.AppendFileNameIfNotNull(TwinTool.FromSetting(TwinExecutable).EntryAssembly);
        builder.AppendSwitch("check");
        if (!string.IsNullOrWhiteSpace(TwinArguments))
        {
            builder.AppendTextUnquoted(" " + TwinArguments.Trim());
        }

        builder.AppendFileNamesIfNotNull(Sources.Select(s => s.GetMetadata("FullPath")).ToArray(), " ");
        return builder.ToString();
    }

    /// <inheritdoc />
    protected override bool ValidateParameters()
    {
        var tool = TwinTool.FromSetting(TwinExecutable);
        if (tool.EntryAssembly is { } assembly && !File.Exists(assembly))
        {
            Log.LogError($"The twin CLI '{assembly}' named by TwinExecutable does not exist; build src/TwinLang.Cli or set TwinExecutable to an installed twin.");
            return false;
        }

        return base.ValidateParameters();
    }

    /// <inheritdoc />
    protected override bool HandleTaskExecutionErrors()
    {
        // Diagnostics were already logged from the CLI's output; a usage error prints nothing canonical, so say
        // where to look instead of MSBuild's bare "exited with code 2".
        if (ExitCode == UsageExitCode && !Log.HasLoggedErrors)
        {
            Log.LogError($"twin rejected its command line (exit code {UsageExitCode}); check TwinArguments ('{TwinArguments}') and build with -v:n to see its message.");
            return false;
        }

        return base.HandleTaskExecutionErrors();
    }
}
