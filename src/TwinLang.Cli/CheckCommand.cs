using System.Reflection;
using TwinLang.Compiler;

namespace TwinLang.Cli;

/// <summary><c>twin check</c>: load, parse and bind, then print every diagnostic.</summary>
public static class CheckCommand
{
    /// <summary>Runs the check; returns <see cref="ExitCodes.Errors"/> when any error was reported.</summary>
    public static int Run(CliContext context, IReadOnlyList<string> paths, OutputFormat format, bool locked)
    {
        var project = Project.Load(paths, new ProjectOptions(context.WorkingDirectory, locked ? LockFileMode.Verify : LockFileMode.Write));
        var compilation = Compilation.Create(project);
        var diagnostics = compilation.Diagnostics;
        if (format == OutputFormat.Sarif)
        {
            context.Out.Write(SarifWriter.Render(diagnostics, ToolVersion));
        }
        else
        {
            DiagnosticPrinter.WriteText(context.Out, diagnostics);
        }

        DiagnosticPrinter.WriteSummary(context.Error, diagnostics);
        return compilation.HasErrors ? ExitCodes.Errors : ExitCodes.Success;
    }

    /// <summary>The tool's version as <c>twin --version</c> prints it.</summary>
    public static string ToolVersion =>
        typeof(CheckCommand).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
}
