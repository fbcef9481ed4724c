namespace TwinLang.Cli;

/// <summary>The process exit codes of <c>twin</c>; build tools rely on them.</summary>
public static class ExitCodes
{
    /// <summary>No errors (warnings allowed).</summary>
    public const int Success = 0;

    /// <summary>Errors were reported, or <c>fmt --check</c> found files to change.</summary>
    public const int Errors = 1;

    /// <summary>The command line itself was wrong.</summary>
    public const int Usage = 2;

    /// <summary>The tool crashed; a TW9001 was printed instead of a stack trace.</summary>
    public const int InternalError = 3;
}
