namespace TwinLang.Cli;

/// <summary>The process entry point; everything else runs through <see cref="TwinCommandLine.Run"/>.</summary>
public static class Program
{
    /// <summary>Runs <c>twin</c> on the console.</summary>
    public static int Main(string[] args) => TwinCommandLine.Run(args, Console.Out, Console.Error, Environment.CurrentDirectory);
}
