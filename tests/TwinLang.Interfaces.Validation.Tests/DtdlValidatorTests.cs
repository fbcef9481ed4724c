using System.Text.Json.Nodes;
using TwinLang.Interfaces.Validation.Dtdl;
using Xunit;

namespace TwinLang.Interfaces.Validation.Tests;

public sealed class DtdlValidatorTests
{
    private const string Thermostat = "dtdl/examples/Thermostat.json";
    private const string Building = "dtdl/examples/Building.json";
    private const string Sensor = "dtdl/examples/Sensor.quantitativeTypes.json";
    private const string Fields = "dtdl/examples/Sensor.quantitativeTypes.fields.json";
    private const string Reusable = "dtdl/examples/ReusableTypeExample.json";
    private const string Rooms = "dtdl/examples/Room.ConferenceRoom.json";

    public static readonly IReadOnlyDictionary<string, BrokenCopy> BrokenCopies = new Dictionary<string, BrokenCopy>(StringComparer.Ordinal)
    {
        ["NameEndsWithUnderscore"] = new(Thermostat, DtdlRules.Name, Mutation.Json(n => Content(n, 0)["name"] = "temp_")),
        ["NameWithHyphen"] = new(Thermostat, DtdlRules.Name, Mutation.Json(n => Content(n, 1)["name"] = "set-point")),
        ["DuplicateContentName"] = new(Thermostat, DtdlRules.NameUnique, Mutation.Json(n => Content(n, 1)["name"] = "temp")),
        ["InheritedNameClash"] = new(Rooms, DtdlRules.NameUnique, Mutation.Json(n => Content(n[1] ?? throw new InvalidDataException(), 0)["name"] = "occupied")),
        ["MinorVersionZero"] = new(Thermostat, DtdlRules.Dtmi, Mutation.Json(n => n["@id"] = "dtmi:com:example:Thermostat;1.0")),
        ["ReservedIdPrefix"] = new(Thermostat, DtdlRules.ReservedPrefix, Mutation.Json(n => n["@id"] = "dtmi:dtdl:example:Thermostat;1")),
        ["InterfaceIdOver128"] = new(Thermostat, DtdlRules.IdLength, Mutation.Json(n => n["@id"] = "dtmi:com:example:" + new string('a', 120) + ";1")),
        ["MissingContext"] = new(Thermostat, DtdlRules.TopLevelContext, Mutation.Json(n => n.AsObject().Remove("@context"))),
        ["ExtensionContextFirst"] = new(Sensor, DtdlRules.ContextShape, Mutation.Json(n => n["@context"] = new JsonArray("dtmi:dtdl:extension:quantitativeTypes;1", "dtmi:dtdl:context;3"))),
        ["UnknownExtensionContext"] = new(Sensor, DtdlRules.UndefinedExtension, Mutation.Json(n => n["@context"] = new JsonArray("dtmi:dtdl:context;3", "dtmi:com:example:extension;1"))),
        ["SemanticTypeWithoutExtension"] = new(Sensor, DtdlRules.SemanticContext, Mutation.Json(n => n["@context"] = "dtmi:dtdl:context;3")),
        ["UnitOfWrongQuantity"] = new(Sensor, DtdlRules.Unit, Mutation.Json(n => Content(n, 0)["unit"] = "millibar")),
        ["UnitSymbolInsteadOfName"] = new(Sensor, DtdlRules.Unit, Mutation.Json(n => Content(n, 3)["unit"] = "m/s")),
        ["SemanticTypeWithoutUnit"] = new(Sensor, DtdlRules.Unit, Mutation.Json(n => Content(n, 1).AsObject().Remove("unit"))),
        ["SemanticTypeOnStringSchema"] = new(Sensor, DtdlRules.NumericSchema, Mutation.Json(n => Content(n, 0)["schema"] = "string")),
        ["SemanticTypeOnInterface"] = new(Sensor, DtdlRules.SemanticClass, Mutation.Json(n => n["@type"] = new JsonArray("Interface", "Temperature"))),
        ["UnitOnUntypedTelemetry"] = new(Thermostat, DtdlRules.SemanticContext, Mutation.Json(n => Content(n, 0)["unit"] = "degreeCelsius")),
        ["UndefinedMember"] = new(Thermostat, DtdlRules.UndefinedTerm, Mutation.Json(n => Content(n, 1)["default"] = 21.5)),
        ["UnknownSchemaTerm"] = new(Thermostat, DtdlRules.Schema, Mutation.Json(n => Content(n, 0)["schema"] = "uint64")),
        ["MinMultiplicityOne"] = new(Building, DtdlRules.Multiplicity, Mutation.Json(n => Content(n, 1)["minMultiplicity"] = 1)),
        ["MaxMultiplicityZero"] = new(Building, DtdlRules.Multiplicity, Mutation.Json(n => Content(n, 1)["maxMultiplicity"] = 0)),
        ["RelationshipTargetNotDtmi"] = new(Building, DtdlRules.Target, Mutation.Json(n => Content(n, 1)["target"] = "urn:example:Room")),
        ["DescriptionOver512"] = new(Thermostat, DtdlRules.StringLength, Mutation.Json(n => n["description"] = new string('x', 513))),
        ["LowerCaseRegionLanguage"] = new(Thermostat, DtdlRules.Localizable, Mutation.Json(n => n["displayName"] = new JsonObject { ["en-us"] = "Thermostat" })),
        ["UnresolvedSchemaReference"] = new(Reusable, DtdlRules.Unresolved, Mutation.Json(n => Content(n, 1)["schema"] = "dtmi:com:example:missing;1")),
        ["UnresolvedExtends"] = new(Rooms, DtdlRules.Unresolved, Mutation.Json(n => (n[1] ?? throw new InvalidDataException())["extends"] = "dtmi:com:example:Floor;1")),
        ["SchemasEntryWithoutId"] = new(Reusable, DtdlRules.IdRequired, Mutation.Json(n => (n["schemas"]?[0] ?? throw new InvalidDataException()).AsObject().Remove("@id"))),
        ["DuplicateFieldName"] = new(Fields, DtdlRules.NameUnique, Mutation.Json(n =>
        {
            var fields = (n["contents"]?[0]?["schema"]?["fields"] ?? throw new InvalidDataException()).AsArray();
            fields.Add(fields[0]?.DeepClone());
        })),
        ["NestedComponent"] = new(Thermostat, DtdlRules.ComponentNesting, Mutation.Json(n => n["contents"]?.AsArray().Add(JsonNode.Parse("""
            { "@type": "Component", "name": "outer", "schema": { "@id": "dtmi:com:example:Outer;1", "@type": "Interface",
              "contents": [{ "@type": "Component", "name": "inner", "schema": { "@id": "dtmi:com:example:Inner;1", "@type": "Interface" } }] } }
            """)))),
        ["ComponentOfItself"] = new(Thermostat, DtdlRules.PathToSelf, Mutation.Json(n => n["contents"]?.AsArray().Add(JsonNode.Parse("""
            { "@type": "Component", "name": "me", "schema": "dtmi:com:example:Thermostat;1" }
            """)))),
        ["EnumDuplicateValue"] = new(Thermostat, DtdlRules.EnumValue, Mutation.Json(n => Content(n, 0)["schema"] = JsonNode.Parse("""
            { "@type": "Enum", "valueSchema": "integer", "enumValues": [{ "name": "off", "enumValue": 0 }, { "name": "on", "enumValue": 0 }] }
            """))),
        ["EnumValueOfWrongType"] = new(Thermostat, DtdlRules.EnumValue, Mutation.Json(n => Content(n, 0)["schema"] = JsonNode.Parse("""
            { "@type": "Enum", "valueSchema": "integer", "enumValues": [{ "name": "off", "enumValue": "zero" }] }
            """))),
        ["ArrayNestedTooDeep"] = new(Thermostat, DtdlRules.SchemaDepth, Mutation.Json(n => Content(n, 0)["schema"] = JsonNode.Parse("""
            { "@type": "Array", "elementSchema": { "@type": "Array", "elementSchema": { "@type": "Array", "elementSchema":
              { "@type": "Array", "elementSchema": { "@type": "Array", "elementSchema": { "@type": "Array", "elementSchema": "double" } } } } } }
            """))),
    };

