using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Xml;
using TwinLang.Binding;
using TwinLang.Diagnostics;

namespace TwinLang.Emit.Interfaces;

/// <summary>One emitted interface document: its deterministic file name, the asset and format it describes, and its text.</summary>
public sealed record InterfaceDocument(string FileName, string AssetName, InterfaceFormats Format, string Content);

/// <summary>The documents and the emission diagnostics (TW46xx); no document when any error exists.</summary>
public sealed record InterfaceEmitResult(IReadOnlyList<InterfaceDocument> Documents, IReadOnlyList<Diagnostic> Diagnostics)
{
    /// <summary>True when an emission diagnostic is an error (and so nothing was emitted).</summary>
    public bool HasErrors => Diagnostics.Any(d => d.IsError);
}

/// <summary>
/// Publishes assets as DTDL v3, AAS V3.1 and FMI 3.0 interface documents (docs/interfaces.md), reading only the
/// semantic model. Output is byte-identical across runs: declaration order or ordinal order, invariant XSD
/// numbers, '\n' line ends, no timestamps.
/// </summary>
public static class InterfaceEmitter
{
    /// <summary>
    /// Emits <paramref name="formats"/> for every asset of <paramref name="assets"/>. Nothing is emitted when
    /// <paramref name="model"/> has an error (or <paramref name="hasErrors"/> says the compilation has one), nor
    /// when emission itself reports an error.
    /// </summary>
    public static InterfaceEmitResult Emit(SemanticModel model, IEnumerable<AssetSymbol> assets, InterfaceFormats formats, bool hasErrors = false)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(assets);
        if (hasErrors || model.HasErrors || model.Trees.Any(t => t.Diagnostics.Any(d => d.IsError)))
        {
            return new InterfaceEmitResult([], []);
        }

        var documents = new List<InterfaceDocument>();
        var diagnostics = new List<Diagnostic>();
        foreach (var asset in assets.OrderBy(a => a.QualifiedName, StringComparer.Ordinal))
        {
            foreach (var format in new[] { InterfaceFormats.Dtdl, InterfaceFormats.Aas, InterfaceFormats.Fmi })
            {
                if ((formats & format) == 0)
                {
                    continue;
                }

                var context = new InterfaceContext(model);
                var content = format switch
                {
                    InterfaceFormats.Dtdl => Json(json => new DtdlEmitter(context).Write(json, asset)),
                    InterfaceFormats.Aas => Json(json => new AasEmitter(context).Write(json, asset)),
                    _ => Xml(xml => new FmiEmitter(context).Write(xml, asset)),
                };
                documents.Add(new InterfaceDocument(FileName(asset, format), asset.QualifiedName, format, content));
                diagnostics.AddRange(context.Diagnostics);
            }
        }

        var distinct = diagnostics.Distinct().OrderBy(d => d.Path, StringComparer.Ordinal).ThenBy(d => d.Span.Start).ThenBy(d => d.Code, StringComparer.Ordinal).ToList();
        return new InterfaceEmitResult(distinct.Any(d => d.IsError) ? [] : documents, distinct);
    }

    /// <summary>The assets declared in the user's packages (not the standard library's), for emitting a whole compilation.</summary>
    public static IEnumerable<AssetSymbol> UserAssets(SemanticModel model) =>
        model.Assets.Where(a => InterfaceContext.PackageOf(a) is not { } package || !package.Name.StartsWith("std.", StringComparison.Ordinal));

    /// <summary>The file name of a document: the qualified asset name and the format's suffix.</summary>
    public static string FileName(AssetSymbol asset, InterfaceFormats format)
    {
        ArgumentNullException.ThrowIfNull(asset);
        return asset.QualifiedName + format switch
        {
            InterfaceFormats.Dtdl => ".dtdl.json",
            InterfaceFormats.Aas => ".aas.json",
            InterfaceFormats.Fmi => ".modelDescription.xml",
            _ => throw new ArgumentOutOfRangeException(nameof(format)),
        };
    }

    private static string Json(Action<Utf8JsonWriter> write)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, NewLine = "\n", Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            write(json);
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    private static string Xml(Action<XmlWriter> write)
    {
        using var stream = new MemoryStream();
        var settings = new XmlWriterSettings { Indent = true, IndentChars = "  ", NewLineChars = "\n", Encoding = new UTF8Encoding(false) };
        using (var xml = XmlWriter.Create(stream, settings))
        {
            xml.WriteStartDocument();
            write(xml);
            xml.WriteEndDocument();
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }
}
