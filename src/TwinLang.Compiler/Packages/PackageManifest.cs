using System.Collections.Immutable;
using System.Text.Json;
using System.Text.RegularExpressions;
using TwinLang.Diagnostics;
using TwinLang.Packaging;
using TwinLang.Text;

namespace TwinLang.Compiler.Packages;

/// <summary>
/// A package's <c>twin.json</c>: <c>{"package": "energy.battery", "version": "1.2.0", "dependencies":
/// {"energy.cells": {"path": "../cells", "version": "^1.0.0"}}}</c>. Dependencies are local folders.
/// </summary>
public sealed partial record PackageManifest(string Package, SemanticVersion? Version, ImmutableArray<DependencyReference> Dependencies, string Folder, SourceText Text)
{
    /// <summary>The manifest's file name.</summary>
    public const string FileName = "twin.json";

    /// <summary>
    /// Reads the manifest in <paramref name="folder"/> (full path); <paramref name="displayFolder"/> names it in
    /// diagnostics. Returns null, with a diagnostic, when the file is unreadable or not JSON.
    /// </summary>
    public static PackageManifest? Read(string folder, string displayFolder, DiagnosticBag diagnostics)
    {
        var displayPath = SourceFolder.JoinDisplayPath(displayFolder, FileName);
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(Path.Combine(folder, FileName));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            diagnostics.Add(DiagnosticCatalog.At(new SourceText("", displayPath), default).FileUnreadable(displayPath, e.Message));
            return null;
        }

        var text = SourceFileReader.Decode(bytes, displayPath, diagnostics);
        var body = bytes.AsSpan(bytes.AsSpan().StartsWith(System.Text.Encoding.UTF8.Preamble) ? 3 : 0);
        PositionedJson json;
        try
        {
            json = PositionedJson.Parse(body, text);
        }
        catch (JsonException e)
        {
            diagnostics.Add(DiagnosticCatalog.At(text, PositionedJson.ErrorSpan(e, body, text)).MalformedJson(e.Message));
            return null;
        }

        return FromJson(json, folder, text, diagnostics);
    }

    private static PackageManifest FromJson(PositionedJson json, string folder, SourceText text, DiagnosticBag diagnostics)
    {
        if (json is not JsonObject root)
        {
            diagnostics.Add(DiagnosticCatalog.At(text, json.Span).InvalidManifestField("(root)", "an object"));
            return new PackageManifest("", null, [], folder, text);
        }

        var package = "";
        switch (root.Find("package")?.Value)
        {
            case JsonString name when PackageName().IsMatch(name.Value):
                package = name.Value;
                break;
            case { } other:
                diagnostics.Add(DiagnosticCatalog.At(text, other.Span).InvalidManifestField("package", "a dotted package name such as 'energy.battery'"));
                break;
            default:
                diagnostics.Add(DiagnosticCatalog.At(text, new TextSpan(root.Span.Start, 1)).InvalidManifestField("package", "present"));
                break;
        }

        var version = ReadVersion(root.Find("version"), root, text, diagnostics);
        var dependencies = ImmutableArray.CreateBuilder<DependencyReference>();
        switch (root.Find("dependencies")?.Value)
        {
            case null:
                break;
            case JsonObject entries:
                foreach (var entry in entries.Properties)
                {
                    if (ReadDependency(entry, text, diagnostics) is { } dependency)
                    {
                        dependencies.Add(dependency);
                    }
                }

                break;
            case { } other:
                diagnostics.Add(DiagnosticCatalog.At(text, other.Span).InvalidManifestField("dependencies", "an object"));
                break;
        }

        return new PackageManifest(package, version, dependencies.ToImmutable(), folder, text);
    }

    private static SemanticVersion? ReadVersion(JsonProperty? property, JsonObject root, SourceText text, DiagnosticBag diagnostics)
    {
        switch (property?.Value)
        {
            case JsonString value when SemanticVersion.TryParse(value.Value) is { } version:
                return version;
            case JsonString value:
                diagnostics.Add(DiagnosticCatalog.At(text, value.Span).InvalidVersion(value.Value));
                return null;
            case { } other:
                diagnostics.Add(DiagnosticCatalog.At(text, other.Span).InvalidManifestField("version", "a string such as \"1.2.0\""));
                return null;
            default:
                diagnostics.Add(DiagnosticCatalog.At(text, new TextSpan(root.Span.Start, 1)).InvalidManifestField("version", "present"));
                return null;
        }
    }

    private static DependencyReference? ReadDependency(JsonProperty entry, SourceText text, DiagnosticBag diagnostics)
    {
        var field = "dependencies." + entry.Name;
        if (entry.Value is not JsonObject body)
        {
            diagnostics.Add(DiagnosticCatalog.At(text, entry.Value.Span).InvalidManifestField(field, "an object with 'path' and 'version'"));
            return null;
        }

        if (body.Find("path")?.Value is not JsonString { Value.Length: > 0 } path)
        {
            diagnostics.Add(DiagnosticCatalog.At(text, body.Find("path")?.Value.Span ?? entry.NameSpan).InvalidManifestField(field + ".path", "a relative folder such as \"../cells\""));
            return null;
        }

        VersionRange? range = null;
        var rangeSpan = entry.NameSpan;
        switch (body.Find("version")?.Value)
        {
            case null:
                break;
            case JsonString value when VersionRange.TryParse(value.Value) is { } parsed:
                range = parsed;
                rangeSpan = value.Span;
                break;
            case JsonString value:
                diagnostics.Add(DiagnosticCatalog.At(text, value.Span).InvalidVersionRange(value.Value));
                return null;
            case { } other:
                diagnostics.Add(DiagnosticCatalog.At(text, other.Span).InvalidManifestField(field + ".version", "a string such as \"^1.0.0\""));
                return null;
        }

        return new DependencyReference(entry.Name, entry.NameSpan, path.Value, range, rangeSpan);
    }

    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$")]
    private static partial Regex PackageName();
}

/// <summary>One dependency of a manifest; the spans locate its name and version range in the manifest.</summary>
public sealed record DependencyReference(string Name, TextSpan NameSpan, string Path, VersionRange? Range, TextSpan RangeSpan);
