using System.CommandLine;
using TwinLang.Compiler;
using TwinLang.Diagnostics;
using TwinLang.Text;

namespace TwinLang.Cli;

/// <summary>
/// Builds the <c>twin</c> command tree and runs it. Parse errors exit with <see cref="ExitCodes.Usage"/>; any
/// exception becomes a TW9001 line and <see cref="ExitCodes.InternalError"/>, never a stack trace.
/// </summary>
public static class TwinCommandLine
{
    /// <summary>Runs <c>twin</c> with <paramref name="args"/>, writing to the given writers; returns the exit code.</summary>
    public static int Run(IReadOnlyList<string> args, TextWriter output, TextWriter error, string workingDirectory)
    {
        var context = new CliContext(output, error, workingDirectory);
        try
        {
            var parseResult = Build(context).Parse(args);
            if (parseResult.Errors.Count > 0)
            {
                foreach (var parseError in parseResult.Errors)
                {
                    error.WriteLine($"twin: {parseError.Message}");
                }

                error.WriteLine("Run 'twin --help' for usage.");
                return ExitCodes.Usage;
            }

            return parseResult.Invoke(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false });
        }
        catch (Exception e)
        {
            var crash = DiagnosticCatalog.At(new SourceText("", "twin"), default).InternalError("the command", $"{e.GetType().Name}: {e.Message.TrimEnd('.')}");
            output.WriteLine(crash.ToMsBuildString());
            error.WriteLine("1 error(s), 0 warning(s)");
            return ExitCodes.InternalError;
        }
    }

    private static RootCommand Build(CliContext context)
    {
        var root = new RootCommand("TwinLang: check, format and build digital twin models.");
        root.Subcommands.Add(BuildCheck(context));
        root.Subcommands.Add(BuildFormat(context));
        root.Subcommands.Add(RunCommand.Build(context));
        root.Subcommands.Add(BuildLanguageServer(context));
        root.Subcommands.Add(EmitCommand.Create(context));
        root.Subcommands.Add(BuildCommand.Create(context));
        return root;
    }

    private static Command BuildCheck(CliContext context)
    {
        var paths = PathsArgument();
        var format = new Option<string>("--format") { Description = "Output format: text (MSBuild lines) or sarif (SARIF 2.1.0 JSON).", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "sarif");
        var locked = new Option<bool>("--locked") { Description = "Fail when twin.lock.json is missing or out of date instead of writing it." };
        var command = new Command("check", "Parse and check .twin files and folders.") { paths, format, locked };
        command.SetAction(result => CheckCommand.Run(
            context,
            result.GetValue(paths) ?? [],
            string.Equals(result.GetValue(format), "sarif", StringComparison.Ordinal) ? OutputFormat.Sarif : OutputFormat.Text,
            result.GetValue(locked)));
        return command;
    }

    private static Command BuildFormat(CliContext context)
    {
        var paths = PathsArgument();
        var check = new Option<bool>("--check") { Description = "List files that would change and exit with 1 instead of rewriting them." };
        var command = new Command("fmt", "Format .twin files in place.") { paths, check };
        command.SetAction(result => FormatCommand.Run(context, result.GetValue(paths) ?? [], result.GetValue(check)));
        return command;
    }

    private static Command BuildLanguageServer(CliContext context)
    {
        // Clients that launch servers generically append '--stdio'; stdio is the only transport, so it is accepted and ignored.
        var stdio = new Option<bool>("--stdio") { Description = "Talk over stdin/stdout (the default and only transport)." };
        var command = new Command("lsp", "Run the language server: JSON-RPC over stdin/stdout, for editors.") { stdio };
        command.SetAction((_, cancellationToken) =>
            new LanguageServer.LspServer(Console.OpenStandardInput(), Console.OpenStandardOutput(), context.Error).RunAsync(cancellationToken));
        return command;
    }

    internal static Argument<string[]> PathsArgument()
    {
        var paths = new Argument<string[]>("paths") { Description = "Files and folders (folders are searched recursively for *.twin).", Arity = ArgumentArity.OneOrMore };
        // An unknown option would otherwise be taken for a file name and reported as a missing file.
        paths.Validators.Add(result =>
        {
            foreach (var token in result.Tokens.Where(t => t.Value.StartsWith('-')))
            {
                result.AddError($"Unrecognized option '{token.Value}'.");
            }
        });
        return paths;
    }
}

/// <summary>How <c>twin check</c> prints diagnostics.</summary>
public enum OutputFormat
{
    /// <summary>One canonical MSBuild line per diagnostic.</summary>
    Text,

    /// <summary>One SARIF 2.1.0 log.</summary>
    Sarif,
}
