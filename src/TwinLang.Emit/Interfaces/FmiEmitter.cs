using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Xml;
using TwinLang.Binding;
using TwinLang.Syntax;
using TwinLang.Units;

namespace TwinLang.Emit.Interfaces;

/// <summary>
/// Writes the FMI 3.0 <c>modelDescription.xml</c> of an asset (docs/interfaces.md §5): components flattened with
/// structured names, every real value in the SI-coherent unit of its quantity with the declared unit as display
/// unit, states followed by their derivatives, and the ModelStructure those imply.
/// </summary>
internal sealed class FmiEmitter
{
    private readonly InterfaceContext _context;
    private readonly List<FmiVariable> _variables = [];
    private readonly SortedDictionary<string, SortedDictionary<string, Unit>> _units = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, (QuantitySymbol Quantity, Unit? Unit)> _quantities = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, EnumSymbol> _enums = new(StringComparer.Ordinal);

    public FmiEmitter(InterfaceContext context) => _context = context;

    public void Write(XmlWriter xml, AssetSymbol asset)
    {
        Collect(asset, prefix: string.Empty, instance: null, topLevel: true);
        var package = InterfaceContext.PackageOf(asset);
        var identifier = InterfaceNames.ModelIdentifier(asset.QualifiedName);

        xml.WriteStartElement("fmiModelDescription");
        xml.WriteAttributeString("fmiVersion", "3.0");
        xml.WriteAttributeString("modelName", asset.QualifiedName);
        xml.WriteAttributeString("instantiationToken", InstantiationToken(asset));
        if (InterfaceContext.Documentation(asset) is { } doc)
        {
            xml.WriteAttributeString("description", doc);
        }

        if (package?.Version is { } version)
        {
            xml.WriteAttributeString("version", version);
        }

        xml.WriteAttributeString("generationTool", "TwinLang");
        xml.WriteAttributeString("variableNamingConvention", "structured");
        if (!asset.HasSampledSections)
        {
            xml.WriteStartElement("ModelExchange");
            xml.WriteAttributeString("modelIdentifier", identifier);
            xml.WriteEndElement();
        }

        xml.WriteStartElement("CoSimulation");
        xml.WriteAttributeString("modelIdentifier", identifier);
        xml.WriteEndElement();
        WriteUnitDefinitions(xml);
        WriteTypeDefinitions(xml);
        WriteModelVariables(xml);
        WriteModelStructure(xml);
        if (asset.SemanticId is { } semantic)
        {
            xml.WriteStartElement("Annotations");
            xml.WriteStartElement("Annotation");
            xml.WriteAttributeString("type", "org.twinlang.semantic");
            xml.WriteString(semantic);
            xml.WriteEndElement();
            xml.WriteEndElement();
        }

        xml.WriteEndElement();
    }

    private void Collect(StructuredTypeSymbol type, string prefix, ComponentSymbol? instance, bool topLevel)
    {
        foreach (var member in type.AllMembers)
        {
            switch (member)
            {
                case VariableSymbol variable:
                    AddVariable(variable, prefix + variable.Name, instance, topLevel);
                    break;
                case ComponentSymbol { ComponentType: { } componentType } component:
                    if (component.Type is ArrayType array)
                    {
                        foreach (var index in Indices(array.Sizes))
                        {
                            Collect(componentType, $"{prefix}{component.Name}[{index}].", component, topLevel: false);
                        }
                    }
                    else
                    {
                        Collect(componentType, $"{prefix}{component.Name}.", component, topLevel: false);
                    }

                    break;
            }
        }
    }

    private static IEnumerable<string> Indices(IReadOnlyList<int?> sizes)
    {
        IEnumerable<string> result = [string.Empty];
        foreach (var size in sizes)
        {
            var count = size ?? 0;
            result = result.SelectMany(head => Enumerable.Range(1, Math.Max(0, count))
                .Select(i => head.Length == 0 ? i.ToString(CultureInfo.InvariantCulture) : $"{head},{i.ToString(CultureInfo.InvariantCulture)}")).ToList();
        }

        return result;
    }

