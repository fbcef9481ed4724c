namespace TwinLang.Interfaces.Validation.Dtdl;

/// <summary>What a member's value may be ([S §&lt;class&gt;] member lists).</summary>
internal enum MemberKind
{
    /// <summary>DTDL elements or dependent references, of the member's classes.</summary>
    Elements,

    /// <summary>A schema: a standard schema term/DTMI, or a complex schema element / dependent reference.</summary>
    Schema,

    /// <summary>A representational string.</summary>
    String,

    /// <summary>A representational integer.</summary>
    Integer,

    /// <summary>A representational boolean.</summary>
    Boolean,

    /// <summary>A localizable string.</summary>
    Localizable,

    /// <summary>A DTMI (non-dependent reference).</summary>
    Dtmi,

    /// <summary>One of a fixed set of strings.</summary>
    Fixed,

    /// <summary>Integer or string depending on the parent Enum's valueSchema.</summary>
    EnumLiteral,
}

/// <summary>How many values a member includes.</summary>
internal enum Count
{
    ExactlyOne,
    AtMostOne,
    Many,
}

internal sealed record MemberSpec(string Name, MemberKind Kind, Count Count, bool Required = false, string[]? Classes = null, string[]? FixedValues = null, bool NamePattern = false);

internal sealed record ClassSpec(string Name, bool TypeRequired, IReadOnlyDictionary<string, MemberSpec> Members);

/// <summary>The sixteen DTDL v3 element classes with their members, as listed in DTDL.Specification.v3.md.</summary>
internal static class DtdlMetamodel
{
    public static readonly string[] ContentClasses = ["Command", "Component", "Property", "Relationship", "Telemetry"];
    public static readonly string[] ComplexSchemaClasses = ["Array", "Enum", "Map", "Object"];

    public static readonly HashSet<string> PrimitiveSchemas = new(StringComparer.Ordinal)
    {
        "boolean", "date", "dateTime", "double", "duration", "float", "integer", "long", "string", "time",
    };

    public static readonly HashSet<string> GeospatialSchemas = new(StringComparer.Ordinal)
    {
        "point", "multiPoint", "lineString", "multiLineString", "polygon", "multiPolygon",
    };

    private static readonly MemberSpec[] Common =
    [
        new MemberSpec("comment", MemberKind.String, Count.AtMostOne),
        new MemberSpec("description", MemberKind.Localizable, Count.Many),
        new MemberSpec("displayName", MemberKind.Localizable, Count.Many),
    ];

    private static readonly MemberSpec Name = new MemberSpec("name", MemberKind.String, Count.ExactlyOne, Required: true, NamePattern: true);
    private static readonly MemberSpec SchemaMember = new MemberSpec("schema", MemberKind.Schema, Count.ExactlyOne, Required: true);

    public static readonly IReadOnlyDictionary<string, ClassSpec> Classes = new Dictionary<string, ClassSpec>(StringComparer.Ordinal)
    {
        ["Interface"] = Class("Interface", true,
            new MemberSpec("contents", MemberKind.Elements, Count.Many, Classes: ContentClasses),
            new MemberSpec("extends", MemberKind.Elements, Count.Many, Classes: ["Interface"]),
            new MemberSpec("schemas", MemberKind.Elements, Count.Many, Classes: ComplexSchemaClasses)),
        ["Telemetry"] = Class("Telemetry", true, Name, SchemaMember),
        ["Property"] = Class("Property", true, Name, SchemaMember, new MemberSpec("writable", MemberKind.Boolean, Count.AtMostOne)),
        ["Command"] = Class("Command", true, Name,
            new MemberSpec("commandType", MemberKind.Fixed, Count.AtMostOne, FixedValues: ["asynchronous", "synchronous", "dtmi:dtdl:instance:CommandType:asynchronous;3", "dtmi:dtdl:instance:CommandType:synchronous;3"]),
            new MemberSpec("request", MemberKind.Elements, Count.AtMostOne, Classes: ["CommandRequest"]),
            new MemberSpec("response", MemberKind.Elements, Count.AtMostOne, Classes: ["CommandResponse"])),
        ["CommandRequest"] = Class("CommandRequest", false, Name, SchemaMember),
        ["CommandResponse"] = Class("CommandResponse", false, Name, SchemaMember),
        ["Relationship"] = Class("Relationship", true, Name,
            new MemberSpec("maxMultiplicity", MemberKind.Integer, Count.AtMostOne),
            new MemberSpec("minMultiplicity", MemberKind.Integer, Count.AtMostOne),
            new MemberSpec("properties", MemberKind.Elements, Count.Many, Classes: ["Property"]),
            new MemberSpec("target", MemberKind.Dtmi, Count.AtMostOne),
            new MemberSpec("writable", MemberKind.Boolean, Count.AtMostOne)),
        ["Component"] = Class("Component", true, Name, new MemberSpec("schema", MemberKind.Elements, Count.ExactlyOne, Required: true, Classes: ["Interface"])),
        ["Array"] = Class("Array", true, new MemberSpec("elementSchema", MemberKind.Schema, Count.ExactlyOne, Required: true)),
        ["Enum"] = Class("Enum", true,
            new MemberSpec("valueSchema", MemberKind.Fixed, Count.ExactlyOne, Required: true, FixedValues: ["integer", "string", "dtmi:dtdl:instance:Schema:integer;3", "dtmi:dtdl:instance:Schema:integer;2", "dtmi:dtdl:instance:Schema:string;3", "dtmi:dtdl:instance:Schema:string;2"]),
            new MemberSpec("enumValues", MemberKind.Elements, Count.Many, Classes: ["EnumValue"])),
        ["EnumValue"] = Class("EnumValue", false, Name, new MemberSpec("enumValue", MemberKind.EnumLiteral, Count.ExactlyOne, Required: true)),
        ["Map"] = Class("Map", true,
            new MemberSpec("mapKey", MemberKind.Elements, Count.ExactlyOne, Required: true, Classes: ["MapKey"]),
            new MemberSpec("mapValue", MemberKind.Elements, Count.ExactlyOne, Required: true, Classes: ["MapValue"])),
        ["MapKey"] = Class("MapKey", false, Name,
            new MemberSpec("schema", MemberKind.Fixed, Count.ExactlyOne, Required: true, FixedValues: ["string", "dtmi:dtdl:instance:Schema:string;3", "dtmi:dtdl:instance:Schema:string;2"])),
        ["MapValue"] = Class("MapValue", false, Name, SchemaMember),
        ["Object"] = Class("Object", true, new MemberSpec("fields", MemberKind.Elements, Count.Many, Classes: ["Field"])),
        ["Field"] = Class("Field", false, Name, SchemaMember),
    };

    /// <summary>Members that count as "elementSchema or schema" hops for the depth limit of complex schemas.</summary>
    public static bool IsSchemaHop(string member) => member is "schema" or "elementSchema";

    /// <summary>Members whose values may be DTDL v2 elements nested in a v3 model ([S §Interface contents] etc.).</summary>
    public static bool AcceptsV2Elements(string member) => member is "contents" or "extends" or "schema" or "elementSchema" or "properties";

    private static ClassSpec Class(string name, bool typeRequired, params MemberSpec[] members) =>
        new(name, typeRequired, Common.Concat(members).ToDictionary(m => m.Name, StringComparer.Ordinal));
}
