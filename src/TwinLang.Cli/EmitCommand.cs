using System.CommandLine;
using System.Text;
using TwinLang.Binding;
using TwinLang.Compiler;
using TwinLang.Diagnostics;
using TwinLang.Emit.Interfaces;

namespace TwinLang.Cli;

/// <summary>
/// <c>twin emit dtdl|aas|fmi|all &lt;files or folders&gt; -o &lt;dir&gt;</c>: compiles the sources and writes the
/// interface documents of every asset they declare (docs/interfaces.md), named
/// <c>&lt;package&gt;.&lt;Asset&gt;.dtdl.json</c>, <c>.aas.json</c> and <c>.modelDescription.xml</c>. Nothing is written
/// while any error exists.
/// </summary>
public static class EmitCommand
{
    /// <summary>Builds the <c>emit</c> command.</summary>
    public static Command Create(CliContext context)
    {
        var format = new Argument<string>("format") { Description = "The standard: dtdl, aas, fmi or all." };
        format.AcceptOnlyFromAmong("dtdl", "aas", "fmi", "all");
        var paths = TwinCommandLine.PathsArgument();
        var output = new Option<string>("--output", "-o") { Description = "The folder the documents are written to (created when missing).", DefaultValueFactory = _ => "." };
        var locked = new Option<bool>("--locked") { Description = "Fail when twin.lock.json is missing or out of date instead of writing it." };
        var command = new Command("emit", "Write DTDL, AAS and FMI interface documents for the assets of .twin files.") { format, paths, output, locked };
        command.SetAction(result => Run(
            context,
            Formats(result.GetValue(format)),
            result.GetValue(paths) ?? [],
            result.GetValue(output) ?? ".",
            result.GetValue(locked)));
        return command;
    }

    /// <summary>Compiles <paramref name="paths"/> and writes the documents; returns <see cref="ExitCodes.Errors"/> when any error was reported.</summary>
    public static int Run(CliContext context, InterfaceFormats formats, IReadOnlyList<string> paths, string outputDirectory, bool locked)
    {
        var project = Project.Load(paths, new ProjectOptions(context.WorkingDirectory, locked ? LockFileMode.Verify : LockFileMode.Write));
        var compilation = Compilation.Create(project);
        var diagnostics = new List<Diagnostic>(compilation.Diagnostics);
        var documents = new List<InterfaceDocument>();
        if (compilation.SemanticModel is { } model && !compilation.HasErrors)
        {
            var assets = compilation.Sources.SelectMany(model.GetDeclaredSymbols).OfType<AssetSymbol>();
            var result = InterfaceEmitter.Emit(model, assets, formats);
            diagnostics.AddRange(result.Diagnostics);
            documents.AddRange(result.Documents);
        }

        DiagnosticPrinter.WriteText(context.Out, diagnostics);
        if (documents.Count > 0)
        {
            var folder = Path.GetFullPath(Path.Combine(context.WorkingDirectory, outputDirectory));
            Directory.CreateDirectory(folder);
            foreach (var document in documents)
            {
                File.WriteAllText(Path.Combine(folder, document.FileName), document.Content, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
                context.Error.Write($"wrote {Path.Combine(outputDirectory, document.FileName)}\n");
            }
        }

        DiagnosticPrinter.WriteSummary(context.Error, diagnostics);
        return diagnostics.Any(d => d.IsError) ? ExitCodes.Errors : ExitCodes.Success;
    }

    private static InterfaceFormats Formats(string? name) => name switch
    {
        "dtdl" => InterfaceFormats.Dtdl,
        "aas" => InterfaceFormats.Aas,
        "fmi" => InterfaceFormats.Fmi,
        _ => InterfaceFormats.All,
    };
}
