using System.Collections.Immutable;
using TwinLang.Diagnostics;
using TwinLang.Text;

namespace TwinLang.Compiler;

/// <summary>
/// The <c>.twin</c> libraries shipped with the toolchain. The build copies the repository's <c>stdlib/</c>
/// next to the assemblies, so the library is found from <see cref="AppContext.BaseDirectory"/> wherever the
/// tool is installed. Its files are parsed once per process and shared by every compilation.
/// </summary>
public sealed class StandardLibrary
{
    private static readonly Lazy<StandardLibrary> DefaultLibrary =
        new(() => Load(Path.Combine(AppContext.BaseDirectory, FolderName)), LazyThreadSafetyMode.ExecutionAndPublication);

    private StandardLibrary(string folder, ImmutableArray<SourceFile> files, ImmutableArray<Diagnostic> loadDiagnostics)
    {
        Folder = folder;
        Files = files;
        LoadDiagnostics = loadDiagnostics;
    }

    /// <summary>The folder name next to the assemblies.</summary>
    public const string FolderName = "stdlib";

    /// <summary>The library shipped next to the running assemblies.</summary>
    public static StandardLibrary Default => DefaultLibrary.Value;

    /// <summary>No library at all, for tests of the language core.</summary>
    public static StandardLibrary Empty { get; } = new("", [], []);

    /// <summary>The folder the library was loaded from; its files' paths start with it.</summary>
    public string Folder { get; }

    /// <summary>The library's source texts, in ordinal order of path.</summary>
    public ImmutableArray<SourceText> Sources => [.. Files.Select(f => f.Text)];

    /// <summary>Problems reading the library (for example invalid UTF-8).</summary>
    public ImmutableArray<Diagnostic> LoadDiagnostics { get; }

    internal ImmutableArray<SourceFile> Files { get; }

    /// <summary>Loads every <c>.twin</c> file below <paramref name="folder"/>; a missing folder gives an empty library.</summary>
    public static StandardLibrary Load(string folder)
    {
        if (!Directory.Exists(folder))
        {
            return new StandardLibrary(folder, [], []);
        }

        var diagnostics = new DiagnosticBag();
        var files = ImmutableArray.CreateBuilder<SourceFile>();
        foreach (var relative in SourceFolder.EnumerateSourceFiles(folder))
        {
            var path = Path.Combine(folder, relative);
            if (SourceFileReader.Read(path, path, diagnostics) is { } text)
            {
                files.Add(new SourceFile(text));
            }
        }

        return new StandardLibrary(folder, files.ToImmutable(), [.. diagnostics.ToSortedList()]);
    }
}
