using TwinLang.Binding;
using TwinLang.Compiler;
using TwinLang.Diagnostics;
using TwinLang.Runtime;

namespace TwinLang.Cli.Running;

/// <summary>
/// Turns an asset of a checked compilation into a runnable model. <c>twin run</c> is written against this
/// seam; the default is <see cref="GeneratedModelCompiler"/>, tests may pass hand-written models.
/// </summary>
public interface ITwinModelCompiler
{
    /// <summary>The model of <paramref name="asset"/>, or null after adding the reasons to <paramref name="diagnostics"/>.</summary>
    ITwinModel? Compile(Compilation compilation, AssetSymbol asset, ICollection<Diagnostic> diagnostics);
}