    private readonly DtdlValidator _validator = new();

    public static TheoryData<string> BrokenCopyNames() => Mutation.Names(BrokenCopies);

    [Theory]
    [MemberData(nameof(OfficialExamples.Dtdl), MemberType = typeof(OfficialExamples))]
    public void Validate_OfficialExample_HasNoFindings(string path)
    {
        var findings = _validator.Validate(OfficialExamples.Read(path));

        Assert.Empty(findings);
    }

    [Fact]
    public void Validate_UnchangedRoundTrip_HasNoFindings()
    {
        // Guards the broken-copy tests: the mutation helper alone must not introduce findings.
        var findings = _validator.Validate(Mutation.Json(_ => { })(OfficialExamples.Read(Thermostat)));

        Assert.Empty(findings);
    }

    [Theory]
    [MemberData(nameof(BrokenCopyNames))]
    public void Validate_BrokenCopy_ReportsExpectedRule(string name)
    {
        var copy = BrokenCopies[name];
        var findings = _validator.Validate(copy.Break(OfficialExamples.Read(copy.Source)));

        Assert.Contains(findings, f => f.RuleId == copy.ExpectedRule && f.Severity == FindingSeverity.Error);
    }

    [Fact]
    public void ValidateModel_InterfacesInSeparateDocuments_ResolvesAcrossDocuments()
    {
        var rooms = JsonNode.Parse(OfficialExamples.Read(Rooms))?.AsArray() ?? throw new InvalidDataException();

        var findings = _validator.ValidateModel([rooms[0]?.ToJsonString() ?? "", rooms[1]?.ToJsonString() ?? ""]);

        Assert.Empty(findings);
    }