    private void AddVariable(VariableSymbol variable, string name, ComponentSymbol? instance, bool topLevel)
    {
        var element = variable.Type.ElementType;
        var isReal = element is RealType;
        var kind = variable.VariableKind;
        var (causality, variability, initial, needsStart) = kind switch
        {
            VariableKind.Parameter => ("parameter", "fixed", (string?)null, true),
            VariableKind.Constant => ("local", "constant", null, true),
            VariableKind.Input when topLevel => ("input", isReal ? "continuous" : "discrete", null, true),
            VariableKind.Output when topLevel => ("output", isReal ? "continuous" : "discrete", "calculated", false),
            VariableKind.State => ("local", "continuous", "exact", true),
            VariableKind.Discrete => ("local", "discrete", "exact", true),
            _ => ("local", isReal ? "continuous" : "discrete", "calculated", false),
        };

        // A state or discrete variable without a constant start is set by initial equations or an expression:
        // FMI calls that initial="calculated", which needs no start (and makes a state an initial unknown).
        if (kind is VariableKind.State or VariableKind.Discrete && StartValue(variable, instance) is null)
        {
            (initial, needsStart) = ("calculated", false);
        }

        var fmi = new FmiVariable(variable, name, _variables.Count + 1, causality, variability, initial);
        if (needsStart)
        {
            fmi.Start = StartText(variable, name, instance);
        }

        if (isReal && kind != VariableKind.Constant)
        {
            var values = _context.Model.GetValues(variable);
            fmi.Min = values.Min is { Boolean: null } min ? InterfaceContext.FormatDouble(min.Number) : null;
            fmi.Max = values.Max is { Boolean: null } max ? InterfaceContext.FormatDouble(max.Number) : null;
        }

        RegisterType(variable, fmi);
        _variables.Add(fmi);
        if (kind == VariableKind.State && isReal)
        {
            var derivative = new FmiVariable(variable, $"der({name})", _variables.Count + 1, "local", "continuous", "calculated")
            {
                DerivativeOf = fmi.ValueReference,
            };
            RegisterType(variable, derivative, derivative: true);
            _variables.Add(derivative);
        }
    }

    /// <summary>The constant start of a variable as FMI text, or null when there is none of the variable's type.</summary>
    private string? StartValue(VariableSymbol variable, ComponentSymbol? instance) =>
        (variable.Type.ElementType, _context.StartOf(variable, instance)) switch
        {
            (RealType, { Boolean: null } v) => InterfaceContext.FormatDouble(v.Number),
            (IntType or EnumType, { Boolean: null } v) => InterfaceContext.FormatLong(v.Number),
            (BoolType, { Boolean: { } b }) => b ? "true" : "false",
            _ => null,
        };

    private string StartText(VariableSymbol variable, string name, ComponentSymbol? instance)
    {
        var element = variable.Type.ElementType;
        var text = StartValue(variable, instance);
        if (text is null)
        {
            text = element switch
            {
                BoolType => "false",
                StringType => string.Empty,
                EnumType => "1",
                _ => "0",
            };
            var shown = text;
            _context.Report(variable, name, b => b.FmiStartInvented(name, shown));
        }

        return variable.Type is ArrayType { ElementCount: > 1 and var count } && element is not StringType
            ? string.Join(' ', Enumerable.Repeat(text, (int)Math.Min(count, int.MaxValue)))
            : text;
    }

    private void RegisterType(VariableSymbol variable, FmiVariable fmi, bool derivative = false)
    {
        switch (variable.Type.ElementType)
        {
            case RealType real:
                var si = derivative ? InterfaceUnits.SiDerivativeUnit(real) : InterfaceUnits.SiUnit(real);
                if (si is not null)
                {
                    var units = GetUnit(si);
                    fmi.Unit = InterfaceUnits.ModelicaName(si.Symbol);
                    if (!derivative && variable.DisplayUnit is { IsError: false } display && !display.IsEquivalentTo(si) && display.Dimension == si.Dimension)
                    {
                        var displayName = InterfaceUnits.ModelicaName(display.Symbol);
                        units.TryAdd(displayName, display);
                        fmi.DisplayUnit = displayName;
                    }
                }

                if (!derivative && real.Quantity is { } quantity)
                {
                    _quantities.TryAdd(quantity.Name, (quantity, si));
                    fmi.DeclaredType = quantity.Name;
                }

                break;
            case EnumType enumeration:
                _enums.TryAdd(enumeration.Symbol.Name, enumeration.Symbol);
                fmi.DeclaredType = enumeration.Symbol.Name;
                break;
        }
    }

    private SortedDictionary<string, Unit> GetUnit(Unit si)
    {
        var name = InterfaceUnits.ModelicaName(si.Symbol);
        if (!_units.TryGetValue(name, out var displays))
        {
            displays = new SortedDictionary<string, Unit>(StringComparer.Ordinal);
            _units.Add(name, displays);
        }

        return displays;
    }

