using System.Collections.Concurrent;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Emit;
using Microsoft.CodeAnalysis.Text;
using TwinLang.Diagnostics;
using Diagnostic = TwinLang.Diagnostics.Diagnostic;

namespace TwinLang.Emit.CSharp;

/// <summary>A compiled model: the assembly and its portable PDB, or the diagnostics that stopped it.</summary>
public sealed record CompiledModel(byte[] Assembly, byte[] Pdb, string TypeName, IReadOnlyList<Diagnostic> Diagnostics, IReadOnlyList<string> CSharpWarnings)
{
    /// <summary>True when compilation failed (then the byte arrays are empty).</summary>
    public bool HasErrors => Diagnostics.Any(d => d.IsError);
}

/// <summary>
/// Compiles generated C# with Roslyn: Release, deterministic, portable PDB with the source embedded, against
/// the core library and the TwinLang runtime. Any C# error or warning is a compiler bug (TW9001); the generated
/// code is meant to compile with zero warnings.
/// </summary>
public static class CSharpModelCompiler
{
    private static readonly ConcurrentDictionary<string, MetadataReference> References = new(StringComparer.Ordinal);

    private static readonly string[] FrameworkAssemblies =
        ["System.Private.CoreLib", "System.Runtime", "System.Collections", "System.Memory", "netstandard", "System.Runtime.Extensions"];

    /// <summary>
    /// Compiles <paramref name="source"/> into an assembly named <paramref name="assemblyName"/>.
    /// <paramref name="runtimeAssemblyPath"/> is the TwinLang.Runtime assembly the model implements the contract of;
    /// <paramref name="sourcePath"/> is the file name recorded in the PDB (no directories, so builds are reproducible).
    /// </summary>
    public static CompiledModel Compile(CSharpModelSource source, string assemblyName, string runtimeAssemblyPath, string sourcePath, SourceDiagnosticAnchor anchor)
    {
        ArgumentNullException.ThrowIfNull(source);
        var text = SourceText.From(source.Text, Encoding.UTF8);
        var tree = CSharpSyntaxTree.ParseText(text, new CSharpParseOptions(LanguageVersion.Latest), path: sourcePath);
        var compilation = CSharpCompilation.Create(
            assemblyName,
            [tree],
            ReferencesFor(runtimeAssemblyPath),
            new CSharpCompilationOptions(
                OutputKind.DynamicallyLinkedLibrary,
                optimizationLevel: OptimizationLevel.Release,
                deterministic: true,
                nullableContextOptions: NullableContextOptions.Enable,
                warningLevel: 9999));
        using var peStream = new MemoryStream();
        using var pdbStream = new MemoryStream();
        var result = compilation.Emit(
            peStream,
            pdbStream,
            embeddedTexts: [EmbeddedText.FromSource(sourcePath, text)],
            options: new EmitOptions(debugInformationFormat: DebugInformationFormat.PortablePdb, pdbFilePath: Path.ChangeExtension(sourcePath, ".pdb")));
        var problems = result.Diagnostics
            .Where(d => d.Severity is Microsoft.CodeAnalysis.DiagnosticSeverity.Error or Microsoft.CodeAnalysis.DiagnosticSeverity.Warning)
            .Select(d => d.ToString())
            .Order(StringComparer.Ordinal)
            .ToList();
        if (!result.Success || problems.Count > 0)
        {
            var first = problems.FirstOrDefault() ?? "unknown error";
            return new CompiledModel([], [], source.TypeName, [DiagnosticCatalog.At(anchor.Source, anchor.Span).InternalError("code generation", "the generated C# did not compile: " + first)], problems);
        }

        return new CompiledModel(peStream.ToArray(), pdbStream.ToArray(), source.TypeName, [], []);
    }

    private static List<MetadataReference> ReferencesFor(string runtimeAssemblyPath)
    {
        var paths = ((AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") as string) ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Where(p => FrameworkAssemblies.Contains(Path.GetFileNameWithoutExtension(p), StringComparer.Ordinal))
            .Append(runtimeAssemblyPath)
            .Order(StringComparer.Ordinal);
        return paths.Select(p => References.GetOrAdd(p, path => MetadataReference.CreateFromFile(path))).ToList();
    }
}

/// <summary>Where to report a problem with generated code: the declaration of the asset being built.</summary>
public readonly record struct SourceDiagnosticAnchor(TwinLang.Text.SourceText Source, TwinLang.Text.TextSpan Span);
