namespace TwinLang.Compiler;

/// <summary>How <see cref="Project.Load"/> treats paths and lock files.</summary>
/// <param name="WorkingDirectory">Relative paths are resolved against it; they stay relative in diagnostics.</param>
/// <param name="LockFile">Whether lock files are written, verified or ignored.</param>
/// <param name="ResolvePackages">Read manifests and resolve dependencies (the formatter needs only the named files).</param>
public sealed record ProjectOptions(string WorkingDirectory, LockFileMode LockFile = LockFileMode.Write, bool ResolvePackages = true);