    [Fact]
    public void Validate_DtmiFormTerms_WarnsButAccepts()
    {
        var findings = _validator.Validate(Mutation.Json(n => Content(n, 0)["schema"] = "dtmi:dtdl:instance:Schema:double;3")(OfficialExamples.Read(Thermostat)));

        Assert.False(findings.HasErrors());
        Assert.Contains(findings, f => f.RuleId == DtdlRules.Style && f.Severity == FindingSeverity.Warning);
    }

    [Fact]
    public void Validate_DuplicateJsonMember_ReportsIt()
    {
        var json = OfficialExamples.Read(Thermostat).Replace("\"name\": \"temp\",", "\"name\": \"temp\", \"name\": \"temp2\",", StringComparison.Ordinal);

        var findings = _validator.Validate(json);

        Assert.Contains(findings, f => f.RuleId == DtdlRules.DuplicateMember);
    }

    [Fact]
    public void Validate_MoreThan100000Contents_ReportsContentsCount()
    {
        var findings = _validator.Validate(InterfaceWithProperties(100_001, description: ""));

        Assert.Contains(findings, f => f.RuleId == DtdlRules.ContentsCount);
    }

    [Fact]
    public void Validate_InterfaceOver1MiB_ReportsInterfaceSize()
    {
        var findings = _validator.Validate(InterfaceWithProperties(2_500, description: new string('d', 500)));

        Assert.Contains(findings, f => f.RuleId == DtdlRules.InterfaceSize);
        Assert.DoesNotContain(findings, f => f.RuleId == DtdlRules.ContentsCount);
    }

    [Theory]
    [InlineData("")]
    [InlineData("42")]
    [InlineData("{ \"@context\": ")]
    public void Validate_NotAModel_ReportsWithoutThrowing(string json)
    {
        var findings = _validator.Validate(json);

        Assert.True(findings.HasErrors());
    }

    private static string InterfaceWithProperties(int count, string description)
    {
        var contents = new JsonArray();
        for (var i = 0; i < count; i++)
        {
            var property = new JsonObject { ["@type"] = "Property", ["name"] = $"p{i}", ["schema"] = "double" };
            if (description.Length > 0)
            {
                property["description"] = description;
            }

            contents.Add(property);
        }

        return new JsonObject
        {
            ["@context"] = "dtmi:dtdl:context;3",
            ["@id"] = "dtmi:com:example:Large;1",
            ["@type"] = "Interface",
            ["contents"] = contents,
        }.ToJsonString();
    }

    private static JsonNode Content(JsonNode @interface, int index) =>
        @interface["contents"]?[index] ?? throw new InvalidDataException($"No contents[{index}].");
}
