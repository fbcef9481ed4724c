using System.Globalization;
using System.Xml.Linq;
using TwinLang.Binding;
using TwinLang.Emit.Interfaces;
using TwinLang.Syntax;
using TwinLang.Testing;
using Xunit;

namespace TwinLang.Emit.Tests.Interfaces;

/// <summary>What the emitted documents say agrees with the semantic model they came from.</summary>
public class InterfaceRoundTripTests
{
    public static TheoryData<string> Examples()
    {
        var data = new TheoryData<string>();
        foreach (var name in InterfaceTestHost.ExampleNames())
        {
            data.Add(name);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void FmiStartValues_ConvertedBackThroughUnits_EqualTheSourceValues(string name)
    {
        var trees = InterfaceTestHost.LoadExample(name);
        var model = InterfaceTestHost.Bind(trees);
        var result = InterfaceEmitter.Emit(model, InterfaceEmitter.UserAssets(model), InterfaceFormats.Fmi);
        var checkedValues = 0;
        foreach (var document in result.Documents)
        {
            var asset = (AssetSymbol?)model.LookupQualified(document.AssetName) ?? throw new InvalidOperationException(document.AssetName);
            var xml = XDocument.Parse(document.Content);
            var units = xml.Descendants("Unit").ToDictionary(u => (string?)u.Attribute("name") ?? "", StringComparer.Ordinal);
            var types = xml.Descendants("Float64Type").ToDictionary(t => (string?)t.Attribute("name") ?? "", StringComparer.Ordinal);
            foreach (var element in xml.Descendants("Float64").Where(e => e.Attribute("start") is not null && !((string?)e.Attribute("name") ?? "").Contains('.', StringComparison.Ordinal)))
            {
                var variable = (VariableSymbol?)asset.LookupMember((string?)element.Attribute("name") ?? "") ?? throw new InvalidOperationException("unknown variable");
                if (variable.Type is ArrayType || model.GetValues(variable).Start is not { Boolean: null } expected)
                {
                    continue;
                }

                var start = double.Parse((string?)element.Attribute("start") ?? "", CultureInfo.InvariantCulture);
                var unitName = (string?)element.Attribute("unit") ??
                    (element.Attribute("declaredType") is { } declared ? (string?)types[declared.Value].Attribute("unit") : null);
                var si = start;
                if (unitName is not null)
                {
                    var baseUnit = units[unitName].Element("BaseUnit") ?? throw new InvalidOperationException("no BaseUnit");
                    si = (Factor(baseUnit, "factor", 1) * start) + Factor(baseUnit, "offset", 0);
                }

                Assert.Equal(expected.Number, si, 12);
                if ((string?)element.Attribute("displayUnit") is { } displayName && unitName is not null)
                {
                    var display = units[unitName].Elements("DisplayUnit").Single(d => (string?)d.Attribute("name") == displayName);
                    var shown = (Factor(display, "factor", 1) * si) + Factor(display, "offset", 0);
                    Assert.Equal(variable.DisplayUnit?.FromSi(expected.Number) ?? double.NaN, shown, 9);
                }

                checkedValues++;
            }
        }

        Assert.True(checkedValues > 0, $"{name}: no start value was checked.");
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void FmiVariables_PerCausality_MatchTheAssetMembers(string name)
    {
        var model = InterfaceTestHost.Bind(InterfaceTestHost.LoadExample(name));
        var result = InterfaceEmitter.Emit(model, InterfaceEmitter.UserAssets(model), InterfaceFormats.Fmi);
        foreach (var document in result.Documents)
        {
            var asset = (AssetSymbol?)model.LookupQualified(document.AssetName) ?? throw new InvalidOperationException(document.AssetName);
            var variables = XDocument.Parse(document.Content).Descendants("ModelVariables").Single().Elements().ToList();
            int Count(string causality) => variables.Count(v => ((string?)v.Attribute("causality") ?? "local") == causality);

            Assert.Equal(asset.Variables.Count(v => v.VariableKind == VariableKind.Input), Count("input"));
            Assert.Equal(asset.Variables.Count(v => v.VariableKind == VariableKind.Output), Count("output"));
            Assert.Equal(1, Count("independent"));
            var ownParameters = variables.Count(v => (string?)v.Attribute("causality") == "parameter" && !((string?)v.Attribute("name") ?? "").Contains('.', StringComparison.Ordinal));
            Assert.Equal(asset.Variables.Count(v => v.VariableKind == VariableKind.Parameter), ownParameters);
            var ownStates = variables.Count(v => v.Attribute("derivative") is not null && !((string?)v.Attribute("name") ?? "").Contains('.', StringComparison.Ordinal));
            Assert.Equal(asset.Variables.Count(v => v.VariableKind == VariableKind.State), ownStates);
        }
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void DtdlAndAasNames_Unescaped_AreTheMemberNames(string name)
    {
        var model = InterfaceTestHost.Bind(InterfaceTestHost.LoadExample(name));
        var result = InterfaceEmitter.Emit(model, InterfaceEmitter.UserAssets(model), InterfaceFormats.Dtdl);
        foreach (var document in result.Documents)
        {
            var asset = (AssetSymbol?)model.LookupQualified(document.AssetName) ?? throw new InvalidOperationException(document.AssetName);
            using var json = System.Text.Json.JsonDocument.Parse(document.Content);
            var names = json.RootElement[0].GetProperty("contents").EnumerateArray().Select(c => InterfaceNames.Unescape(c.GetProperty("name").GetString() ?? "")).ToList();
            var expected = asset.AllMembers.Where(m => m is not VariableSymbol { VariableKind: VariableKind.Variable } and (VariableSymbol or ComponentSymbol or CouplingSymbol)).Select(m => m.Name).ToList();

            Assert.Equal(expected, names);
        }
    }

    [Theory]
    [InlineData("h", "h", "tl_h")]
    [InlineData("_x", "tl__5Fx", "tl__5Fx")]
    [InlineData("x_", "tl_x_5F", "x_")]
    [InlineData("tl_gain", "tl_tl_5Fgain", "tl_tl_5Fgain")]
    [InlineData("soc", "soc", "soc")]
    [InlineData("heat_capacity", "heat_capacity", "heat_capacity")]
    public void Escape_TwinLangName_IsValidAndReversible(string name, string dtdl, string aas)
    {
        Assert.Equal(dtdl, InterfaceNames.Escape(name, InterfaceNameTarget.Dtdl));
        Assert.Equal(aas, InterfaceNames.Escape(name, InterfaceNameTarget.Aas));
        Assert.True(InterfaceNames.IsValid(dtdl, InterfaceNameTarget.Dtdl));
        Assert.True(InterfaceNames.IsValid(aas, InterfaceNameTarget.Aas));
        Assert.Equal(name, InterfaceNames.Unescape(dtdl));
        Assert.Equal(name, InterfaceNames.Unescape(aas));
    }

    [Fact]
    public void FmiInstantiationToken_ChangesWithTheInterfaceOnly()
    {
        static string Token(string source) =>
            XDocument.Parse(InterfaceTestHost.EmitSource(source, InterfaceFormats.Fmi).Documents.Single().Content).Root?.Attribute("instantiationToken")?.Value ?? "";

        var original = Token("asset A {\n  parameter k: Frequency = 1 Hz\n  state x: Real = 0\n  equation { der(x) = -k * x }\n}\n");
        var sameInterface = Token("asset A {\n  parameter k: Frequency = 2 Hz\n  state x: Real = 0\n  equation { der(x) = -k * x * x }\n}\n");
        var otherInterface = Token("asset A {\n  parameter gain: Frequency = 1 Hz\n  state x: Real = 0\n  equation { der(x) = -gain * x }\n}\n");

        Assert.Matches("^\\{[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}\\}$", original);
        Assert.Equal(original, sameInterface);
        Assert.NotEqual(original, otherInterface);
    }

    [Fact]
    public void FmiState_SetByInitialEquation_IsCalculatedInitialUnknownWithoutWarning()
    {
        var result = InterfaceTestHost.EmitSource(
            "asset A {\n  parameter k: Frequency = 1 Hz\n  state x: Real\n  initial equation { x = 2 }\n  equation { der(x) = -k * x }\n}\n",
            InterfaceFormats.Fmi);

        Assert.Empty(result.Diagnostics);
        var xml = XDocument.Parse(result.Documents.Single().Content);
        var state = xml.Descendants("Float64").Single(e => (string?)e.Attribute("name") == "x");
        Assert.Equal("calculated", (string?)state.Attribute("initial"));
        Assert.Null(state.Attribute("start"));
        Assert.Contains(xml.Descendants("InitialUnknown"), u => (string?)u.Attribute("valueReference") == (string?)state.Attribute("valueReference"));
    }

    [Fact]
    public void EnumerationDefault_Emitted_IsTheItemInEveryFormat()
    {
        const string source = "enum Mode { off, heating, cooling }\n\nasset Heater {\n  parameter mode: Mode = Mode.heating\n  discrete last: Mode = Mode.cooling\n}\n";

        var result = InterfaceTestHost.EmitSource(source);

        Assert.Empty(result.Diagnostics);
        var fmi = XDocument.Parse(result.Documents.Single(d => d.Format == InterfaceFormats.Fmi).Content);
        Assert.Equal("2", (string?)fmi.Descendants("Enumeration").Single(e => (string?)e.Attribute("name") == "mode").Attribute("start"));
        Assert.Equal("3", (string?)fmi.Descendants("Enumeration").Single(e => (string?)e.Attribute("name") == "last").Attribute("start"));
        Assert.Contains("\"value\": \"heating\"", result.Documents.Single(d => d.Format == InterfaceFormats.Aas).Content, StringComparison.Ordinal);
        Assert.All(result.Documents, d => Assert.Empty(InterfaceValidationTests.Validate(d)));
    }

    private static double Factor(XElement element, string attribute, double fallback) =>
        element.Attribute(attribute) is { } value ? double.Parse(value.Value, CultureInfo.InvariantCulture) : fallback;
}
