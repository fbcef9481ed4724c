namespace TwinLang.Compiler.Tests;

/// <summary>The repository root, found by walking up from the test assembly to <c>TwinLang.sln</c>.</summary>
internal static class RepositoryRoot
{
    public static string Path => TwinLang.Testing.Baseline.RepositoryRoot();

    public static string Combine(string relative) => System.IO.Path.Combine(Path, relative);
}
