using TwinLang.Binding;
using TwinLang.Diagnostics;
using TwinLang.Emit.CSharp;
using TwinLang.Lowering;
using TwinLang.Runtime;
using TwinLang.Text;

namespace TwinLang.Compiler;

/// <summary>What to produce besides the assembly.</summary>
/// <param name="EmitCSharp">Keep the generated C# text in <see cref="TwinBuildResult.CSharp"/> (for <c>--emit-cs</c>).</param>
public sealed record TwinBuildOptions(bool EmitCSharp = false);

/// <summary>
/// The outcome of building one asset: the IR, the generated C#, the assembly and PDB, or the diagnostics
/// (lowering TW31xx, code generation TW40xx) that stopped the build.
/// </summary>
public sealed class TwinBuildResult
{
    private Type? _type;

    internal TwinBuildResult(IReadOnlyList<Diagnostic> diagnostics, IrModel? model, string? csharp, CompiledModel? compiled, string assemblyName)
    {
        Diagnostics = diagnostics;
        Model = model;
        CSharp = csharp;
        Assembly = compiled?.Assembly ?? [];
        Pdb = compiled?.Pdb ?? [];
        TypeName = compiled?.TypeName ?? string.Empty;
        AssemblyName = assemblyName;
    }

    /// <summary>True when an assembly was produced.</summary>
    public bool Success => Assembly.Length > 0 && !Diagnostics.Any(d => d.IsError);

    /// <summary>Diagnostics of lowering, sorting and code generation (binder diagnostics are the compilation's).</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    /// <summary>The lowered and sorted model, when lowering succeeded.</summary>
    public IrModel? Model { get; }

    /// <summary>The generated C# (when asked for, or always on success of code generation with <see cref="TwinBuildOptions.EmitCSharp"/>).</summary>
    public string? CSharp { get; }

    /// <summary>The assembly image (empty on failure).</summary>
    public byte[] Assembly { get; }

    /// <summary>The portable PDB with the generated C# embedded (empty on failure).</summary>
    public byte[] Pdb { get; }

    /// <summary>The full name of the generated model class, e.g. <c>TwinLang.Generated.Cell</c>.</summary>
    public string TypeName { get; }

    /// <summary>The assembly's simple name, e.g. <c>Cell</c>; files are named <c>{AssemblyName}.dll</c>/<c>.pdb</c>.</summary>
    public string AssemblyName { get; }

    /// <summary>Loads the assembly (once) into the current process and returns the model class.</summary>
    public Type LoadModelType()
    {
        if (_type is not null)
        {
            return _type;
        }

        if (!Success)
        {
            throw new InvalidOperationException("The build failed; there is no model type to load.");
        }

        var assembly = System.Reflection.Assembly.Load(Assembly, Pdb);
        _type = assembly.GetType(TypeName, throwOnError: true) ?? throw new InvalidOperationException($"Type {TypeName} is missing.");
        return _type;
    }

    /// <summary>Creates a fresh instance of the model with its default parameters and inputs.</summary>
    public ITwinModel CreateInstance() =>
        (ITwinModel)(Activator.CreateInstance(LoadModelType()) ?? throw new InvalidOperationException("Model constructor returned null."));
}