    private void WriteUnitDefinitions(XmlWriter xml)
    {
        if (_units.Count == 0)
        {
            return;
        }

        var dimensions = _variables.Where(v => v.Unit is not null && v.Symbol.Type.ElementType is RealType)
            .GroupBy(v => v.Unit ?? string.Empty)
            .ToDictionary(g => g.Key, g => UnitDimension(g.First()), StringComparer.Ordinal);
        xml.WriteStartElement("UnitDefinitions");
        foreach (var (name, displays) in _units)
        {
            xml.WriteStartElement("Unit");
            xml.WriteAttributeString("name", name);
            xml.WriteStartElement("BaseUnit");
            var dimension = dimensions.GetValueOrDefault(name);
            foreach (var (symbol, exponent) in new[]
            {
                ("kg", dimension.Mass), ("m", dimension.Length), ("s", dimension.Time), ("A", dimension.Current),
                ("K", dimension.Temperature), ("mol", dimension.Amount), ("cd", dimension.Luminosity),
            })
            {
                if (exponent != 0)
                {
                    xml.WriteAttributeString(symbol, exponent.ToString(CultureInfo.InvariantCulture));
                }
            }

            xml.WriteEndElement();
            foreach (var (displayName, display) in displays)
            {
                // v_display = factor * v_si + offset, the inverse of the TwinLang unit's si = v * Scale + Offset.
                xml.WriteStartElement("DisplayUnit");
                xml.WriteAttributeString("name", displayName);
                var factor = 1 / display.Scale;
                if (factor != 1)
                {
                    xml.WriteAttributeString("factor", InterfaceContext.FormatDouble(factor));
                }

                if (display.Offset != 0)
                {
                    xml.WriteAttributeString("offset", InterfaceContext.FormatDouble(-display.Offset / display.Scale));
                }

                xml.WriteEndElement();
            }

            xml.WriteEndElement();
        }

        xml.WriteEndElement();
    }

    private static Dimension UnitDimension(FmiVariable variable)
    {
        var dimension = ((RealType)variable.Symbol.Type.ElementType).Dimension;
        return variable.DerivativeOf is null ? dimension : dimension.Divide(Dimension.TimeDimension);
    }

    private void WriteTypeDefinitions(XmlWriter xml)
    {
        if (_quantities.Count == 0 && _enums.Count == 0)
        {
            return;
        }

        xml.WriteStartElement("TypeDefinitions");
        foreach (var (name, (quantity, unit)) in _quantities)
        {
            xml.WriteStartElement("Float64Type");
            xml.WriteAttributeString("name", name);
            xml.WriteAttributeString("quantity", name);
            if (unit is not null)
            {
                xml.WriteAttributeString("unit", InterfaceUnits.ModelicaName(unit.Symbol));
            }

            if (InterfaceContext.Documentation(quantity) is { } doc)
            {
                xml.WriteAttributeString("description", doc);
            }

            xml.WriteEndElement();
        }

        foreach (var (name, enumeration) in _enums)
        {
            xml.WriteStartElement("EnumerationType");
            xml.WriteAttributeString("name", name);
            foreach (var item in enumeration.Members)
            {
                xml.WriteStartElement("Item");
                xml.WriteAttributeString("name", item.Name);
                xml.WriteAttributeString("value", (item.Ordinal + 1).ToString(CultureInfo.InvariantCulture));
                xml.WriteEndElement();
            }

            xml.WriteEndElement();
        }

        xml.WriteEndElement();
    }

