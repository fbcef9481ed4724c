using TwinLang.Binding;
using TwinLang.Compiler;
using TwinLang.Diagnostics;
using TwinLang.Runtime;

namespace TwinLang.Cli.Running;

/// <summary>
/// Turns an asset of a checked compilation into a runnable model. <c>twin run</c> is written against this
/// seam so it works with whatever code generation provides; tests pass hand-written models.
/// </summary>
public interface ITwinModelCompiler
{
    /// <summary>The model of <paramref name="asset"/>, or null after adding the reasons to <paramref name="diagnostics"/>.</summary>
    ITwinModel? Compile(Compilation compilation, AssetSymbol asset, ICollection<Diagnostic> diagnostics);
}

/// <summary>The compiler used until code generation can compile assets: it reports TW5515 for every asset.</summary>
public sealed class UnavailableModelCompiler : ITwinModelCompiler
{
    /// <summary>The one instance.</summary>
    public static UnavailableModelCompiler Instance { get; } = new();

    /// <inheritdoc />
    public ITwinModel? Compile(Compilation compilation, AssetSymbol asset, ICollection<Diagnostic> diagnostics)
    {
        var location = asset.Location ?? new SymbolLocation(new Text.SourceText(string.Empty), default);
        diagnostics.Add(DiagnosticCatalog.At(location.Source, location.Span).ModelNotCompiled(asset.Name, "code generation for assets is not available in this build yet."));
        return null;
    }
}
