using System.Text.Json;
using TwinLang.Binding;
using TwinLang.Syntax;

namespace TwinLang.Emit.Interfaces;

/// <summary>
/// Writes the DTDL v3 document of an asset (docs/interfaces.md §3): a JSON array whose first Interface is the
/// asset's, followed by the Interface of every asset it uses as a DTDL Component, so the model is complete.
/// </summary>
internal sealed class DtdlEmitter
{
    private const string Context = "dtmi:dtdl:context;3";
    private const string QuantitativeTypes = "dtmi:dtdl:extension:quantitativeTypes;1";
    private const int NameLimit = 512;
    private const int IdLimit = 128;
    private const int TextLimit = 512;
    private const int MaxArrayNesting = 5;

    private readonly InterfaceContext _context;
    private readonly Dictionary<StructuredTypeSymbol, bool> _hasComponent = [];

    public DtdlEmitter(InterfaceContext context) => _context = context;

    public void Write(Utf8JsonWriter json, AssetSymbol asset)
    {
        var interfaces = new List<AssetSymbol> { asset };
        for (var i = 0; i < interfaces.Count; i++)
        {
            foreach (var component in ComponentMembers(interfaces[i]))
            {
                if (component.ComponentType is AssetSymbol type && !interfaces.Contains(type))
                {
                    interfaces.Add(type);
                }
            }
        }

        json.WriteStartArray();
        foreach (var type in interfaces)
        {
            WriteInterface(json, type);
        }

        json.WriteEndArray();
    }

    /// <summary>The DTMI of an asset: package segments, the asset name and the major version (docs/interfaces.md §3).</summary>
    public string Dtmi(AssetSymbol asset)
    {
        var package = InterfaceContext.PackageOf(asset);
        var segments = package is { Name.Length: > 0 }
            ? package.Name.Split('.').Select(s => InterfaceNames.Escape(s, InterfaceNameTarget.Dtdl)).ToList()
            : ["twinlang", "local"];
        segments.Add(InterfaceNames.Escape(asset.Name, InterfaceNameTarget.Dtdl));
        var id = "dtmi:" + string.Join(':', segments);
        var major = package?.Version?.Split('.')[0];
        if (major is { Length: > 0 } && major.All(char.IsAsciiDigit) && major.TrimStart('0').Length > 0)
        {
            id += ";" + major.TrimStart('0');
        }
        else if (package?.Version is { } version)
        {
            _context.Report(asset, "version", b => b.DtmiVersionUnavailable(version));
        }

        if (id.Length > IdLimit)
        {
            _context.Report(asset, "dtmi", b => b.InterfaceNameTooLong(asset.QualifiedName, "a DTMI", IdLimit));
        }

        return id;
    }

