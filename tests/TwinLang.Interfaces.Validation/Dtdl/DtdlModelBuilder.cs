using System.Text.Json;

namespace TwinLang.Interfaces.Validation.Dtdl;

/// <summary>
/// First pass of the DTDL validator: walks every document, checks each element on its own (context, @type,
/// @id, members and their value shapes, semantic types) and records the elements and dependent references
/// for the model-wide checks of <see cref="DtdlModelChecker"/>.
/// </summary>
internal sealed partial class DtdlModelBuilder
{
    private static readonly DtdlVocabulary Vocabulary = DtdlVocabulary.Instance;

    private readonly DtdlValidationOptions _options;
    private readonly List<Finding> _findings;

    public DtdlModelBuilder(DtdlValidationOptions options, List<Finding> findings)
    {
        _options = options;
        _findings = findings;
    }

    public List<DtdlElement> Elements { get; } = [];

    public List<DtdlElement> TopLevel { get; } = [];

    public List<(DtdlElement Owner, string Member, ReferenceValue Reference)> References { get; } = [];

    public void AddDocument(JsonElement root, string path)
    {
        switch (root.ValueKind)
        {
            case JsonValueKind.Object:
                AddTopLevel(root, path);
                break;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in root.EnumerateArray())
                {
                    if (item.ValueKind == JsonValueKind.Object)
                    {
                        AddTopLevel(item, $"{path}[{index}]");
                    }
                    else
                    {
                        Error(DtdlRules.RootShape, $"{path}[{index}]", "Expected every value of a root array to be an object.");
                    }

                    index++;
                }

                break;
            default:
                Error(DtdlRules.RootShape, path, $"Expected the document root to be an object or an array of objects but found {root.ValueKind}.");
                break;
        }
    }

    private void AddTopLevel(JsonElement json, string path)
    {
        if (ParseElement(json, path, ["Interface"], null, parent: null, "", ActiveContext.Empty, isTopLevel: true) is { } element)
        {
            TopLevel.Add(element);
        }
    }

    private DtdlElement? ParseElement(JsonElement json, string path, string[] expected, string? defaultClass, DtdlElement? parent, string member, ActiveContext parentContext, bool isTopLevel)
    {
        if (json.ValueKind != JsonValueKind.Object)
        {
            Error(DtdlRules.ElementClass, path, $"Expected a DTDL element ({string.Join(" or ", expected)}) but found {json.ValueKind}.");
            return null;
        }

        var context = ParseContext(json, path, parentContext, isTopLevel);
        var className = ParseClass(json, path, expected, defaultClass, isTopLevel, context.IsV2);
        if (className is null)
        {
            return null;
        }

        var element = new DtdlElement(json, path, className, parent, context, isTopLevel);
        Elements.Add(element);
        ParseCoTypes(element);
        ParseId(element, member);
        ParseMembers(element);
        CheckSemanticType(element);
        return element;
    }

    private ActiveContext ParseContext(JsonElement json, string path, ActiveContext parentContext, bool isTopLevel)
    {
        if (!json.TryGetProperty("@context", out var context))
        {
            if (isTopLevel)
            {
                Error(DtdlRules.TopLevelContext, path, $"A top-level element needs an @context including '{DtdlVocabulary.CoreContext}'.");
            }

            return parentContext;
        }

        var values = new List<string>();
        var contextPath = path + "/@context";
        switch (context.ValueKind)
        {
            case JsonValueKind.String:
                values.Add(context.GetString() ?? "");
                break;
            case JsonValueKind.Array:
                foreach (var item in context.EnumerateArray())
                {
                    if (item.ValueKind == JsonValueKind.String)
                    {
                        values.Add(item.GetString() ?? "");
                    }
                    else
                    {
                        Error(DtdlRules.ContextShape, contextPath, $"Expected every @context value to be a string but found {item.ValueKind}.");
                    }
                }

                break;
            default:
                Error(DtdlRules.ContextShape, contextPath, $"Expected @context to be a string or an array of strings but found {context.ValueKind}.");
                return parentContext;
        }

        var combined = new Dictionary<string, string>(parentContext.Values, StringComparer.Ordinal);
        var incomplete = parentContext.Incomplete;
        var seenNonCore = false;
        var deversioned = new HashSet<string>(StringComparer.Ordinal);
        foreach (var value in values)
        {
            if (!DtdlVocabulary.IsVersionedDtmi(value))
            {
                Error(DtdlRules.ContextShape, contextPath, $"Expected a DTMI with a version as @context value but found '{Clip(value)}'.");
                continue;
            }

            var key = DtdlVocabulary.Deversioned(value);
            if (!deversioned.Add(key))
            {
                Warn(DtdlRules.ContextShape, contextPath, $"The @context repeats '{key}'.");
            }

            var isCore = value.StartsWith("dtmi:dtdl:context;", StringComparison.Ordinal);
            if (value == DtdlVocabulary.CoreContext && seenNonCore)
            {
                Error(DtdlRules.ContextShape, contextPath, $"'{DtdlVocabulary.CoreContext}' must precede every extension context.");
            }

            seenNonCore |= !isCore;
            if (isCore)
            {
                if (value is not DtdlVocabulary.CoreContext and not DtdlVocabulary.CoreContextV2)
                {
                    Error(DtdlRules.ContextShape, contextPath, $"Unknown DTDL language version '{value}'.");
                }
            }
            else if (value != DtdlVocabulary.QuantitativeTypesContext)
            {
                if (_options.AllowUndefinedExtensions)
                {
                    incomplete = true;
                }
                else
                {
                    Error(DtdlRules.UndefinedExtension, contextPath, $"The extension context '{Clip(value)}' is not defined; only '{DtdlVocabulary.QuantitativeTypesContext}' is known.");
                }
            }

            combined[key] = value;
        }

        if (isTopLevel && !values.Contains(DtdlVocabulary.CoreContext, StringComparer.Ordinal))
        {
            Error(DtdlRules.TopLevelContext, contextPath, $"A top-level element's @context must include '{DtdlVocabulary.CoreContext}'.");
        }

        return new ActiveContext(combined, incomplete);
    }

    private string? ParseClass(JsonElement json, string path, string[] expected, string? defaultClass, bool isTopLevel, bool isV2)
    {
        if (!json.TryGetProperty("@type", out var type))
        {
            if (defaultClass is not null)
            {
                return defaultClass;
            }

            Error(DtdlRules.RequiredMember, path, $"Expected an @type naming one of {string.Join(", ", expected)}.");
            return null;
        }

        var types = StringsOf(type);
        if (types is null)
        {
            Error(DtdlRules.Type, path + "/@type", "Expected @type to be a string or an array of strings.");
            return null;
        }

        var classes = types.Select(t => ClassOf(t, isV2)).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        var chosen = classes.FirstOrDefault(c => expected.Contains(c, StringComparer.Ordinal));
        if (chosen is not null)
        {
            return chosen;
        }

        var rule = isTopLevel ? DtdlRules.TopLevelInterface : DtdlRules.ElementClass;
        var found = classes.Count > 0 ? string.Join(", ", classes) : string.Join(", ", types);
        Error(rule, path + "/@type", $"Expected an element of class {string.Join(" or ", expected)} but found '{Clip(found)}'.");
        return null;
    }

    /// <summary>The class a @type value names: a class term, or its DTMI (<c>dtmi:dtdl:class:X;3</c>, or <c>;2</c> in v2 elements).</summary>
    private static string? ClassOf(string type, bool isV2)
    {
        if (DtdlMetamodel.Classes.ContainsKey(type))
        {
            return type;
        }

        const string Prefix = "dtmi:dtdl:class:";
        if (type.StartsWith(Prefix, StringComparison.Ordinal))
        {
            var rest = type[Prefix.Length..];
            var name = rest.Split(';')[0];
            var version = rest.Contains(';', StringComparison.Ordinal) ? rest.Split(';')[1] : "";
            if (DtdlMetamodel.Classes.ContainsKey(name) && (version == "3" || (isV2 && version == "2")))
            {
                return name;
            }
        }

        return null;
    }

    private void ParseCoTypes(DtdlElement element)
    {
        if (!element.Json.TryGetProperty("@type", out var type) || StringsOf(type) is not { } types)
        {
            return;
        }

        var path = element.Path + "/@type";
        var classSeen = 0;
        foreach (var value in types)
        {
            var asClass = ClassOf(value, element.Context.IsV2);
            if (asClass == element.Class)
            {
                classSeen++;
                if (value != element.Class)
                {
                    Warn(DtdlRules.Style, path, $"Prefer the term '{element.Class}' over '{value}'.");
                }

                continue;
            }

            if (value.Contains(':', StringComparison.Ordinal) && !value.StartsWith("dtmi:", StringComparison.Ordinal))
            {
                Error(DtdlRules.Type, path, $"A @type value containing ':' must be a DTMI but found '{Clip(value)}'.");
            }
            else if (value.StartsWith("dtmi:", StringComparison.Ordinal) && !DtdlVocabulary.IsDtmi(value))
            {
                Error(DtdlRules.Type, path, $"The @type value '{Clip(value)}' starts with 'dtmi:' but is not a valid DTMI.");
            }
            else if (element.Context.HasQuantitativeTypes && Vocabulary.UnitsBySemanticType.ContainsKey(value))
            {
                element.SemanticTypes.Add(value);
                if (!Vocabulary.CoTypableClasses.Contains(element.Class))
                {
                    Error(DtdlRules.SemanticClass, path, $"The semantic type '{value}' may co-type Property, Telemetry, Field, MapValue, CommandRequest or CommandResponse, not {element.Class}.");
                }
            }
            else if (element.Context.Incomplete && !(element.Context.HasQuantitativeTypes && Vocabulary.ExtensionTerms.Contains(value)))
            {
                // An undefined extension might define or designate it: the element is informally co-typed ([S §Interface @type]).
                element.InformallyCoTyped = true;
            }
            else if (Vocabulary.UnitsBySemanticType.ContainsKey(value))
            {
                Error(DtdlRules.SemanticContext, path, $"The semantic type '{value}' needs '{DtdlVocabulary.QuantitativeTypesContext}' in the @context.");
            }
            else
            {
                Error(DtdlRules.UndefinedTerm, path, $"The @type value '{Clip(value)}' is not allowed on a {element.Class}.");
            }
        }

        if (classSeen > 1)
        {
            Warn(DtdlRules.Style, path, $"The @type names the class {element.Class} more than once.");
        }
    }

    private void ParseId(DtdlElement element, string member)
    {
        var path = element.Path + "/@id";
        if (!element.Json.TryGetProperty("@id", out var id))
        {
            if (element.Class == "Interface")
            {
                Error(DtdlRules.IdRequired, element.Path, "An Interface needs an @id.");
            }
            else if (member == "schemas")
            {
                Error(DtdlRules.IdRequired, element.Path, $"A {element.Class} in Interface 'schemas' needs an @id.");
            }

            return;
        }

        if (id.ValueKind != JsonValueKind.String)
        {
            Error(DtdlRules.Dtmi, path, $"Expected @id to be a DTMI string but found {id.ValueKind}.");
            return;
        }

        var value = id.GetString() ?? "";
        if (!DtdlVocabulary.IsDtmi(value))
        {
            Error(DtdlRules.Dtmi, path, $"Expected @id to be a DTMI but found '{Clip(value)}'.");
            return;
        }

        if (value.StartsWith("dtmi:dtdl:", StringComparison.Ordinal) || value.StartsWith("dtmi:standard:", StringComparison.Ordinal))
        {
            Error(DtdlRules.ReservedPrefix, path, $"The @id '{Clip(value)}' uses a reserved prefix ('dtmi:dtdl:' or 'dtmi:standard:').");
        }

        var limit = element.Class == "Interface" && !element.Context.IsV2 ? 128 : 2048;
        if (value.Length > limit)
        {
            Error(DtdlRules.IdLength, path, $"Expected an @id of at most {limit} characters for a {element.Class} but found {value.Length}.");
        }

        element.Id = value;
    }

    private void Error(string rule, string path, string message) => _findings.Add(new Finding(rule, path, message));

    private void Warn(string rule, string path, string message) => _findings.Add(new Finding(rule, path, message, FindingSeverity.Warning));

    private static List<string>? StringsOf(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => [value.GetString() ?? ""],
        JsonValueKind.Array when value.EnumerateArray().All(v => v.ValueKind == JsonValueKind.String) =>
            value.EnumerateArray().Select(v => v.GetString() ?? "").ToList(),
        _ => null,
    };

    private static string Clip(string text) => text.Length <= 80 ? text : text[..77] + "...";
}
