using System.CommandLine;
using TwinLang.Compiler;

namespace TwinLang.Cli;

/// <summary>
/// <c>twin build &lt;files&gt; -o &lt;dir&gt; [--asset Name] [--emit-cs]</c>: check, then compile one asset into
/// <c>{Name}.dll</c> and <c>{Name}.pdb</c> (and <c>{Name}.g.cs</c> on request) in the output folder.
/// </summary>
public static class BuildCommand
{
    /// <summary>The command with its options, ready to add to the root command.</summary>
    public static Command Create(CliContext context)
    {
        var paths = new Argument<string[]>("paths") { Description = "Files and folders (folders are searched recursively for *.twin).", Arity = ArgumentArity.OneOrMore };
        var output = new Option<string>("--output", "-o") { Description = "Folder for the assembly, PDB and generated C#.", Required = true };
        var asset = new Option<string?>("--asset") { Description = "The asset to build; may be left out when the files declare exactly one." };
        var emitCs = new Option<bool>("--emit-cs") { Description = "Also write the generated C# ({Name}.g.cs)." };
        var command = new Command("build", "Compile an asset into a .NET assembly.") { paths, output, asset, emitCs };
        command.SetAction(result => Run(
            context,
            result.GetValue(paths) ?? [],
            result.GetValue(output) ?? ".",
            result.GetValue(asset),
            result.GetValue(emitCs)));
        return command;
    }

    /// <summary>Runs the build; returns <see cref="ExitCodes.Errors"/> when any error was reported.</summary>
    public static int Run(CliContext context, IReadOnlyList<string> paths, string outputDirectory, string? assetName, bool emitCs)
    {
        var project = Project.Load(paths, new ProjectOptions(context.WorkingDirectory, LockFileMode.Write));
        var compilation = Compilation.Create(project);
        var result = TwinBuilder.Build(compilation, assetName, new TwinBuildOptions(emitCs));
        var diagnostics = compilation.Diagnostics.Concat(result.Diagnostics).ToList();
        DiagnosticPrinter.WriteText(context.Out, diagnostics);
        DiagnosticPrinter.WriteSummary(context.Error, diagnostics);
        if (!result.Success)
        {
            return ExitCodes.Errors;
        }

        var directory = Path.GetFullPath(outputDirectory, context.WorkingDirectory);
        Directory.CreateDirectory(directory);
        File.WriteAllBytes(Path.Combine(directory, result.AssemblyName + ".dll"), result.Assembly);
        File.WriteAllBytes(Path.Combine(directory, result.AssemblyName + ".pdb"), result.Pdb);
        if (emitCs && result.CSharp is { } csharp)
        {
            File.WriteAllText(Path.Combine(directory, result.AssemblyName + ".g.cs"), csharp, new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        }

        context.Out.WriteLine($"{result.TypeName} -> {Path.Combine(directory, result.AssemblyName + ".dll")}");
        return ExitCodes.Success;
    }
}