    private void WriteInterface(Utf8JsonWriter json, AssetSymbol asset)
    {
        var usesUnits = asset.Variables.Any(v => Publishes(v) && UnitPair(v) is not null) ||
            asset.Components.Any(c => c.IsPort && c.ComponentType is { } port && port.Variables.Any(v => UnitPair(v) is not null));
        json.WriteStartObject();
        if (usesUnits)
        {
            json.WriteStartArray("@context");
            json.WriteStringValue(Context);
            json.WriteStringValue(QuantitativeTypes);
            json.WriteEndArray();
        }
        else
        {
            json.WriteString("@context", Context);
        }

        json.WriteString("@id", Dtmi(asset));
        json.WriteString("@type", "Interface");
        json.WriteString("displayName", _context.Limit(asset, asset.Name, "DTDL", TextLimit));
        WriteDescription(json, asset);
        var package = InterfaceContext.PackageOf(asset);
        var comments = new List<string>();
        if (package?.Version is { } version)
        {
            comments.Add($"twinlang {package.Name} {version}");
        }

        if (asset.SemanticId is { } semantic)
        {
            comments.Add("semantic: " + semantic);
        }

        if (comments.Count > 0)
        {
            json.WriteString("comment", _context.Limit(asset, string.Join("; ", comments), "DTDL", TextLimit));
        }

        json.WriteStartArray("contents");
        foreach (var member in asset.AllMembers)
        {
            switch (member)
            {
                case VariableSymbol variable when Publishes(variable):
                    WriteVariable(json, variable);
                    break;
                case ComponentSymbol { IsPort: true } port:
                    WritePort(json, port);
                    break;
                case ComponentSymbol component:
                    WriteComponent(json, component);
                    break;
                case CouplingSymbol coupling:
                    WriteCoupling(json, coupling);
                    break;
            }
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static bool Publishes(VariableSymbol variable) => variable.VariableKind != VariableKind.Variable;

    private void WriteVariable(Utf8JsonWriter json, VariableSymbol variable)
    {
        json.WriteStartObject();
        var isTelemetry = variable.VariableKind is VariableKind.Output or VariableKind.State;
        WriteTypeAndUnit(json, variable, isTelemetry ? "Telemetry" : "Property");
        json.WriteString("name", _context.Escape(variable, variable.Name, InterfaceNameTarget.Dtdl, NameLimit));
        json.WritePropertyName("schema");
        WriteSchema(json, variable, variable.Type);
        if (!isTelemetry)
        {
            json.WriteBoolean("writable", variable.VariableKind is VariableKind.Parameter or VariableKind.Input);
        }

        WriteDescription(json, variable);
        json.WriteEndObject();
    }

    private void WriteTypeAndUnit(Utf8JsonWriter json, VariableSymbol variable, string type)
    {
        if (UnitPair(variable) is { } pair)
        {
            json.WriteStartArray("@type");
            json.WriteStringValue(type);
            json.WriteStringValue(pair.SemanticType);
            json.WriteEndArray();
            json.WriteString("unit", pair.Unit);
            return;
        }

        json.WriteString("@type", type);
        if (variable.DisplayUnit is { IsError: false } unit && !unit.Dimension.IsDimensionless)
        {
            _context.Report(variable, unit.Symbol, b => b.DtdlUnitUnavailable(unit.Symbol));
            json.WriteString("comment", "unit: " + unit.Symbol);
        }
    }

    private static (string SemanticType, string Unit)? UnitPair(VariableSymbol variable) =>
        variable.Type.ElementType is RealType && variable.DisplayUnit is { IsError: false } unit ? InterfaceUnits.DtdlUnit(unit) : null;

    private void WriteSchema(Utf8JsonWriter json, Symbol owner, TwinType type)
    {
        if (type is ArrayType array)
        {
            if (array.Rank > MaxArrayNesting)
            {
                _context.Report(owner, "rank", b => b.InterfaceArrayTooDeep(owner.Name, array.Rank));
            }

            for (var i = 0; i < array.Rank; i++)
            {
                json.WriteStartObject();
                json.WriteString("@type", "Array");
                json.WritePropertyName("elementSchema");
            }

            WriteSchema(json, owner, array.Element);
            for (var i = 0; i < array.Rank; i++)
            {
                json.WriteEndObject();
            }

            return;
        }

        switch (type)
        {
            case EnumType enumeration:
                json.WriteStartObject();
                json.WriteString("@type", "Enum");
                json.WriteString("valueSchema", "integer");
                json.WriteStartArray("enumValues");
                foreach (var item in enumeration.Symbol.Members)
                {
                    json.WriteStartObject();
                    json.WriteString("name", _context.Escape(item, item.Name, InterfaceNameTarget.Dtdl, NameLimit));
                    json.WriteNumber("enumValue", item.Ordinal + 1);
                    json.WriteEndObject();
                }

                json.WriteEndArray();
                json.WriteEndObject();
                break;
            case IntType:
                json.WriteStringValue("long");
                break;
            case BoolType:
                json.WriteStringValue("boolean");
                break;
            case StringType:
                json.WriteStringValue("string");
                break;
            default:
                json.WriteStringValue("double");
                break;
        }
    }

    private void WritePort(Utf8JsonWriter json, ComponentSymbol port)
    {
        json.WriteStartObject();
        json.WriteString("@type", "Telemetry");
        json.WriteString("name", _context.Escape(port, port.Name, InterfaceNameTarget.Dtdl, NameLimit));
        json.WritePropertyName("schema");
        var element = port.Type is ArrayType ? port.Type : null;
        for (var i = 0; i < (element as ArrayType)?.Rank; i++)
        {
            json.WriteStartObject();
            json.WriteString("@type", "Array");
            json.WritePropertyName("elementSchema");
        }

        json.WriteStartObject();
        json.WriteString("@type", "Object");
        json.WriteStartArray("fields");
        foreach (var field in port.ComponentType?.Variables ?? [])
        {
            json.WriteStartObject();
            if (UnitPair(field) is { } pair)
            {
                json.WriteStartArray("@type");
                json.WriteStringValue("Field");
                json.WriteStringValue(pair.SemanticType);
                json.WriteEndArray();
                json.WriteString("unit", pair.Unit);
            }
            else if (field.DisplayUnit is { IsError: false } unit && !unit.Dimension.IsDimensionless)
            {
                _context.Report(field, unit.Symbol, b => b.DtdlUnitUnavailable(unit.Symbol));
                json.WriteString("comment", "unit: " + unit.Symbol);
            }

            json.WriteString("name", _context.Escape(field, field.Name, InterfaceNameTarget.Dtdl, NameLimit));
            json.WritePropertyName("schema");
            WriteSchema(json, field, field.Type);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
        for (var i = 0; i < (element as ArrayType)?.Rank; i++)
        {
            json.WriteEndObject();
        }

        WriteDescription(json, port);
        json.WriteEndObject();
    }

    private void WriteComponent(Utf8JsonWriter json, ComponentSymbol component)
    {
        if (component.ComponentType is not AssetSymbol type)
        {
            return;
        }

        json.WriteStartObject();
        var name = _context.Escape(component, component.Name, InterfaceNameTarget.Dtdl, NameLimit);
        if (IsDtdlComponent(component))
        {
            json.WriteString("@type", "Component");
            json.WriteString("name", name);
            json.WriteString("schema", Dtmi(type));
        }
        else
        {
            json.WriteString("@type", "Relationship");
            json.WriteString("name", name);
            json.WriteString("target", Dtmi(type));
            if (component.Type is ArrayType array)
            {
                if (array.ElementCount is { } count)
                {
                    json.WriteNumber("maxMultiplicity", count);
                }

                json.WriteStartArray("properties");
                json.WriteStartObject();
                json.WriteString("@type", "Property");
                json.WriteString("name", "index");
                json.WriteString("schema", "integer");
                json.WriteEndObject();
                json.WriteEndArray();
            }
            else
            {
                json.WriteNumber("maxMultiplicity", 1);
            }

            json.WriteString("comment", "twinlang component");
        }

        WriteDescription(json, component);
        json.WriteEndObject();
    }

    private void WriteCoupling(Utf8JsonWriter json, CouplingSymbol coupling)
    {
        if (coupling.Second?.ComponentType is not AssetSymbol target)
        {
            return;
        }

        json.WriteStartObject();
        json.WriteString("@type", "Relationship");
        json.WriteString("name", _context.Escape(coupling, coupling.Name, InterfaceNameTarget.Dtdl, NameLimit));
        json.WriteString("target", Dtmi(target));
        json.WriteStartArray("properties");
        foreach (var end in new[] { "from", "to" })
        {
            json.WriteStartObject();
            json.WriteString("@type", "Property");
            json.WriteString("name", end);
            json.WriteString("schema", "string");
            json.WriteEndObject();
        }

        json.WriteEndArray();
        var steps = _context.Model.GetSteps(coupling);
        static string Step(double? seconds) => seconds is { } s ? $" (step {InterfaceContext.FormatDouble(s)} s)" : string.Empty;
        json.WriteString("comment", $"twinlang coupling {coupling.First?.Name}{Step(steps.First)} -> {coupling.Second.Name}{Step(steps.Second)}");
        WriteDescription(json, coupling);
        json.WriteEndObject();
    }

    private void WriteDescription(Utf8JsonWriter json, Symbol symbol)
    {
        if (InterfaceContext.Documentation(symbol) is { } text)
        {
            json.WriteString("description", _context.Limit(symbol, text, "DTDL", TextLimit));
        }
    }

    /// <summary>The scalar asset components that become DTDL Components (the others are Relationships).</summary>
    private IEnumerable<ComponentSymbol> ComponentMembers(AssetSymbol asset) =>
        asset.Components.Where(IsDtdlComponent);

    // DTDL allows one level of Components (RULES §4): a scalar component is a Component only when its own
    // Interface has none; decided bottom-up so every Interface is valid wherever it is used.
    private bool IsDtdlComponent(ComponentSymbol component) =>
        !component.IsPort && component.Type is not ArrayType && component.ComponentType is AssetSymbol type && !HasComponent(type);

    private bool HasComponent(StructuredTypeSymbol type)
    {
        if (_hasComponent.TryGetValue(type, out var known))
        {
            return known;
        }

        _hasComponent[type] = true; // a cycle (already an error) counts as deep
        var result = type.Components.Any(IsDtdlComponent);
        _hasComponent[type] = result;
        return result;
    }
}
