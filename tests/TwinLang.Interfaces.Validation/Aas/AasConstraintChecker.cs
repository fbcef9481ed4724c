using System.Text.Json;

namespace TwinLang.Interfaces.Validation.Aas;

/// <summary>
/// The AAS metamodel constraints that matter for emitted documents and that the JSON schema cannot state:
/// unique identifiers, unique idShorts among siblings (AASd-022), idShort required outside lists (AASd-117)
/// and forbidden inside them (AASd-120), list element typing (AASd-108/109), unique qualifier types (AASd-021)
/// and extension names (AASd-077), value consistent with valueType (AASd-020, AAS-value-type),
/// revision requires version (AASd-005) and, in emitted-document mode, reference resolution.
/// </summary>
internal sealed class AasConstraintChecker
{
    private static readonly string[] IdentifiableLists = ["assetAdministrationShells", "submodels", "conceptDescriptions"];

    private readonly JsonElement _root;
    private readonly AasValidationOptions _options;
    private readonly List<Finding> _findings;
    private readonly Dictionary<string, JsonElement> _identifiables = new(StringComparer.Ordinal);
    private readonly HashSet<string> _conceptDescriptionIds = new(StringComparer.Ordinal);

    public AasConstraintChecker(JsonElement root, AasValidationOptions options, List<Finding> findings)
    {
        _root = root;
        _options = options;
        _findings = findings;
    }

    public void Check()
    {
        if (_root.ValueKind != JsonValueKind.Object)
        {
            return; // the schema already reported it
        }

        CollectIdentifiers();
        foreach (var listName in IdentifiableLists)
        {
            foreach (var (item, path) in Items(_root, listName, ""))
            {
                CheckReferable(item, path);
                CheckAdministration(item, path);
                if (TextOf(item, "modelType") == "Submodel")
                {
                    CheckSiblings(item, "submodelElements", path, inList: false);
                }

                if (TextOf(item, "modelType") == "AssetAdministrationShell")
                {
                    foreach (var (reference, refPath) in Items(item, "submodels", path))
                    {
                        CheckReferenceResolves(reference, refPath);
                    }
                }
            }
        }
    }

    private void CollectIdentifiers()
    {
        foreach (var listName in IdentifiableLists)
        {
            foreach (var (item, path) in Items(_root, listName, ""))
            {
                if (TextOf(item, "id") is not { } id)
                {
                    continue;
                }

                if (!_identifiables.TryAdd(id, item))
                {
                    Add("AAS-unique-id", path + "/id", $"The identifier '{id}' is used by more than one identifiable; identifiers must be globally unique.");
                }

                if (listName == "conceptDescriptions")
                {
                    _conceptDescriptionIds.Add(id);
                }
            }
        }
    }

