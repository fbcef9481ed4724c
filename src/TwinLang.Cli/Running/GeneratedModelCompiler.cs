using TwinLang.Binding;
using TwinLang.Compiler;
using TwinLang.Diagnostics;
using TwinLang.Runtime;

namespace TwinLang.Cli.Running;

/// <summary>
/// Compiles an asset through code generation (<see cref="TwinBuilder"/>: lower, emit C#, Roslyn) and creates
/// an instance of the generated model. A failed build has its own lowering (TW31xx) or emission (TW40xx) codes.
/// </summary>
public sealed class GeneratedModelCompiler : ITwinModelCompiler
{
    /// <summary>The one instance.</summary>
    public static GeneratedModelCompiler Instance { get; } = new();

    /// <inheritdoc />
    public ITwinModel? Compile(Compilation compilation, AssetSymbol asset, ICollection<Diagnostic> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(compilation);
        ArgumentNullException.ThrowIfNull(asset);
        if (compilation.SemanticModel is not { } model)
        {
            return null;
        }

        var (twin, result) = TwinBuilder.CreateModel(model, asset.QualifiedName);
        foreach (var diagnostic in result.Diagnostics)
        {
            diagnostics.Add(diagnostic);
        }

        return twin;
    }
}
