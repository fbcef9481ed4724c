using System.Text.Json;

namespace TwinLang.Interfaces.Validation.Tests;

/// <summary>One case of the official DTDL v3 conformance vectors (shared/schemas/dtdl/spec/*.json).</summary>
public sealed record DtdlSpecCase(string File, int Index, bool Valid, bool AllowUndefinedExtensions, IReadOnlyList<JsonElement> Documents, IReadOnlyList<string> UnresolvedIdentifiers)
{
    public string Name => $"{File}#{Index}";
}

/// <summary>
/// Loads the conformance vectors and decides which are in scope: the ones whose elements TwinLang's emitter
/// produces (Interface, Property, Telemetry, Command, Relationship, Component, primitive, Object/Enum/Array
/// schemas, semantic types and units) in strict mode — no Map, no geospatial schema, no nested DTDL v2
/// element, no undefined-extension option.
/// </summary>
public static class DtdlSpecVectors
{
    private static readonly HashSet<string> OutOfScopeClasses = new(StringComparer.Ordinal)
    {
        "Map", "MapKey", "MapValue",
        "dtmi:dtdl:class:Map;3", "dtmi:dtdl:class:MapKey;3", "dtmi:dtdl:class:MapValue;3",
        "dtmi:dtdl:class:Map;2", "dtmi:dtdl:class:MapKey;2", "dtmi:dtdl:class:MapValue;2",
    };

    private static readonly Lazy<IReadOnlyList<DtdlSpecCase>> LazyCases = new(Load);

    public static IReadOnlyList<DtdlSpecCase> All => LazyCases.Value;

    public static bool IsInScope(DtdlSpecCase specCase) =>
        !specCase.AllowUndefinedExtensions && specCase.Documents.All(IsInScope);

    private static bool IsInScope(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Object => value.EnumerateObject().All(p => IsInScopeMember(p.Name, p.Value)),
        JsonValueKind.Array => value.EnumerateArray().All(IsInScope),
        JsonValueKind.String => !IsGeospatial(value.GetString() ?? ""),
        _ => true,
    };

    private static bool IsInScopeMember(string name, JsonElement value)
    {
        if (name is "mapKey" or "mapValue" or "dtmi:dtdl:property:mapKey;3" or "dtmi:dtdl:property:mapValue;3")
        {
            return false;
        }

        if (name == "@type" && Strings(value).Any(OutOfScopeClasses.Contains))
        {
            return false;
        }

        if (name == "@context" && Strings(value).Any(c => c == "dtmi:dtdl:context;2"))
        {
            return false;
        }

        return IsInScope(value);
    }

    private static bool IsGeospatial(string text) =>
        text is "point" or "multiPoint" or "lineString" or "multiLineString" or "polygon" or "multiPolygon"
        || text.StartsWith("dtmi:standard:schema:geospatial:", StringComparison.Ordinal);

    private static IEnumerable<string> Strings(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => [value.GetString() ?? ""],
        JsonValueKind.Array => value.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString() ?? ""),
        _ => [],
    };

    private static IReadOnlyList<DtdlSpecCase> Load()
    {
        var cases = new List<DtdlSpecCase>();
        var folder = SharedSchemas.PathOf("dtdl", "spec");
        foreach (var path in Directory.GetFiles(folder, "*.json").Order(StringComparer.Ordinal))
        {
            // The files start with a UTF-8 BOM, which JsonDocument.Parse(string) accepts only once trimmed.
            using var document = JsonDocument.Parse(File.ReadAllText(path).TrimStart('\uFEFF'));
            var index = 0;
            foreach (var item in document.RootElement.EnumerateArray())
            {
                var options = item.GetProperty("options").EnumerateArray().Select(o => o.GetString()).ToList();
                var documents = item.GetProperty("input").EnumerateArray().Select(d => d.Clone()).ToList();
                var unresolved = item.TryGetProperty("expect", out var expect) && expect.TryGetProperty("unresolvedIdentifiers", out var ids)
                    ? ids.EnumerateArray().Select(i => i.GetString() ?? "").ToList()
                    : [];
                cases.Add(new DtdlSpecCase(
                    Path.GetFileName(path),
                    index++,
                    item.GetProperty("valid").GetBoolean(),
                    options.Contains("AllowUndefinedExtensions"),
                    documents,
                    unresolved));
            }
        }

        return cases;
    }
}
