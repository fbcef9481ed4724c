using System.Collections.Immutable;
using TwinLang.Binding;
using TwinLang.Diagnostics;
using TwinLang.Syntax;
using TwinLang.Text;

namespace TwinLang.Compiler;

/// <summary>
/// An immutable set of source files, compiled together with the standard library and resolved libraries.
/// Every file is parsed once and the whole set bound once, both lazily and cached, so the CLI and the language
/// server ask the same object the same questions (Roslyn's <c>Compilation</c>, Bicep's <c>Compilation</c>).
/// Changing a file makes a new compilation that reuses the parse of every other file.
/// </summary>
public sealed class Compilation
{
    private readonly ImmutableArray<SourceFile> _sources;
    private readonly ImmutableArray<SourceFile> _libraries;
    private readonly StandardLibrary _standardLibrary;
    private readonly ImmutableArray<Diagnostic> _loadDiagnostics;
    private readonly Lazy<BindResult> _binding;
    private readonly Lazy<ImmutableArray<Diagnostic>> _diagnostics;

    private Compilation(ImmutableArray<SourceFile> sources, ImmutableArray<SourceFile> libraries, StandardLibrary standardLibrary, ImmutableArray<Diagnostic> loadDiagnostics)
    {
        _sources = sources;
        _libraries = libraries;
        _standardLibrary = standardLibrary;
        _loadDiagnostics = loadDiagnostics;
        _binding = new Lazy<BindResult>(Bind, LazyThreadSafetyMode.ExecutionAndPublication);
        _diagnostics = new Lazy<ImmutableArray<Diagnostic>>(CollectDiagnostics, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>
    /// Creates a compilation of <paramref name="sources"/> (in-memory texts; their paths name them in diagnostics).
    /// <paramref name="standardLibrary"/> defaults to <see cref="StandardLibrary.Default"/>; pass
    /// <see cref="StandardLibrary.Empty"/> to compile without it. <paramref name="libraries"/> are the files of
    /// resolved packages; <paramref name="loadDiagnostics"/> are problems the host met while reading files.
    /// </summary>
    public static Compilation Create(
        IEnumerable<SourceText> sources,
        StandardLibrary? standardLibrary = null,
        IEnumerable<SourceText>? libraries = null,
        IEnumerable<Diagnostic>? loadDiagnostics = null) =>
        new(
            [.. sources.Select(s => new SourceFile(s))],
            [.. (libraries ?? []).Select(s => new SourceFile(s))],
            standardLibrary ?? StandardLibrary.Default,
            [.. loadDiagnostics ?? []]);

    /// <summary>Creates the compilation of a loaded project: its sources, its packages' files and the problems met loading them.</summary>
    public static Compilation Create(Project project, StandardLibrary? standardLibrary = null) =>
        Create(project.Sources, standardLibrary, project.Libraries, project.Diagnostics);

    /// <summary>The user's source texts, in the order given.</summary>
    public ImmutableArray<SourceText> Sources => [.. _sources.Select(f => f.Text)];

    /// <summary>The standard library compiled with the sources.</summary>
    public StandardLibrary StandardLibrary => _standardLibrary;

    /// <summary>Syntax trees of the user's sources, in the order given (parsed on first use).</summary>
    public ImmutableArray<SyntaxTree> SyntaxTrees => [.. _sources.Select(f => f.Tree)];

    /// <summary>Every tree that is bound: the user's sources, then the libraries, then the standard library.</summary>
    public ImmutableArray<SyntaxTree> AllSyntaxTrees => [.. AllFiles.Select(f => f.Tree)];

    /// <summary>
    /// Every diagnostic: loading, syntax (in all files, the standard library included) and binding, sorted by
    /// path (ordinal), offset and code.
    /// </summary>
    public ImmutableArray<Diagnostic> Diagnostics => _diagnostics.Value;

    /// <summary>True when any diagnostic is an error.</summary>
    public bool HasErrors => Diagnostics.Any(d => d.IsError);

    /// <summary>
    /// The bound model of all files (bound on first use). Null only when the binder crashed; a TW9001 then
    /// stands in <see cref="Diagnostics"/>.
    /// </summary>
    public SemanticModel? SemanticModel => _binding.Value.Model;

    private IEnumerable<SourceFile> AllFiles => _sources.Concat(_libraries).Concat(BundledStandardLibraryFiles());

    /// <summary>
    /// The standard library's files, less those of a package that a user or library file also declares: a
    /// workspace holding its own copy of <c>stdlib/</c> (the standard library developed in place) replaces the
    /// bundled package instead of declaring everything twice.
    /// </summary>
    private IEnumerable<SourceFile> BundledStandardLibraryFiles()
    {
        var replaced = _sources.Concat(_libraries)
            .Select(PackageName)
            .OfType<string>()
            .ToHashSet(StringComparer.Ordinal);
        return replaced.Count == 0
            ? _standardLibrary.Files
            : _standardLibrary.Files.Where(f => PackageName(f) is not { } package || !replaced.Contains(package));
    }

    private static string? PackageName(SourceFile file) => file.Tree.Root.Package?.Name.Text;

    /// <summary>The tree of the user's source whose path is <paramref name="path"/> (ordinal), or null.</summary>
    public SyntaxTree? GetSyntaxTree(string path) =>
        _sources.FirstOrDefault(f => string.Equals(f.Text.Path, path, StringComparison.Ordinal))?.Tree;

    /// <summary>A compilation where the source with <paramref name="text"/>'s path is replaced (or added); other parses are reused.</summary>
    public Compilation WithSource(SourceText text)
    {
        var index = -1;
        for (var i = 0; i < _sources.Length && index < 0; i++)
        {
            index = string.Equals(_sources[i].Text.Path, text.Path, StringComparison.Ordinal) ? i : -1;
        }

        var file = new SourceFile(text);
        var sources = index >= 0 ? _sources.SetItem(index, file) : _sources.Add(file);
        return new Compilation(sources, _libraries, _standardLibrary, _loadDiagnostics);
    }

    /// <summary>A compilation without the source whose path is <paramref name="path"/>; other parses are reused.</summary>
    public Compilation RemoveSource(string path) =>
        new(_sources.RemoveAll(f => string.Equals(f.Text.Path, path, StringComparison.Ordinal)), _libraries, _standardLibrary, _loadDiagnostics);

    private ImmutableArray<Diagnostic> CollectDiagnostics()
    {
        var bag = new DiagnosticBag();
        bag.AddRange(_loadDiagnostics);
        bag.AddRange(_standardLibrary.LoadDiagnostics);
        foreach (var file in AllFiles)
        {
            bag.AddRange(file.Tree.Diagnostics);
        }

        bag.AddRange(_binding.Value.Diagnostics);
        return [.. bag.ToSortedList()];
    }

    private BindResult Bind()
    {
        var trees = AllFiles.Select(f => f.Tree).ToList();
        try
        {
            var model = CompilerPhases.RunWithLargeStack(() => Binder.Bind(trees));
            return new BindResult(model, [.. model.Diagnostics]);
        }
        catch (Exception e)
        {
            var anchor = trees.Count > 0 ? trees[0].Text : new SourceText("");
            return new BindResult([DiagnosticCatalog.At(anchor, default).InternalError("binding", CompilerPhases.Describe(e))]);
        }
    }

    private sealed record BindResult(SemanticModel? Model, ImmutableArray<Diagnostic> Diagnostics)
    {
        public BindResult(ImmutableArray<Diagnostic> diagnostics)
            : this(null, diagnostics)
        {
        }
    }
}
