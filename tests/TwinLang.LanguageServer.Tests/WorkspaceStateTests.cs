using TwinLang.Compiler;
using TwinLang.LanguageServer.Documents;
using TwinLang.LanguageServer.Workspace;
using TwinLang.Testing;

namespace TwinLang.LanguageServer.Tests;

public sealed class WorkspaceStateTests
{
    [Fact]
    public void LoadFolders_WorkspaceWithItsOwnStandardLibrary_ReplacesTheBundledCopy()
    {
        var state = new WorkspaceState(StandardLibrary.Default);

        state.LoadFolders([Path.Combine(Baseline.RepositoryRoot(), "stdlib")], new DocumentStore());

        Assert.NotEmpty(state.Current.Sources);
        Assert.Empty(state.Current.Diagnostics);
    }
}