    private void WriteModelVariables(XmlWriter xml)
    {
        xml.WriteStartElement("ModelVariables");
        xml.WriteStartElement("Float64");
        xml.WriteAttributeString("name", "time");
        xml.WriteAttributeString("valueReference", "0");
        xml.WriteAttributeString("causality", "independent");
        xml.WriteAttributeString("variability", "continuous");
        xml.WriteEndElement();
        foreach (var variable in _variables)
        {
            var element = ElementName(variable.Symbol.Type.ElementType);
            xml.WriteStartElement(element);
            xml.WriteAttributeString("name", variable.Name);
            xml.WriteAttributeString("valueReference", variable.ValueReference.ToString(CultureInfo.InvariantCulture));
            if (InterfaceContext.Documentation(variable.Symbol) is { } doc && variable.DerivativeOf is null)
            {
                xml.WriteAttributeString("description", doc);
            }

            xml.WriteAttributeString("causality", variable.Causality);
            xml.WriteAttributeString("variability", variable.Variability);
            if (variable.Initial is { } initial)
            {
                xml.WriteAttributeString("initial", initial);
            }

            if (variable.DeclaredType is { } declaredType)
            {
                xml.WriteAttributeString("declaredType", declaredType);
            }

            if (variable.Unit is { } unit && variable.DeclaredType is null)
            {
                xml.WriteAttributeString("unit", unit);
            }

            if (variable.DisplayUnit is { } displayUnit)
            {
                xml.WriteAttributeString("displayUnit", displayUnit);
            }

            if (variable.Min is { } min)
            {
                xml.WriteAttributeString("min", min);
            }

            if (variable.Max is { } max)
            {
                xml.WriteAttributeString("max", max);
            }

            if (variable.Start is { } start && element != "String")
            {
                xml.WriteAttributeString("start", start);
            }

            if (variable.DerivativeOf is { } state)
            {
                xml.WriteAttributeString("derivative", state.ToString(CultureInfo.InvariantCulture));
            }

            if (variable.Start is { } text && element == "String")
            {
                xml.WriteStartElement("Start");
                xml.WriteAttributeString("value", text);
                xml.WriteEndElement();
            }

            if (variable.Symbol.Type is ArrayType array)
            {
                foreach (var size in array.Sizes)
                {
                    xml.WriteStartElement("Dimension");
                    xml.WriteAttributeString("start", (size ?? 0).ToString(CultureInfo.InvariantCulture));
                    xml.WriteEndElement();
                }
            }

            xml.WriteEndElement();
        }

        xml.WriteEndElement();
    }

    private static string ElementName(TwinType type) => type switch
    {
        IntType => "Int64",
        BoolType => "Boolean",
        StringType => "String",
        EnumType => "Enumeration",
        _ => "Float64",
    };

    private void WriteModelStructure(XmlWriter xml)
    {
        xml.WriteStartElement("ModelStructure");
        var outputs = _variables.Where(v => v.Causality == "output").ToList();
        var derivatives = _variables.Where(v => v.DerivativeOf is not null).ToList();
        foreach (var output in outputs)
        {
            WriteUnknown(xml, "Output", output);
        }

        foreach (var derivative in derivatives)
        {
            WriteUnknown(xml, "ContinuousStateDerivative", derivative);
        }

        var calculatedStates = derivatives.Select(d => _variables[(int)(d.DerivativeOf ?? 0) - 1]).Where(v => v.Initial == "calculated");
        foreach (var unknown in outputs.Concat(derivatives).Concat(calculatedStates).OrderBy(v => v.ValueReference))
        {
            WriteUnknown(xml, "InitialUnknown", unknown);
        }

        xml.WriteEndElement();
    }

    private static void WriteUnknown(XmlWriter xml, string kind, FmiVariable variable)
    {
        xml.WriteStartElement(kind);
        xml.WriteAttributeString("valueReference", variable.ValueReference.ToString(CultureInfo.InvariantCulture));
        xml.WriteEndElement();
    }

    // The token changes exactly when the published interface does: a hash over the names, types, roles and
    // units of every variable, so two emissions of the same source agree and a changed interface is rejected.
    private string InstantiationToken(AssetSymbol asset)
    {
        var text = new StringBuilder();
        text.Append(asset.QualifiedName).Append('\n').Append(InterfaceContext.PackageOf(asset)?.Version ?? string.Empty).Append('\n');
        foreach (var v in _variables)
        {
            text.Append(v.Name).Append('|').Append(v.Symbol.Type.DisplayName).Append('|').Append(v.Causality).Append('|')
                .Append(v.Variability).Append('|').Append(v.Unit).Append('\n');
        }

        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString()));
        return "{" + new Guid(hash.AsSpan(0, 16)).ToString("D").ToUpperInvariant() + "}";
    }

    private sealed class FmiVariable(VariableSymbol symbol, string name, long valueReference, string causality, string variability, string? initial)
    {
        public VariableSymbol Symbol { get; } = symbol;

        public string Name { get; } = name;

        public long ValueReference { get; } = valueReference;

        public string Causality { get; } = causality;

        public string Variability { get; } = variability;

        public string? Initial { get; } = initial;

        public string? Start { get; set; }

        public string? Min { get; set; }

        public string? Max { get; set; }

        public string? Unit { get; set; }

        public string? DisplayUnit { get; set; }

        public string? DeclaredType { get; set; }

        public long? DerivativeOf { get; set; }
    }
}
