using System.Xml.Linq;
using TwinLang.Interfaces.Validation.Fmi;
using Xunit;

namespace TwinLang.Interfaces.Validation.Tests;

public sealed class FmiValidatorTests
{
    private const string BouncingBall = "fmi3/examples/BouncingBall/FMI3.xml";
    private const string Feedthrough = "fmi3/examples/Feedthrough/FMI3.xml";
    private const string VanDerPol = "fmi3/examples/VanDerPol/FMI3.xml";

    public static readonly IReadOnlyDictionary<string, BrokenCopy> BrokenCopies = new Dictionary<string, BrokenCopy>(StringComparer.Ordinal)
    {
        ["CausalityStateRejectedByXsd"] = new(BouncingBall, "FMI-xsd", Mutation.Xml(r => Mutation.Variable(r, "g").SetAttributeValue("causality", "state"))),
        ["FmiVersion2RejectedByXsd"] = new(BouncingBall, "FMI-xsd", Mutation.Xml(r => r.SetAttributeValue("fmiVersion", "2.0"))),
        ["DuplicateValueReference"] = new(BouncingBall, "FMI-unique-valueReference", Mutation.Xml(r => Mutation.Variable(r, "e").SetAttributeValue("valueReference", "5"))),
        ["DuplicateName"] = new(BouncingBall, "FMI-unique-name", Mutation.Xml(r => Mutation.Variable(r, "e").SetAttributeValue("name", "g"))),
        ["TwoIndependentVariables"] = new(BouncingBall, "FMI-independent", Mutation.Xml(r =>
        {
            var clone = new XElement(Mutation.Variable(r, "time"));
            clone.SetAttributeValue("name", "time2");
            clone.SetAttributeValue("valueReference", "99");
            Mutation.Variable(r, "time").AddAfterSelf(clone);
        })),
        ["NoIndependentVariable"] = new(VanDerPol, "FMI-independent", Mutation.Xml(r => Mutation.Variable(r, "time").SetAttributeValue("causality", "local"))),
        ["OutputMissingFromModelStructure"] = new(BouncingBall, "FMI-outputs", Mutation.Xml(r => Mutation.Structure(r, "Output", "3").Remove())),
        ["LocalListedAsOutput"] = new(BouncingBall, "FMI-outputs", Mutation.Xml(r => Mutation.Structure(r, "Output", "3").SetAttributeValue("valueReference", "5"))),
        ["StateDerivativeMissing"] = new(BouncingBall, "FMI-state-derivatives", Mutation.Xml(r => Mutation.Structure(r, "ContinuousStateDerivative", "4").Remove())),
        ["InitialUnknownMissing"] = new(Feedthrough, "FMI-initial-unknowns", Mutation.Xml(r => Mutation.Structure(r, "InitialUnknown", "8").Remove())),
        ["DerivativeOfUnknownVariable"] = new(BouncingBall, "FMI-derivative", Mutation.Xml(r => Mutation.Variable(r, "der(v)").SetAttributeValue("derivative", "42"))),
        ["DerivativeOfParameter"] = new(BouncingBall, "FMI-derivative", Mutation.Xml(r => Mutation.Variable(r, "der(v)").SetAttributeValue("derivative", "5"))),
        ["UndeclaredType"] = new(BouncingBall, "FMI-declaredType", Mutation.Xml(r => Mutation.Variable(r, "g").SetAttributeValue("declaredType", "Force"))),
        ["EnumerationWithoutDeclaredType"] = new(Feedthrough, "FMI-declaredType", Mutation.Xml(r => Mutation.Variable(r, "Enumeration_input").SetAttributeValue("declaredType", null))),
        ["UndefinedUnit"] = new(BouncingBall, "FMI-unit", Mutation.Xml(r => Mutation.Variable(r, "e").SetAttributeValue("unit", "furlong"))),
        ["UndefinedDisplayUnit"] = new(BouncingBall, "FMI-displayUnit", Mutation.Xml(r => Mutation.Variable(r, "h").Element("Alias")?.SetAttributeValue("displayUnit", "yd"))),
        ["ContinuousParameter"] = new(BouncingBall, "FMI-causality-variability", Mutation.Xml(r => Mutation.Variable(r, "g").SetAttributeValue("variability", "continuous"))),
        ["ContinuousInteger"] = new(Feedthrough, "FMI-continuous-float", Mutation.Xml(r => Mutation.Variable(r, "Int32_input").SetAttributeValue("variability", "continuous"))),
        ["CalculatedParameterMarkedExact"] = new(BouncingBall, "FMI-initial", Mutation.Xml(r =>
        {
            var g = Mutation.Variable(r, "g");
            g.SetAttributeValue("causality", "calculatedParameter");
            g.SetAttributeValue("initial", "exact");
        })),
        ["ParameterWithoutStart"] = new(BouncingBall, "FMI-start-required", Mutation.Xml(r => Mutation.Variable(r, "e").SetAttributeValue("start", null))),
        ["InputWithoutStart"] = new(Feedthrough, "FMI-start-required", Mutation.Xml(r => Mutation.Variable(r, "String_input").Elements("Start").Remove())),
        ["CalculatedOutputWithStart"] = new(Feedthrough, "FMI-start-forbidden", Mutation.Xml(r => Mutation.Variable(r, "Float64_continuous_output").SetAttributeValue("start", "1"))),
        ["IndependentWithStart"] = new(BouncingBall, "FMI-start-forbidden", Mutation.Xml(r => Mutation.Variable(r, "time").SetAttributeValue("start", "0"))),
        ["NoInterfaceType"] = new(BouncingBall, "FMI-interface-type", Mutation.Xml(r =>
        {
            r.Element("ModelExchange")?.Remove();
            r.Element("CoSimulation")?.Remove();
        })),
        ["ModelIdentifierNotCIdentifier"] = new(BouncingBall, "FMI-modelIdentifier", Mutation.Xml(r => r.Element("CoSimulation")?.SetAttributeValue("modelIdentifier", "Bouncing-Ball"))),
        ["EventIndicatorOfUnknownVariable"] = new(BouncingBall, "FMI-model-structure", Mutation.Xml(r => Mutation.Structure(r, "EventIndicator", "1").SetAttributeValue("valueReference", "77"))),
        ["StartAboveMax"] = new(BouncingBall, "FMI-start-range", Mutation.Xml(r => Mutation.Variable(r, "e").SetAttributeValue("start", "1.5"))),
        ["IntegerIndependentVariable"] = new(BouncingBall, "FMI-independent", Mutation.Xml(r =>
        {
            var time = Mutation.Variable(r, "time");
            time.Name = "Int64";
            time.SetAttributeValue("variability", "discrete");
        })),
        ["DependencyOnUnknownVariable"] = new(VanDerPol, "FMI-dependencies", Mutation.Xml(r =>
        {
            var derivative = r.Element("ModelStructure")?.Element("ContinuousStateDerivative") ?? throw new InvalidDataException();
            derivative.SetAttributeValue("dependencies", "77");
            derivative.SetAttributeValue("dependenciesKind", null);
        })),
    };

