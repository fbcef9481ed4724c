using System.Globalization;
using System.Text.Json;
using System.Xml;
using TwinLang.Binding;
using TwinLang.Syntax;
using TwinLang.Units;

namespace TwinLang.Emit.Interfaces;

/// <summary>
/// Writes the AAS V3.1 JSON <c>Environment</c> of an asset (docs/interfaces.md §4): one shell of kind Type, the
/// asset's submodel template with its members grouped into collections and components nested, and a
/// ConceptDescription (IEC 61360) for every semanticId the elements use.
/// </summary>
internal sealed class AasEmitter
{
    private const int IdShortLimit = 128;
    private const int TextLimit = 1023;
    private const string Iec61360 = "https://admin-shell.io/DataSpecificationTemplates/DataSpecificationIec61360/3/0";

    private static readonly (string Group, VariableKind Kind)[] Groups =
    [
        ("Parameters", VariableKind.Parameter),
        ("Constants", VariableKind.Constant),
        ("Inputs", VariableKind.Input),
        ("Outputs", VariableKind.Output),
        ("States", VariableKind.State),
        ("Discretes", VariableKind.Discrete),
    ];

    private readonly InterfaceContext _context;
    private readonly SortedDictionary<string, Concept> _concepts = new(StringComparer.Ordinal);
    private string _submodelId = string.Empty;

    public AasEmitter(InterfaceContext context) => _context = context;

