using System.Globalization;
using System.Text;
using TwinLang.Compiler;
using TwinLang.Diagnostics;
using TwinLang.Formatting;

namespace TwinLang.Cli;

/// <summary>
/// <c>twin fmt</c>: rewrites each file in its canonical layout. A file with syntax errors is left untouched
/// (formatting a broken tree could lose text) and reported; <c>--check</c> only lists files that would change.
/// </summary>
public static class FormatCommand
{
    /// <summary>Formats (or, with <paramref name="check"/>, checks) <paramref name="paths"/>.</summary>
    public static int Run(CliContext context, IReadOnlyList<string> paths, bool check)
    {
        var project = Project.Load(paths, new ProjectOptions(context.WorkingDirectory, ResolvePackages: false));
        var compilation = Compilation.Create(project.Sources, StandardLibrary.Empty, loadDiagnostics: project.Diagnostics);
        var diagnostics = new DiagnosticBag();
        diagnostics.AddRange(project.Diagnostics);
        var changed = new List<string>();
        foreach (var tree in compilation.SyntaxTrees)
        {
            if (tree.Diagnostics.Any(d => d.IsError))
            {
                diagnostics.AddRange(tree.Diagnostics);
                diagnostics.Add(DiagnosticCatalog.At(tree.Text, default).NotFormattedSyntaxErrors(tree.Text.Path));
                continue;
            }

            var formatted = TwinFormatter.Format(tree);
            if (string.Equals(formatted, tree.Text.Text, StringComparison.Ordinal))
            {
                continue;
            }

            changed.Add(tree.Text.Path);
            if (!check)
            {
                File.WriteAllText(Path.GetFullPath(tree.Text.Path, context.WorkingDirectory), formatted, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
            }
        }

        var sorted = diagnostics.ToSortedList();
        DiagnosticPrinter.WriteText(context.Out, sorted);
        if (check)
        {
            foreach (var path in changed)
            {
                context.Out.Write(path + "\n");
            }

            context.Error.Write(string.Create(CultureInfo.InvariantCulture, $"{changed.Count} file(s) would be reformatted\n"));
        }
        else
        {
            context.Error.Write(string.Create(CultureInfo.InvariantCulture, $"{changed.Count} file(s) reformatted\n"));
        }

        DiagnosticPrinter.WriteSummary(context.Error, sorted);
        return sorted.Any(d => d.IsError) || (check && changed.Count > 0) ? ExitCodes.Errors : ExitCodes.Success;
    }
}
