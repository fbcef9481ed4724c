namespace TwinLang.LanguageServer.Tests;

/// <summary>A temporary folder of <c>.twin</c> files, deleted on dispose.</summary>
public sealed class TempWorkspace : IDisposable
{
    public TempWorkspace(params (string Name, string Text)[] files)
    {
        Root = Path.Combine(Path.GetTempPath(), "twin-lsp-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
        foreach (var (name, text) in files)
        {
            var path = PathOf(name);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, text);
        }
    }

    public string Root { get; }

    public string PathOf(string name) => Path.Combine(Root, name);

    public string UriOf(string name) => LspTestClient.UriOf(PathOf(name));

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
