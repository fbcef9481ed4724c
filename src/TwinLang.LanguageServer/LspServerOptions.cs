using System.Collections.Immutable;
using TwinLang.Compiler;
using TwinLang.Diagnostics;

namespace TwinLang.LanguageServer;

/// <summary>Settings of a <see cref="LspServer"/>; the defaults are what <c>twin lsp</c> uses.</summary>
public sealed record LspServerOptions
{
    /// <summary>How long diagnostics wait after the last edit before the compilation is rebuilt.</summary>
    public TimeSpan DiagnosticsDelay { get; init; } = TimeSpan.FromMilliseconds(150);

    /// <summary>The standard library compiled with the workspace; null for the one shipped next to the server.</summary>
    public StandardLibrary? StandardLibrary { get; init; }

    /// <summary>
    /// Asks a compilation for its diagnostics. The seam exists so tests can make the compiler fail and see the
    /// server report that as TW9001 instead of going down.
    /// </summary>
    internal Func<Compilation, ImmutableArray<Diagnostic>> CollectDiagnostics { get; init; } = compilation => compilation.Diagnostics;
}