    public void Write(Utf8JsonWriter json, AssetSymbol asset)
    {
        var (package, version) = PackageAndVersion(asset);
        _submodelId = $"urn:twinlang:submodel:{package}:{version}:{asset.Name}";
        var idShort = _context.Escape(asset, asset.Name, InterfaceNameTarget.Aas, IdShortLimit);

        json.WriteStartObject();
        json.WriteStartArray("assetAdministrationShells");
        json.WriteStartObject();
        json.WriteString("modelType", "AssetAdministrationShell");
        json.WriteString("id", $"urn:twinlang:shell:{package}:{version}:{asset.Name}");
        json.WriteString("idShort", idShort);
        json.WriteStartObject("assetInformation");
        json.WriteString("assetKind", "Type");
        json.WriteString("globalAssetId", $"urn:twinlang:asset:{package}:{version}:{asset.Name}");
        json.WriteEndObject();
        json.WriteStartArray("submodels");
        WriteModelReference(json, [("Submodel", _submodelId)]);
        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndArray();

        json.WriteStartArray("submodels");
        json.WriteStartObject();
        json.WriteString("modelType", "Submodel");
        json.WriteString("id", _submodelId);
        json.WriteString("idShort", idShort);
        WriteDescription(json, asset);
        WriteAdministration(json, asset);
        json.WriteString("kind", "Template");
        WriteSemanticId(json, "semanticId", TypeConcept(asset));
        var path = new List<(string, string)> { ("Submodel", _submodelId) };
        WriteMembers(json, "submodelElements", asset, instance: null, path);
        json.WriteEndObject();
        json.WriteEndArray();

        json.WriteStartArray("conceptDescriptions");
        foreach (var concept in _concepts.Values)
        {
            WriteConcept(json, concept);
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static (string Package, string Version) PackageAndVersion(Symbol symbol)
    {
        var package = InterfaceContext.PackageOf(symbol);
        return (package is { Name.Length: > 0 } ? package.Name : "local", package?.Version ?? "0");
    }

    private void WriteAdministration(Utf8JsonWriter json, AssetSymbol asset)
    {
        if (InterfaceContext.PackageOf(asset)?.Version is not { } version)
        {
            return;
        }

        var parts = version.Split('.', '-', '+');
        static bool Fits(string part) => part.Length is > 0 and <= 4 && part.All(char.IsAsciiDigit) && (part == "0" || part[0] != '0');
        if (parts.Length >= 2 && (!Fits(parts[0]) || !Fits(parts[1])))
        {
            _context.Report(asset, "aas-version", b => b.AasVersionTooLong(version));
        }

        if (parts.Length >= 1 && Fits(parts[0]))
        {
            json.WriteStartObject("administration");
            json.WriteString("version", parts[0]);
            if (parts.Length >= 2 && Fits(parts[1]))
            {
                json.WriteString("revision", parts[1]);
            }

            json.WriteEndObject();
        }

        json.WriteStartArray("extensions");
        json.WriteStartObject();
        json.WriteString("name", "twinlang:version");
        json.WriteString("valueType", "xs:string");
        json.WriteString("value", version);
        json.WriteEndObject();
        json.WriteEndArray();
    }

    /// <summary>Writes the groups of <paramref name="type"/> as an array property; nothing when every group is empty.</summary>
    private void WriteMembers(Utf8JsonWriter json, string property, StructuredTypeSymbol type, ComponentSymbol? instance, List<(string Type, string Value)> path)
    {
        var groups = new List<(string Name, List<Symbol> Members)>();
        foreach (var (group, kind) in Groups)
        {
            groups.Add((group, type.Variables.Where(v => v.VariableKind == kind).ToList<Symbol>()));
        }

        groups.Add(("Ports", type.Components.Where(c => c.IsPort).ToList<Symbol>()));
        groups.Add(("Components", type.Components.Where(c => !c.IsPort && c.ComponentType is not null).ToList<Symbol>()));
        groups.Add(("Couplings", (type as AssetSymbol)?.Couplings.Where(c => c.First is not null && c.Second is not null).ToList<Symbol>() ?? []));
        if (type is ConnectorSymbol)
        {
            groups = [("Variables", type.Variables.ToList<Symbol>())];
        }

        groups.RemoveAll(g => g.Members.Count == 0);
        if (groups.Count == 0)
        {
            return;
        }

        json.WriteStartArray(property);
        foreach (var (group, members) in groups)
        {
            json.WriteStartObject();
            json.WriteString("modelType", "SubmodelElementCollection");
            json.WriteString("idShort", group);
            WriteSemanticId(json, "semanticId", GroupConcept(group));
            json.WriteStartArray("value");
            var groupPath = path.Append(("SubmodelElementCollection", group)).ToList();
            foreach (var member in members)
            {
                switch (member)
                {
                    case VariableSymbol variable:
                        WriteVariable(json, variable, instance);
                        break;
                    case ComponentSymbol component:
                        WriteComponent(json, component, groupPath);
                        break;
                    case CouplingSymbol coupling:
                        WriteCoupling(json, coupling, path);
                        break;
                }
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private void WriteVariable(Utf8JsonWriter json, VariableSymbol variable, ComponentSymbol? instance)
    {
        var concept = VariableConcept(variable);
        var valueType = ValueType(variable.Type.ElementType);
        var start = variable.VariableKind is VariableKind.Output or VariableKind.Variable or VariableKind.Potential or VariableKind.Flow
            ? null
            : _context.StartOf(variable, instance);
        json.WriteStartObject();
        if (variable.Type is ArrayType array)
        {
            json.WriteString("modelType", "SubmodelElementList");
            json.WriteString("idShort", _context.Escape(variable, variable.Name, InterfaceNameTarget.Aas, IdShortLimit));
            WriteDescription(json, variable);
            WriteSemanticId(json, "semanticId", concept);
            WriteQualifiers(json, [("twinlang:shape", "xs:string", string.Join(' ', array.Sizes.Select(s => s?.ToString(CultureInfo.InvariantCulture) ?? "?")))]);
            json.WriteBoolean("orderRelevant", true);
            WriteSemanticId(json, "semanticIdListElement", concept);
            json.WriteString("typeValueListElement", "Property");
            json.WriteString("valueTypeListElement", valueType);
            if (array.ElementCount is > 0 and var count)
            {
                json.WriteStartArray("value");
                for (var i = 0; i < count; i++)
                {
                    json.WriteStartObject();
                    json.WriteString("modelType", "Property");
                    WriteSemanticId(json, "semanticId", concept);
                    json.WriteString("valueType", valueType);
                    WriteValue(json, variable, start);
                    json.WriteEndObject();
                }

                json.WriteEndArray();
            }
        }
        else
        {
            json.WriteString("modelType", "Property");
            json.WriteString("idShort", _context.Escape(variable, variable.Name, InterfaceNameTarget.Aas, IdShortLimit));
            WriteDescription(json, variable);
            WriteSemanticId(json, "semanticId", concept);
            var values = _context.Model.GetValues(variable);
            var qualifiers = new List<(string, string, string)>();
            if (values.Min is { } min && Lexical(variable, min) is { } minText)
            {
                qualifiers.Add(("twinlang:min", valueType, minText));
            }

            if (values.Max is { } max && Lexical(variable, max) is { } maxText)
            {
                qualifiers.Add(("twinlang:max", valueType, maxText));
            }

            WriteQualifiers(json, qualifiers);
            json.WriteString("valueType", valueType);
            WriteValue(json, variable, start);
        }

        json.WriteEndObject();
    }

    private static void WriteValue(Utf8JsonWriter json, VariableSymbol variable, ConstantValue? value)
    {
        if (value is { } known && Lexical(variable, known) is { } text)
        {
            json.WriteString("value", text);
        }
    }

    /// <summary>A value as the XSD lexical form of the element's valueType, in the member's declared unit.</summary>
    private static string? Lexical(VariableSymbol variable, ConstantValue value) => variable.Type.ElementType switch
    {
        BoolType => value.Boolean is { } b ? (b ? "true" : "false") : null,
        IntType => value.Boolean is null ? InterfaceContext.FormatLong(value.Number) : null,
        EnumType enumeration => enumeration.Symbol.Members.ElementAtOrDefault((int)value.Number - 1)?.Name,
        RealType => value.Boolean is null ? InterfaceContext.FormatDouble(variable.DisplayUnit is { IsError: false } unit ? unit.FromSi(value.Number) : value.Number) : null,
        _ => null,
    };

    private static string ValueType(TwinType type) => type switch
    {
        IntType => "xs:long",
        BoolType => "xs:boolean",
        StringType or EnumType => "xs:string",
        _ => "xs:double",
    };

    private void WriteComponent(Utf8JsonWriter json, ComponentSymbol component, List<(string Type, string Value)> path)
    {
        if (component.ComponentType is not { } type)
        {
            return;
        }

        var idShort = _context.Escape(component, component.Name, InterfaceNameTarget.Aas, IdShortLimit);
        var concept = TypeConcept(type);
        json.WriteStartObject();
        if (component.Type is ArrayType array)
        {
            json.WriteString("modelType", "SubmodelElementList");
            json.WriteString("idShort", idShort);
            WriteDescription(json, component);
            WriteSemanticId(json, "semanticId", concept);
            WriteQualifiers(json, [("twinlang:size", "xs:string", string.Join(' ', array.Sizes.Select(s => s?.ToString(CultureInfo.InvariantCulture) ?? "?")))]);
            json.WriteBoolean("orderRelevant", true);
            WriteSemanticId(json, "semanticIdListElement", concept);
            json.WriteString("typeValueListElement", "SubmodelElementCollection");
            if (array.ElementCount is > 0 and var count)
            {
                var listPath = path.Append(("SubmodelElementList", idShort)).ToList();
                json.WriteStartArray("value");
                for (var i = 0; i < count; i++)
                {
                    json.WriteStartObject();
                    json.WriteString("modelType", "SubmodelElementCollection");
                    WriteSemanticId(json, "semanticId", concept);
                    WriteMembers(json, "value", type, component, listPath);
                    json.WriteEndObject();
                }

                json.WriteEndArray();
            }
        }
        else
        {
            json.WriteString("modelType", "SubmodelElementCollection");
            json.WriteString("idShort", idShort);
            WriteDescription(json, component);
            WriteSemanticId(json, "semanticId", concept);
            if (component.IsPort)
            {
                WriteQualifiers(json, [("twinlang:connector", "xs:string", type.QualifiedName)]);
            }

            WriteMembers(json, "value", type, component, path.Append(("SubmodelElementCollection", idShort)).ToList());
        }

        json.WriteEndObject();
    }

    private void WriteCoupling(Utf8JsonWriter json, CouplingSymbol coupling, List<(string Type, string Value)> path)
    {
        json.WriteStartObject();
        json.WriteString("modelType", "RelationshipElement");
        json.WriteString("idShort", _context.Escape(coupling, coupling.Name, InterfaceNameTarget.Aas, IdShortLimit));
        WriteDescription(json, coupling);
        WriteSemanticId(json, "semanticId", MemberConcept(coupling, null));
        var steps = _context.Model.GetSteps(coupling);
        var qualifiers = new List<(string, string, string)>();
        if (steps.First is { } first)
        {
            qualifiers.Add(("twinlang:firstStep", "xs:duration", XmlConvert.ToString(TimeSpan.FromSeconds(first))));
        }

        if (steps.Second is { } second)
        {
            qualifiers.Add(("twinlang:secondStep", "xs:duration", XmlConvert.ToString(TimeSpan.FromSeconds(second))));
        }

        WriteQualifiers(json, qualifiers);
        foreach (var (property, side) in new[] { ("first", coupling.First), ("second", coupling.Second) })
        {
            if (side is null)
            {
                continue;
            }

            json.WritePropertyName(property);
            var kind = side.Type is ArrayType ? "SubmodelElementList" : "SubmodelElementCollection";
            var group = side.IsPort ? "Ports" : "Components";
            WriteModelReference(json, [.. path, ("SubmodelElementCollection", group), (kind, InterfaceNames.Escape(side.Name, InterfaceNameTarget.Aas))]);
        }

        json.WriteEndObject();
    }

    private static void WriteModelReference(Utf8JsonWriter json, IEnumerable<(string Type, string Value)> keys)
    {
        json.WriteStartObject();
        json.WriteString("type", "ModelReference");
        json.WriteStartArray("keys");
        foreach (var (type, value) in keys)
        {
            json.WriteStartObject();
            json.WriteString("type", type);
            json.WriteString("value", value);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteSemanticId(Utf8JsonWriter json, string property, string id)
    {
        json.WriteStartObject(property);
        json.WriteString("type", "ExternalReference");
        json.WriteStartArray("keys");
        json.WriteStartObject();
        json.WriteString("type", "GlobalReference");
        json.WriteString("value", id);
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteQualifiers(Utf8JsonWriter json, IReadOnlyList<(string Type, string ValueType, string Value)> qualifiers)
    {
        if (qualifiers.Count == 0)
        {
            return;
        }

        json.WriteStartArray("qualifiers");
        foreach (var (type, valueType, value) in qualifiers)
        {
            json.WriteStartObject();
            json.WriteString("type", type);
            json.WriteString("valueType", valueType);
            json.WriteString("value", value);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private void WriteDescription(Utf8JsonWriter json, Symbol symbol)
    {
        if (InterfaceContext.Documentation(symbol) is { } text)
        {
            WriteLangString(json, "description", _context.Limit(symbol, text, "AAS", TextLimit));
        }
    }

    private static void WriteLangString(Utf8JsonWriter json, string property, string text)
    {
        json.WriteStartArray(property);
        json.WriteStartObject();
        json.WriteString("language", "en");
        json.WriteString("text", text);
        json.WriteEndObject();
        json.WriteEndArray();
    }

    // Concepts: one ConceptDescription per semanticId used; @semantic ids are used as given (the concept then
    // carries that id), others are generated from the declaring type's identity so they are shared by every
    // instance of a component.
    private string TypeConcept(StructuredTypeSymbol type)
    {
        var (package, version) = PackageAndVersion(type);
        var id = type.SemanticId ?? $"urn:twinlang:{package}:{version}:{type.Name}";
        return AddConcept(id, type.Name, InterfaceContext.Documentation(type), null, null);
    }

    private string GroupConcept(string group) => AddConcept($"urn:twinlang:concept:{group}", group, null, null, null);

    private string VariableConcept(VariableSymbol variable)
    {
        var unit = variable.Type.ElementType is RealType && variable.DisplayUnit is { IsError: false } u && !u.Dimension.IsDimensionless ? u : null;
        var dataType = variable.Type.ElementType switch
        {
            IntType => "INTEGER_MEASURE",
            BoolType => "BOOLEAN",
            StringType or EnumType => "STRING",
            _ => "REAL_MEASURE",
        };
        return MemberConcept(variable, unit, dataType);
    }

    private string MemberConcept(Symbol member, Unit? unit, string? dataType = null)
    {
        var owner = member.Container ?? member;
        var (package, version) = PackageAndVersion(owner);
        var id = member.SemanticId ?? $"urn:twinlang:{package}:{version}:{owner.Name}:{member.Name}";
        return AddConcept(id, member.Name, InterfaceContext.Documentation(member), unit?.Symbol, dataType);
    }

    private string AddConcept(string id, string name, string? definition, string? unit, string? dataType)
    {
        _concepts.TryAdd(id, new Concept(id, name, definition, unit, dataType));
        return id;
    }

    private void WriteConcept(Utf8JsonWriter json, Concept concept)
    {
        json.WriteStartObject();
        json.WriteString("modelType", "ConceptDescription");
        json.WriteString("id", concept.Id);
        if (InterfaceNames.IsValid(concept.Name, InterfaceNameTarget.Aas) && !concept.Name.StartsWith(InterfaceNames.EscapePrefix, StringComparison.Ordinal))
        {
            json.WriteString("idShort", concept.Name);
        }

        json.WriteStartArray("embeddedDataSpecifications");
        json.WriteStartObject();
        json.WriteStartObject("dataSpecification");
        json.WriteString("type", "ExternalReference");
        json.WriteStartArray("keys");
        json.WriteStartObject();
        json.WriteString("type", "GlobalReference");
        json.WriteString("value", Iec61360);
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteStartObject("dataSpecificationContent");
        json.WriteString("modelType", "DataSpecificationIec61360");
        WriteLangString(json, "preferredName", concept.Name.Length <= 255 ? concept.Name : concept.Name[..255]);
        if (concept.Unit is { } unit)
        {
            json.WriteString("unit", unit);
        }

        if (concept.DataType is { } dataType)
        {
            json.WriteString("dataType", dataType);
        }

        if (concept.Definition is { } definition)
        {
            WriteLangString(json, "definition", definition.Length <= TextLimit ? definition : definition[..TextLimit]);
        }

        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private sealed record Concept(string Id, string Name, string? Definition, string? Unit, string? DataType);
}
