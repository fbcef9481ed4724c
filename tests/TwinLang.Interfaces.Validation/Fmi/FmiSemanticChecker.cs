using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace TwinLang.Interfaces.Validation.Fmi;

/// <summary>
/// FMI 3.0.2 rules the XSD cannot express (citations: modelica/fmi-standard v3.0.2,
/// docs/2_4_common_schema.adoc): unique names and value references, exactly one independent variable,
/// causality × variability × initial combinations, start presence, <c>derivative</c> links, declaredType /
/// unit / displayUnit references, ModelStructure completeness, and the interface-type element.
/// </summary>
internal sealed partial class FmiSemanticChecker
{
    private readonly XDocument _document;
    private readonly List<Finding> _findings;
    private readonly List<FmiVariable> _variables = [];
    private readonly Dictionary<uint, FmiVariable> _byValueReference = [];

    public FmiSemanticChecker(XDocument document, List<Finding> findings)
    {
        _document = document;
        _findings = findings;
    }

    public void Check()
    {
        var root = _document.Root;
        if (root is null || root.Name.LocalName != "fmiModelDescription")
        {
            return; // the XSD already reported it
        }

        CheckInterfaceTypes(root);
        CollectVariables(root);
        var units = CollectUnits(root);
        var types = CollectTypes(root, units);
        foreach (var variable in _variables)
        {
            CheckCombination(variable);
            CheckDeclaredTypeAndUnits(variable, types, units);
            CheckDerivative(variable);
            CheckRange(variable);
        }

        CheckModelStructure(root);
    }

    private void CheckInterfaceTypes(XElement root)
    {
        var interfaces = root.Elements().Where(e => e.Name.LocalName is "ModelExchange" or "CoSimulation" or "ScheduledExecution").ToList();
        if (interfaces.Count == 0)
        {
            Add("FMI-interface-type", "fmiModelDescription", "Expected at least one of ModelExchange, CoSimulation or ScheduledExecution.");
        }

        foreach (var element in interfaces)
        {
            var identifier = element.Attribute("modelIdentifier")?.Value;
            if (identifier is not null && !CIdentifier().IsMatch(identifier))
            {
                Add("FMI-modelIdentifier", element.Name.LocalName, $"Expected a C identifier as modelIdentifier but found '{identifier}'.");
            }
        }
    }

