using System.Text.Json.Nodes;
using TwinLang.Interfaces.Validation.Aas;
using Xunit;

namespace TwinLang.Interfaces.Validation.Tests;

public sealed class AasValidatorTests
{
    private const string PropertyExample = "aas/examples/generated/Property/maximal.json";
    private const string CollectionExample = "aas/examples/generated/SubmodelElementCollection/maximal.json";
    private const string SubmodelExample = "aas/examples/generated/Submodel/maximal.json";
    private const string RelationshipExample = "aas/examples/generated/RelationshipElement/maximal.json";

    /// <summary>The shape TwinLang's AAS emitter targets (docs/interfaces.md): concepts for every element, resolvable references.</summary>
    private const string EmittedStyleEnvironment = """
        {
          "submodels": [{
            "modelType": "Submodel", "id": "urn:twinlang:energy.battery:1.2.0:Cell", "idShort": "Cell", "kind": "Template",
            "administration": { "version": "1", "revision": "2" },
            "submodelElements": [
              { "modelType": "SubmodelElementCollection", "idShort": "Parameters",
                "semanticId": { "type": "ExternalReference", "keys": [{ "type": "GlobalReference", "value": "urn:twinlang:concept:Parameters" }] },
                "value": [
                  { "modelType": "Property", "idShort": "capacity", "valueType": "xs:double", "value": "9000",
                    "semanticId": { "type": "ExternalReference", "keys": [{ "type": "GlobalReference", "value": "urn:twinlang:energy.battery:1.2.0:Cell:capacity" }] } }
                ] },
              { "modelType": "RelationshipElement", "idShort": "coupling_thermal",
                "semanticId": { "type": "ExternalReference", "keys": [{ "type": "GlobalReference", "value": "urn:twinlang:concept:Coupling" }] },
                "first": { "type": "ModelReference", "keys": [{ "type": "Submodel", "value": "urn:twinlang:energy.battery:1.2.0:Cell" }, { "type": "SubmodelElementCollection", "value": "Parameters" }, { "type": "Property", "value": "capacity" }] },
                "second": { "type": "ModelReference", "keys": [{ "type": "Submodel", "value": "urn:twinlang:energy.battery:1.2.0:Cell" }] } }
            ]
          }],
          "conceptDescriptions": [
            { "modelType": "ConceptDescription", "id": "urn:twinlang:concept:Parameters", "idShort": "Parameters" },
            { "modelType": "ConceptDescription", "id": "urn:twinlang:concept:Coupling", "idShort": "Coupling" },
            { "modelType": "ConceptDescription", "id": "urn:twinlang:energy.battery:1.2.0:Cell:capacity", "idShort": "capacity",
              "embeddedDataSpecifications": [{
                "dataSpecification": { "type": "ExternalReference", "keys": [{ "type": "GlobalReference", "value": "https://admin-shell.io/DataSpecificationTemplates/DataSpecificationIEC61360/3" }] },
                "dataSpecificationContent": { "modelType": "DataSpecificationIec61360",
                  "preferredName": [{ "language": "en", "text": "capacity" }], "unit": "C", "dataType": "REAL_MEASURE",
                  "definition": [{ "language": "en", "text": "nominal capacity" }] } }] }
          ]
        }
        """;

    public static readonly IReadOnlyDictionary<string, BrokenCopy> BrokenCopies = new Dictionary<string, BrokenCopy>(StringComparer.Ordinal)
    {
        ["SingleLetterIdShort"] = new(PropertyExample, "AAS-schema:", Mutation.Json(n => FirstElement(n)["idShort"] = "h")),
        ["EmptySubmodelElements"] = new(SubmodelExample, "AAS-schema:", Mutation.Json(n => Submodel(n)["submodelElements"] = new JsonArray())),
        ["NumericJsonValue"] = new(PropertyExample, "AAS-schema:", Mutation.Json(n => FirstElement(n)["value"] = 1.5)),
        ["DecimalValueNotANumber"] = new(PropertyExample, "AAS-value-type", Mutation.Json(n => FirstElement(n)["value"] = "1,5")),
        ["IntValueOutOfRange"] = new(PropertyExample, "AAS-value-type", Mutation.Json(n =>
        {
            FirstElement(n)["valueType"] = "xs:int";
            FirstElement(n)["value"] = "2147483648";
        })),
        ["DuplicateSiblingIdShort"] = new(CollectionExample, "AASd-022", Mutation.Json(n =>
        {
            var elements = Submodel(n)["submodelElements"]?.AsArray() ?? throw new InvalidDataException();
            elements.Add(elements[0]?.DeepClone());
        })),
        ["MissingIdShort"] = new(PropertyExample, "AASd-117", Mutation.Json(n => FirstElement(n).AsObject().Remove("idShort"))),
        ["DuplicateSubmodelId"] = new(SubmodelExample, "AAS-unique-id", Mutation.Json(n => n["submodels"]?.AsArray().Add(Submodel(n).DeepClone()))),
        ["DuplicateQualifierType"] = new(PropertyExample, "AASd-021", Mutation.Json(n =>
        {
            var qualifiers = FirstElement(n)["qualifiers"]?.AsArray() ?? throw new InvalidDataException();
            qualifiers.Add(qualifiers[0]?.DeepClone());
        })),
        ["QualifierValueNotLong"] = new(PropertyExample, "AASd-020", Mutation.Json(n => (FirstElement(n)["qualifiers"]?[0] ?? throw new InvalidDataException())["value"] = "many")),
        ["RevisionWithoutVersion"] = new(SubmodelExample, "AASd-005", Mutation.Json(n => Submodel(n)["administration"] = new JsonObject { ["revision"] = "1" })),
    };