    private readonly FmiValidator _validator = new();

    public static TheoryData<string> BrokenCopyNames() => Mutation.Names(BrokenCopies);

    [Theory]
    [MemberData(nameof(OfficialExamples.Fmi), MemberType = typeof(OfficialExamples))]
    public void Validate_OfficialExample_HasNoFindings(string path)
    {
        var findings = _validator.Validate(OfficialExamples.Read(path));

        Assert.Empty(findings);
    }

    [Theory]
    [MemberData(nameof(BrokenCopyNames))]
    public void Validate_BrokenCopy_ReportsExpectedRule(string name)
    {
        var copy = BrokenCopies[name];
        var findings = _validator.Validate(copy.Break(OfficialExamples.Read(copy.Source)));

        Assert.Contains(findings, f => f.RuleId == copy.ExpectedRule);
    }

    [Fact]
    public void Validate_NotWellFormed_ReportsXmlWithoutThrowing()
    {
        var findings = _validator.Validate("<fmiModelDescription fmiVersion=\"3.0\"");

        Assert.Equal("FMI-xml", Assert.Single(findings).RuleId);
    }

    [Fact]
    public void Validate_UnchangedRoundTrip_HasNoFindings()
    {
        // Guards the broken-copy tests: the mutation helper alone must not introduce findings.
        var findings = _validator.Validate(Mutation.Xml(_ => { })(OfficialExamples.Read(BouncingBall)));

        Assert.Empty(findings);
    }
}