    private void CheckSiblings(JsonElement parent, string member, string parentPath, bool inList)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (element, path) in Items(parent, member, parentPath))
        {
            var idShort = TextOf(element, "idShort");
            if (inList && idShort is not null)
            {
                Add("AASd-120", path + "/idShort", $"An element of a SubmodelElementList must not have an idShort but found '{idShort}'.");
            }
            else if (!inList && idShort is null)
            {
                Add("AASd-117", path, "A submodel element that is not in a SubmodelElementList must have an idShort.");
            }
            else if (!inList && idShort is not null && !seen.Add(idShort))
            {
                Add("AASd-022", path + "/idShort", $"The idShort '{idShort}' is used by more than one sibling element.");
            }

            CheckSubmodelElement(element, path);
        }
    }

    private void CheckSubmodelElement(JsonElement element, string path)
    {
        CheckReferable(element, path);
        switch (TextOf(element, "modelType"))
        {
            case "Property":
                CheckValue(element, "value", "valueType", path, "AAS-value-type");
                break;
            case "Range":
                CheckValue(element, "min", "valueType", path, "AAS-value-type");
                CheckValue(element, "max", "valueType", path, "AAS-value-type");
                break;
            case "SubmodelElementCollection":
                CheckSiblings(element, "value", path, inList: false);
                break;
            case "SubmodelElementList":
                CheckList(element, path);
                CheckSiblings(element, "value", path, inList: true);
                break;
            case "Entity":
                CheckSiblings(element, "statements", path, inList: false);
                break;
            case "AnnotatedRelationshipElement":
                CheckRelationshipEnds(element, path);
                CheckSiblings(element, "annotations", path, inList: false);
                break;
            case "RelationshipElement":
                CheckRelationshipEnds(element, path);
                break;
        }

        if (_options.RequireResolvedReferences && TextOf(element, "modelType") is "Property" or "Range" or "SubmodelElementCollection" or "RelationshipElement")
        {
            CheckSemanticIdNamesConcept(element, path);
        }
    }

    private void CheckList(JsonElement list, string path)
    {
        var expectedType = TextOf(list, "typeValueListElement");
        var expectedValueType = TextOf(list, "valueTypeListElement");
        foreach (var (item, itemPath) in Items(list, "value", path))
        {
            var modelType = TextOf(item, "modelType");
            if (expectedType is not null && expectedType != "SubmodelElement" && modelType is not null && modelType != expectedType)
            {
                Add("AASd-108", itemPath + "/modelType", $"Expected list elements of type '{expectedType}' but found '{modelType}'.");
            }

            var valueType = TextOf(item, "valueType");
            if (expectedValueType is not null && valueType is not null && valueType != expectedValueType)
            {
                Add("AASd-109", itemPath + "/valueType", $"Expected list elements with valueType '{expectedValueType}' but found '{valueType}'.");
            }
        }
    }

    private void CheckRelationshipEnds(JsonElement element, string path)
    {
        foreach (var end in new[] { "first", "second" })
        {
            if (element.TryGetProperty(end, out var reference))
            {
                CheckReferenceResolves(reference, path + "/" + end);
            }
        }
    }

    private void CheckReferable(JsonElement element, string path)
    {
        var qualifierTypes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (qualifier, qualifierPath) in Items(element, "qualifiers", path))
        {
            if (TextOf(qualifier, "type") is { } type && !qualifierTypes.Add(type))
            {
                Add("AASd-021", qualifierPath + "/type", $"The qualifier type '{type}' occurs more than once on one element.");
            }

            CheckValue(qualifier, "value", "valueType", qualifierPath, "AASd-020");
        }

        var extensionNames = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (extension, extensionPath) in Items(element, "extensions", path))
        {
            if (TextOf(extension, "name") is { } name && !extensionNames.Add(name))
            {
                Add("AASd-077", extensionPath + "/name", $"The extension name '{name}' occurs more than once on one element.");
            }

            CheckValue(extension, "value", "valueType", extensionPath, "AAS-value-type");
        }
    }

    private void CheckAdministration(JsonElement identifiable, string path)
    {
        if (identifiable.TryGetProperty("administration", out var administration)
            && administration.ValueKind == JsonValueKind.Object
            && administration.TryGetProperty("revision", out _)
            && !administration.TryGetProperty("version", out _))
        {
            Add("AASd-005", path + "/administration", "A revision requires a version.");
        }
    }

    private void CheckValue(JsonElement element, string valueMember, string typeMember, string path, string ruleId)
    {
        if (TextOf(element, valueMember) is { } value && TextOf(element, typeMember) is { } valueType && !XsdLexical.IsValid(valueType, value))
        {
            Add(ruleId, path + "/" + valueMember, $"Expected a value of type '{valueType}' but found '{Truncate(value)}'.");
        }
    }

    private void CheckSemanticIdNamesConcept(JsonElement element, string path)
    {
        if (!element.TryGetProperty("semanticId", out var semanticId))
        {
            Add("AAS-semanticId-concept", path, "An emitted element must carry a semanticId naming its ConceptDescription.");
            return;
        }

        var keys = Items(semanticId, "keys", path + "/semanticId").ToList();
        if (keys.Count != 1 || TextOf(keys[0].Item, "value") is not { } target || !_conceptDescriptionIds.Contains(target))
        {
            var shown = keys.Count > 0 ? TextOf(keys[0].Item, "value") ?? "" : "";
            Add("AAS-semanticId-concept", path + "/semanticId", $"Expected the semanticId to name one ConceptDescription of the environment but found '{Truncate(shown)}'.");
        }
    }

    private void CheckReferenceResolves(JsonElement reference, string path)
    {
        if (!_options.RequireResolvedReferences || TextOf(reference, "type") != "ModelReference")
        {
            return;
        }

        var keys = Items(reference, "keys", path).Select(k => (Type: TextOf(k.Item, "type") ?? "", Value: TextOf(k.Item, "value") ?? "")).ToList();
        if (keys.Count == 0)
        {
            return;
        }

        if (!_identifiables.TryGetValue(keys[0].Value, out var current) || TextOf(current, "modelType") != keys[0].Type)
        {
            Add("AAS-ref-resolves", path, $"The reference to {keys[0].Type} '{Truncate(keys[0].Value)}' does not resolve in this environment.");
            return;
        }

        foreach (var (type, value) in keys.Skip(1))
        {
            if (FindChild(current, value) is not { } child || TextOf(child, "modelType") != type)
            {
                Add("AAS-ref-resolves", path, $"The reference step {type} '{Truncate(value)}' does not resolve in this environment.");
                return;
            }

            current = child;
        }
    }

    private static JsonElement? FindChild(JsonElement parent, string key)
    {
        foreach (var member in new[] { "submodelElements", "value", "statements", "annotations" })
        {
            var index = 0;
            foreach (var (child, _) in Items(parent, member, ""))
            {
                var listIndexMatches = TextOf(parent, "modelType") == "SubmodelElementList" && key == index.ToString(System.Globalization.CultureInfo.InvariantCulture);
                if (TextOf(child, "idShort") == key || listIndexMatches)
                {
                    return child;
                }

                index++;
            }
        }

        return null;
    }

    private static IEnumerable<(JsonElement Item, string Path)> Items(JsonElement parent, string member, string parentPath)
    {
        if (parent.ValueKind != JsonValueKind.Object || !parent.TryGetProperty(member, out var array) || array.ValueKind != JsonValueKind.Array)
        {
            yield break;
        }

        var index = 0;
        foreach (var item in array.EnumerateArray())
        {
            if (item.ValueKind == JsonValueKind.Object)
            {
                yield return (item, $"{parentPath}/{member}/{index}");
            }

            index++;
        }
    }

    private static string? TextOf(JsonElement element, string member) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(member, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    private static string Truncate(string text) => text.Length <= 80 ? text : text[..77] + "...";

    private void Add(string ruleId, string path, string message) => _findings.Add(new Finding(ruleId, path, message));
}