    private readonly AasValidator _validator = new();

    public static TheoryData<string> BrokenCopyNames() => Mutation.Names(BrokenCopies);

    [Theory]
    [MemberData(nameof(OfficialExamples.Aas), MemberType = typeof(OfficialExamples))]
    public void Validate_OfficialExample_HasNoFindings(string path)
    {
        var findings = _validator.Validate(OfficialExamples.Read(path));

        Assert.Empty(findings);
    }

    [Fact]
    public void Validate_UnchangedRoundTrip_HasNoFindings()
    {
        // Guards the broken-copy tests: the mutation helper alone must not introduce findings.
        var findings = _validator.Validate(Mutation.Json(_ => { })(OfficialExamples.Read(PropertyExample)));

        Assert.Empty(findings);
    }

    [Theory]
    [MemberData(nameof(BrokenCopyNames))]
    public void Validate_BrokenCopy_ReportsExpectedRule(string name)
    {
        var copy = BrokenCopies[name];
        var findings = _validator.Validate(copy.Break(OfficialExamples.Read(copy.Source)));

        Assert.Contains(findings, f => f.RuleId.StartsWith(copy.ExpectedRule, StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_EmittedStyleEnvironmentInEmittedMode_HasNoFindings()
    {
        var findings = new AasValidator(AasValidationOptions.Emitted).Validate(EmittedStyleEnvironment);

        Assert.Empty(findings);
    }

    [Fact]
    public void Validate_PropertyWithoutConceptInEmittedMode_ReportsSemanticIdConcept()
    {
        var findings = new AasValidator(AasValidationOptions.Emitted).Validate(OfficialExamples.Read(PropertyExample));

        Assert.Contains(findings, f => f.RuleId == "AAS-semanticId-concept");
    }

    [Fact]
    public void Validate_DanglingModelReferenceInEmittedMode_ReportsRefResolves()
    {
        var broken = Mutation.Json(n => FirstElement(n)["second"] = JsonNode.Parse("""{ "type": "ModelReference", "keys": [{ "type": "Submodel", "value": "urn:missing" }] }"""));

        var findings = new AasValidator(AasValidationOptions.Emitted).Validate(broken(OfficialExamples.Read(RelationshipExample)));

        Assert.Contains(findings, f => f.RuleId == "AAS-ref-resolves");
    }

    [Fact]
    public void Validate_MalformedJson_ReportsJsonWithoutThrowing()
    {
        var findings = _validator.Validate("{ \"submodels\": [");

        Assert.Equal("AAS-json", Assert.Single(findings).RuleId);
    }

    [Theory]
    [InlineData("xs:double", "INF", true)]
    [InlineData("xs:double", "Infinity", false)]
    [InlineData("xs:double", "1E-05", true)]
    [InlineData("xs:boolean", "True", false)]
    [InlineData("xs:unsignedByte", "256", false)]
    [InlineData("xs:dateTime", "2024-01-02T03:04:05Z", true)]
    [InlineData("xs:date", "2024-13-01", false)]
    [InlineData("xs:duration", "P1DT2H", true)]
    [InlineData("xs:duration", "P", false)]
    public void XsdLexical_Value_MatchesXsd(string valueType, string value, bool expected)
    {
        Assert.Equal(expected, XsdLexical.IsValid(valueType, value));
    }

    private static JsonNode Submodel(JsonNode environment) => environment["submodels"]?[0] ?? throw new InvalidDataException("No submodel.");

    private static JsonNode FirstElement(JsonNode environment) => Submodel(environment)["submodelElements"]?[0] ?? throw new InvalidDataException("No element.");
}
