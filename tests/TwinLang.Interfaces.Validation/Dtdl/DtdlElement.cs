using System.Text.Json;

namespace TwinLang.Interfaces.Validation.Dtdl;

/// <summary>The active context of an element ([S §Context]): de-versioned DTMI → DTMI, lowest definition wins.</summary>
internal sealed record ActiveContext(IReadOnlyDictionary<string, string> Values, bool Incomplete)
{
    public static ActiveContext Empty { get; } = new(new Dictionary<string, string>(StringComparer.Ordinal), false);

    public bool HasQuantitativeTypes => Values.Values.Contains(DtdlVocabulary.QuantitativeTypesContext, StringComparer.Ordinal);

    public bool IsV2 => Values.TryGetValue("dtmi:dtdl:context", out var core) && core == DtdlVocabulary.CoreContextV2;
}

/// <summary>A member value after parsing: a nested element, a dependent reference, a standard-schema term or a literal.</summary>
internal abstract record DtdlValue(string Path);

internal sealed record ElementValue(DtdlElement Element, string Path) : DtdlValue(Path);

internal sealed record ReferenceValue(string Dtmi, string[] Classes, string Path) : DtdlValue(Path);

internal sealed record TermValue(string Term, string Path) : DtdlValue(Path);

internal sealed record LiteralValue(JsonElement Json, string Path) : DtdlValue(Path);

/// <summary>One DTDL element of a model, with its structural position and its parsed members.</summary>
internal sealed class DtdlElement
{
    public DtdlElement(JsonElement json, string path, string className, DtdlElement? parent, ActiveContext context, bool isTopLevel)
    {
        Json = json;
        Path = path;
        Class = className;
        Parent = parent;
        Context = context;
        IsTopLevel = isTopLevel;
        Partition = isTopLevel || className == "Interface" || parent is null ? this : parent.Partition;
    }

    public JsonElement Json { get; }

    public string Path { get; }

    public string Class { get; }

    public DtdlElement? Parent { get; }

    public DtdlElement Partition { get; }

    public ActiveContext Context { get; }

    public bool IsTopLevel { get; }

    public string? Id { get; set; }

    public List<string> SemanticTypes { get; } = [];

    public bool InformallyCoTyped { get; set; }

    public Dictionary<string, List<DtdlValue>> Members { get; } = new(StringComparer.Ordinal);

    public IEnumerable<DtdlValue> ValuesOf(string member) => Members.TryGetValue(member, out var values) ? values : [];

    public string? StringOf(string member) =>
        ValuesOf(member).OfType<LiteralValue>().Select(v => v.Json).FirstOrDefault(j => j.ValueKind == JsonValueKind.String) is { ValueKind: JsonValueKind.String } s
            ? s.GetString()
            : null;

    public string Describe => Id is null ? $"{Class} at '{Path}'" : $"{Class} '{Id}'";
}