/// <summary>
/// Builds an asset of a checked compilation into a .NET assembly: lower (<see cref="ModelLowerer"/>), emit C#
/// (<see cref="CSharpModelEmitter"/>), compile with Roslyn (<see cref="CSharpModelCompiler"/>).
/// </summary>
public static class TwinBuilder
{
    /// <summary>
    /// Builds <paramref name="assetName"/> (a plain or package-qualified name) of <paramref name="model"/>.
    /// Refuses (with no diagnostics of its own) when the model has errors: nothing is emitted while an error exists.
    /// </summary>
    public static TwinBuildResult Build(SemanticModel model, string assetName, TwinBuildOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(assetName);
        options ??= new TwinBuildOptions();
        if (model.HasErrors)
        {
            return new TwinBuildResult([], null, null, null, assetName);
        }

        var asset = FindAsset(model, assetName);
        if (asset is null)
        {
            var source = model.Trees.Count > 0 ? model.Trees[0].Text : new SourceText(string.Empty);
            var candidates = string.Join(", ", UserAssets(model).Select(a => $"'{a.Name}'"));
            return new TwinBuildResult([DiagnosticCatalog.At(source, new TextSpan(0, 0)).UnknownAssetToBuild(assetName, candidates.Length == 0 ? "none" : candidates)], null, null, null, assetName);
        }

        var lowered = ModelLowerer.Lower(model, asset);
        if (lowered.Model is not { } ir)
        {
            return new TwinBuildResult(lowered.Diagnostics, null, null, null, asset.Name);
        }

        var csharp = CSharpModelEmitter.Emit(ir);
        if (csharp.HasErrors)
        {
            return new TwinBuildResult([.. lowered.Diagnostics, .. csharp.Diagnostics], ir, null, null, asset.Name);
        }

        var assemblyName = CSharpModelEmitter.ClassName(asset.Name);
        var anchor = new SourceDiagnosticAnchor(asset.Location?.Source ?? new SourceText(string.Empty), asset.Location?.Span ?? default);
        var compiled = CSharpModelCompiler.Compile(csharp, assemblyName, typeof(ITwinModel).Assembly.Location, assemblyName + ".g.cs", anchor);
        return new TwinBuildResult([.. lowered.Diagnostics, .. compiled.Diagnostics], ir, options.EmitCSharp || compiled.HasErrors ? csharp.Text : null, compiled.HasErrors ? null : compiled, assemblyName);
    }

    /// <summary>
    /// Builds <paramref name="assetName"/> of a compilation; when it is null, the one asset declared in the
    /// compilation's own files (TW3101 when there are none or several). Returns null result diagnostics-free when
    /// the compilation has errors (print <see cref="Compilation.Diagnostics"/> first).
    /// </summary>
    public static TwinBuildResult Build(Compilation compilation, string? assetName, TwinBuildOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(compilation);
        if (compilation.HasErrors || compilation.SemanticModel is not { } model)
        {
            return new TwinBuildResult([], null, null, null, assetName ?? string.Empty);
        }

        if (assetName is null)
        {
            var own = compilation.SyntaxTrees.Select(t => t.Text).ToHashSet();
            var candidates = model.Assets.Where(a => a.Location is { } l && own.Contains(l.Source)).ToList();
            if (candidates.Count != 1)
            {
                var source = compilation.SyntaxTrees.Length > 0 ? compilation.SyntaxTrees[0].Text : new SourceText(string.Empty);
                var names = string.Join(", ", candidates.Select(a => $"'{a.Name}'"));
                return new TwinBuildResult([DiagnosticCatalog.At(source, new TextSpan(0, 0)).UnknownAssetToBuild(string.Empty, names.Length == 0 ? "none" : names + " (choose one with --asset)")], null, null, null, string.Empty);
            }

            assetName = candidates[0].Name;
        }

        return Build(model, assetName, options);
    }

    /// <summary>
    /// Builds <paramref name="assetName"/> and creates an instance; null with the diagnostics when the build
    /// failed. The shortcut <c>twin run</c> uses.
    /// </summary>
    public static (ITwinModel? Model, TwinBuildResult Result) CreateModel(SemanticModel model, string assetName)
    {
        var result = Build(model, assetName);
        return (result.Success ? result.CreateInstance() : null, result);
    }

    /// <summary>The assets declared in the user's files (not the standard library), in file then declaration order.</summary>
    public static IReadOnlyList<AssetSymbol> UserAssets(SemanticModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return model.Assets
            .Where(a => a.Location is { } l && !l.Source.Path.Replace('\\', '/').Contains("/stdlib/", StringComparison.Ordinal))
            .OrderBy(a => a.Location?.Source.Path, StringComparer.Ordinal)
            .ThenBy(a => a.Location?.Span.Start)
            .ToList();
    }

    private static AssetSymbol? FindAsset(SemanticModel model, string name)
    {
        if (model.LookupQualified(name) is AssetSymbol qualified)
        {
            return qualified;
        }

        return model.Assets
            .Where(a => string.Equals(a.Name, name, StringComparison.Ordinal))
            .OrderBy(a => a.Location?.Source.Path, StringComparer.Ordinal)
            .FirstOrDefault();
    }
}
