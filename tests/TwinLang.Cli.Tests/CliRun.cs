using System.Text.RegularExpressions;

namespace TwinLang.Cli.Tests;

/// <summary>The outcome of one in-process run of <c>twin</c>.</summary>
internal sealed partial record CliRun(int ExitCode, string Out, string Error)
{
    /// <summary>Runs <c>twin</c> in process with <paramref name="workingDirectory"/> as the current folder.</summary>
    public static CliRun Invoke(string workingDirectory, params string[] args)
    {
        var output = new StringWriter { NewLine = "\n" };
        var error = new StringWriter { NewLine = "\n" };
        var exit = TwinCommandLine.Run(args, output, error, workingDirectory);
        return new CliRun(exit, output.ToString(), error.ToString());
    }

    /// <summary>Non-empty lines of standard output.</summary>
    public IReadOnlyList<string> OutLines => Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>Diagnostic codes on standard output, in order.</summary>
    public IReadOnlyList<string> Codes => [.. MsBuildLine().Matches(Out).Select(m => m.Groups["code"].Value)];

    /// <summary>The canonical MSBuild form: <c>path(line,col): severity TWnnnn: message.</c></summary>
    [GeneratedRegex(@"^(?<path>[^\n(]+)\((?<line>\d+),(?<col>\d+)\): (?<severity>error|warning|info) (?<code>TW\d{4}): (?<message>.+\.)$", RegexOptions.Multiline)]
    public static partial Regex MsBuildLine();
}
