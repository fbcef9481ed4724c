using TwinLang.Compiler;
using TwinLang.Diagnostics;
using TwinLang.LanguageServer.Documents;
using TwinLang.Text;

namespace TwinLang.LanguageServer.Workspace;

/// <summary>
/// The compilation the server answers from: every open document, the workspace's <c>.twin</c> files on disk
/// (an open document wins over its file) and the standard library. It is replaced, never mutated, on each
/// edit, and <see cref="Compilation.WithSource"/> reuses every other file's parse, so a keystroke re-parses
/// one file. Updated only from the read loop; requests read <see cref="Current"/> as a snapshot.
/// </summary>
internal sealed class WorkspaceState
{
    private readonly Dictionary<string, SourceText> _onDisk = new(StringComparer.Ordinal);
    private readonly StandardLibrary _standardLibrary;
    private volatile Compilation _current;

    public WorkspaceState(StandardLibrary standardLibrary)
    {
        _standardLibrary = standardLibrary;
        _current = Compilation.Create([], standardLibrary);
    }

    /// <summary>The current compilation.</summary>
    public Compilation Current => _current;

    /// <summary>Loads every <c>.twin</c> file below the workspace folders; open documents keep their editor text.</summary>
    public void LoadFolders(IEnumerable<string> folders, DocumentStore documents)
    {
        var loadDiagnostics = new DiagnosticBag();
        foreach (var folder in folders.Where(Directory.Exists))
        {
            foreach (var relative in SourceFolder.EnumerateSourceFiles(folder))
            {
                var path = Path.Combine(folder, relative);
                if (SourceFileReader.Read(path, path, loadDiagnostics) is { } text)
                {
                    _onDisk[path] = text;
                }
            }
        }

        var open = documents.All.ToDictionary(d => d.Text.Path, d => d.Text, StringComparer.Ordinal);
        var sources = _onDisk.Where(f => !open.ContainsKey(f.Key)).Select(f => f.Value).Concat(open.Values)
            .OrderBy(t => t.Path, StringComparer.Ordinal);
        _current = Compilation.Create(sources, _standardLibrary);
    }

    /// <summary>
    /// A workspace file changed on disk (created, saved by another tool, deleted). An open document keeps its
    /// editor text; otherwise the compilation takes the file's new text or drops it.
    /// </summary>
    public void FileChanged(string path, bool deleted, OpenDocument? open)
    {
        var diagnostics = new DiagnosticBag();
        if (!deleted && path.EndsWith(SourceFolder.Extension, StringComparison.Ordinal) && SourceFileReader.Read(path, path, diagnostics) is { } text)
        {
            _onDisk[path] = text;
        }
        else
        {
            _onDisk.Remove(path);
        }

        Update(path, open);
    }

    /// <summary>Brings one document's text into the compilation after it opened, changed or closed.</summary>
    public void Update(string path, OpenDocument? document)
    {
        if (document is not null)
        {
            _current = _current.WithSource(document.Text);
        }
        else if (_onDisk.TryGetValue(path, out var disk))
        {
            _current = _current.WithSource(disk);
        }
        else
        {
            _current = _current.RemoveSource(path);
        }
    }
}