    private void CollectVariables(XElement root)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var element in root.Element("ModelVariables")?.Elements() ?? [])
        {
            var variable = FmiVariable.From(element);
            _variables.Add(variable);
            if (!names.Add(variable.Name))
            {
                Add("FMI-unique-name", variable.Path, $"The variable name '{variable.Name}' is used more than once.");
            }

            foreach (var alias in element.Elements("Alias"))
            {
                var aliasName = alias.Attribute("name")?.Value ?? "";
                if (!names.Add(aliasName))
                {
                    Add("FMI-unique-name", variable.Path + "/Alias", $"The alias name '{aliasName}' is used more than once.");
                }
            }

            if (variable.ValueReference is { } vr && !_byValueReference.TryAdd(vr, variable))
            {
                Add("FMI-unique-valueReference", variable.Path, $"The valueReference {vr} of '{variable.Name}' is already used by '{_byValueReference[vr].Name}'.");
            }
        }

        var independents = _variables.Where(v => v.Causality == "independent").ToList();
        if (independents.Count != 1)
        {
            Add("FMI-independent", "ModelVariables", $"Expected exactly one variable with causality 'independent' but found {independents.Count}.");
        }

        foreach (var independent in independents.Where(v => !v.IsFloat))
        {
            Add("FMI-independent", independent.Path, $"The independent variable '{independent.Name}' must be Float32 or Float64 but is {independent.Type}.");
        }
    }

    private static Dictionary<string, HashSet<string>> CollectUnits(XElement root)
    {
        var units = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var unit in root.Element("UnitDefinitions")?.Elements("Unit") ?? [])
        {
            var displayUnits = unit.Elements("DisplayUnit").Select(d => d.Attribute("name")?.Value ?? "").ToHashSet(StringComparer.Ordinal);
            units.TryAdd(unit.Attribute("name")?.Value ?? "", displayUnits);
        }

        return units;
    }

    private Dictionary<string, XElement> CollectTypes(XElement root, Dictionary<string, HashSet<string>> units)
    {
        var types = new Dictionary<string, XElement>(StringComparer.Ordinal);
        foreach (var type in root.Element("TypeDefinitions")?.Elements() ?? [])
        {
            var name = type.Attribute("name")?.Value ?? "";
            var path = $"TypeDefinitions/{type.Name.LocalName}[@name='{name}']";
            if (!types.TryAdd(name, type))
            {
                Add("FMI-unique-type", path, $"The type name '{name}' is defined more than once.");
            }

            CheckUnitAttributes(type, type.Attribute("unit")?.Value, units, path);
        }

        return types;
    }

    private void CheckCombination(FmiVariable variable)
    {
        if (variable.Variability == "continuous" && !variable.IsFloat)
        {
            Add("FMI-continuous-float", variable.Path, $"Only Float32 and Float64 variables may be continuous but '{variable.Name}' is {variable.Type}.");
        }

        if (!FmiInitialTable.IsAllowed(variable.Causality, variable.Variability))
        {
            Add("FMI-causality-variability", variable.Path, $"The combination causality '{variable.Causality}' with variability '{variable.Variability}' is not allowed.");
            return;
        }

        var (defaultInitial, allowed) = FmiInitialTable.Initial(variable.Causality, variable.Variability);
        if (variable.Initial is { } initial && !allowed.Contains(initial, StringComparer.Ordinal))
        {
            var expected = allowed.Length == 0 ? "no initial attribute" : "one of " + string.Join(", ", allowed);
            Add("FMI-initial", variable.Path, $"Expected {expected} for causality '{variable.Causality}' and variability '{variable.Variability}' but found initial '{initial}'.");
            return;
        }

        var effective = variable.Initial ?? defaultInitial;
        if (effective is "exact" or "approx" && !variable.HasStart && variable.Type != "Clock")
        {
            Add("FMI-start-required", variable.Path, $"The variable '{variable.Name}' has initial '{effective}' and therefore needs a start value.");
        }
        else if ((effective is "calculated" || variable.Causality == "independent") && variable.HasStart)
        {
            Add("FMI-start-forbidden", variable.Path, $"The variable '{variable.Name}' must not have a start value (causality '{variable.Causality}', initial '{effective ?? "none"}').");
        }
    }

    private void CheckDeclaredTypeAndUnits(FmiVariable variable, Dictionary<string, XElement> types, Dictionary<string, HashSet<string>> units)
    {
        var unit = variable.Attribute("unit");
        if (variable.Attribute("declaredType") is { } declaredType)
        {
            if (!types.TryGetValue(declaredType, out var type))
            {
                Add("FMI-declaredType", variable.Path, $"The declaredType '{declaredType}' of '{variable.Name}' is not defined in TypeDefinitions.");
            }
            else if (type.Name.LocalName != variable.Type + "Type")
            {
                Add("FMI-declaredType", variable.Path, $"Expected a {variable.Type}Type for '{variable.Name}' but '{declaredType}' is a {type.Name.LocalName}.");
            }
            else
            {
                unit ??= type.Attribute("unit")?.Value;
            }
        }
        else if (variable.Type == "Enumeration")
        {
            Add("FMI-declaredType", variable.Path, $"The Enumeration variable '{variable.Name}' needs a declaredType.");
        }

        CheckUnitAttributes(variable.Element, unit, units, variable.Path);
        foreach (var alias in variable.Element.Elements("Alias"))
        {
            CheckUnitAttributes(alias, unit, units, variable.Path + "/Alias");
        }
    }

    private void CheckUnitAttributes(XElement element, string? effectiveUnit, Dictionary<string, HashSet<string>> units, string path)
    {
        if (element.Attribute("unit")?.Value is { } unit && !units.ContainsKey(unit))
        {
            Add("FMI-unit", path, $"The unit '{unit}' is not defined in UnitDefinitions.");
        }

        if (element.Attribute("displayUnit")?.Value is not { } displayUnit)
        {
            return;
        }

        if (effectiveUnit is null || !units.TryGetValue(effectiveUnit, out var displayUnits))
        {
            Add("FMI-displayUnit", path, $"The displayUnit '{displayUnit}' needs a defined unit on the element or its declared type.");
        }
        else if (!displayUnits.Contains(displayUnit))
        {
            Add("FMI-displayUnit", path, $"The displayUnit '{displayUnit}' is not a DisplayUnit of unit '{effectiveUnit}'.");
        }
    }

    private void CheckDerivative(FmiVariable variable)
    {
        if (variable.Attribute("derivative") is not { } text)
        {
            return;
        }

        if (!variable.IsFloat)
        {
            Add("FMI-derivative", variable.Path, $"Only Float variables may have a derivative attribute but '{variable.Name}' is {variable.Type}.");
        }

        if (!uint.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var vr) || !_byValueReference.TryGetValue(vr, out var state))
        {
            Add("FMI-derivative", variable.Path, $"The derivative of '{variable.Name}' refers to valueReference '{text}', which no variable has.");
        }
        else if (!state.IsFloat || state.Variability != "continuous")
        {
            Add("FMI-derivative", variable.Path, $"The derivative of '{variable.Name}' refers to '{state.Name}', which is not a continuous Float variable.");
        }
    }

    /// <summary>min ≤ start ≤ max for scalar numeric variables ([FMI §table-type-attributes]); arrays are skipped.</summary>
    private void CheckRange(FmiVariable variable)
    {
        var min = Number(variable.Attribute("min"));
        var max = Number(variable.Attribute("max"));
        var start = Number(variable.Attribute("start"));
        if (min is { } low && max is { } high && low > high)
        {
            Add("FMI-start-range", variable.Path, $"The min {low.ToString(CultureInfo.InvariantCulture)} of '{variable.Name}' exceeds its max {high.ToString(CultureInfo.InvariantCulture)}.");
        }
        else if (start is { } value && ((min is { } lower && value < lower) || (max is { } upper && value > upper)))
        {
            Add("FMI-start-range", variable.Path, $"The start value {value.ToString(CultureInfo.InvariantCulture)} of '{variable.Name}' lies outside [min, max].");
        }
    }

    private static double? Number(string? text) =>
        text is not null && !text.Contains(' ', StringComparison.Ordinal) && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            ? value
            : null;

    private void CheckModelStructure(XElement root)
    {
        var structure = root.Element("ModelStructure");
        var entries = (structure?.Elements() ?? []).Select(e => (Kind: e.Name.LocalName, Element: e, Variable: Resolve(e))).ToList();
        foreach (var (kind, element, variable) in entries)
        {
            CheckDependencies(kind, element);
            if (variable is null && kind is not "Output" and not "ContinuousStateDerivative" and not "InitialUnknown")
            {
                var vr = element.Attribute("valueReference")?.Value ?? "";
                Add("FMI-model-structure", $"ModelStructure/{kind}[@valueReference='{vr}']", $"The {kind} entry refers to valueReference '{vr}', which no variable has.");
            }
        }

        // Outputs: exactly the variables with causality output, each once.
        var outputs = _variables.Where(v => v.Causality == "output").ToList();
        CheckListedExactly("Output", entries, outputs, "FMI-outputs", "every variable with causality 'output'");

        // Continuous-state derivatives: variables whose derivative attribute points at a non-input state.
        var stateDerivatives = _variables.Where(IsStateDerivative).ToList();
        CheckListedExactly("ContinuousStateDerivative", entries, stateDerivatives, "FMI-state-derivatives", "the derivative of every continuous state");

        // Initial unknowns: outputs and state derivatives/states whose initial is approx or calculated, and calculated parameters.
        var states = stateDerivatives.Select(StateOf).OfType<FmiVariable>();
        var initialUnknowns = outputs.Concat(stateDerivatives).Concat(states)
            .Where(v => EffectiveInitial(v) is "approx" or "calculated")
            .Concat(_variables.Where(v => v.Causality == "calculatedParameter"))
            .Distinct()
            .ToList();
        CheckListedExactly("InitialUnknown", entries, initialUnknowns, "FMI-initial-unknowns", "every initial unknown (outputs, states and derivatives with initial approx/calculated, calculated parameters)");
    }

    private void CheckListedExactly(string kind, List<(string Kind, XElement Element, FmiVariable? Variable)> entries, List<FmiVariable> expected, string ruleId, string what)
    {
        var listed = new HashSet<FmiVariable>();
        foreach (var (entryKind, element, variable) in entries)
        {
            if (entryKind != kind)
            {
                continue;
            }

            var vr = element.Attribute("valueReference")?.Value ?? "";
            if (variable is null)
            {
                Add(ruleId, $"ModelStructure/{kind}[@valueReference='{vr}']", $"The {kind} entry refers to valueReference '{vr}', which no variable has.");
            }
            else if (!expected.Contains(variable))
            {
                Add(ruleId, $"ModelStructure/{kind}[@valueReference='{vr}']", $"The {kind} entry refers to '{variable.Name}', which does not belong in the list of {what}.");
            }
            else if (!listed.Add(variable))
            {
                Add(ruleId, $"ModelStructure/{kind}[@valueReference='{vr}']", $"'{variable.Name}' is listed more than once as {kind}.");
            }
        }

        foreach (var missing in expected.Where(v => !listed.Contains(v)))
        {
            Add(ruleId, "ModelStructure", $"Expected a {kind} entry for '{missing.Name}' (valueReference {missing.ValueReference}) but found none.");
        }
    }

    private void CheckDependencies(string kind, XElement element)
    {
        var dependencies = element.Attribute("dependencies")?.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries) ?? [];
        var kinds = element.Attribute("dependenciesKind")?.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var vr = element.Attribute("valueReference")?.Value ?? "";
        var path = $"ModelStructure/{kind}[@valueReference='{vr}']";
        if (kinds is not null && kinds.Length != dependencies.Length)
        {
            Add("FMI-dependencies", path, $"Expected {dependencies.Length} dependenciesKind entries (one per dependency) but found {kinds.Length}.");
        }

        foreach (var dependency in dependencies)
        {
            if (!uint.TryParse(dependency, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || !_byValueReference.ContainsKey(value))
            {
                Add("FMI-dependencies", path, $"The dependency '{dependency}' is not the valueReference of any variable.");
            }
        }
    }

    private bool IsStateDerivative(FmiVariable variable) =>
        variable.Attribute("derivative") is not null
        && StateOf(variable) is { } state
        && state.Causality is "local" or "output"
        && state.Variability == "continuous";

    private FmiVariable? StateOf(FmiVariable derivative) =>
        uint.TryParse(derivative.Attribute("derivative"), NumberStyles.None, CultureInfo.InvariantCulture, out var vr) && _byValueReference.TryGetValue(vr, out var state)
            ? state
            : null;

    private static string? EffectiveInitial(FmiVariable variable) =>
        variable.Initial ?? FmiInitialTable.Initial(variable.Causality, variable.Variability).Default;

    private FmiVariable? Resolve(XElement entry) =>
        uint.TryParse(entry.Attribute("valueReference")?.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var vr) && _byValueReference.TryGetValue(vr, out var variable)
            ? variable
            : null;

    private void Add(string ruleId, string path, string message) => _findings.Add(new Finding(ruleId, path, message));

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex CIdentifier();
}
