namespace TwinLang.Compiler;

/// <summary>What <see cref="Project.Load"/> does with each package's <c>twin.lock.json</c>.</summary>
public enum LockFileMode
{
    /// <summary>Write (or refresh) it after a successful resolution, as <c>twin check</c> does.</summary>
    Write,

    /// <summary>Require it to match the resolution (TW5020, TW5021), as <c>twin check --locked</c> does.</summary>
    Verify,

    /// <summary>Leave it alone, as an editor must.</summary>
    Ignore,
}
