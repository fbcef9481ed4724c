using System.Text.Json;

namespace TwinLang.Interfaces.Validation.Dtdl;

internal sealed partial class DtdlModelBuilder
{
    private const int MaxStringLength = 512;

    private void ParseMembers(DtdlElement element)
    {
        var spec = DtdlMetamodel.Classes[element.Class];
        var seenTerms = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in element.Json.EnumerateObject())
        {
            var name = property.Name;
            var path = element.Path + "/" + name;
            if (name is "@context" or "@id" or "@type")
            {
                continue;
            }

            if (name.StartsWith('@'))
            {
                Error(DtdlRules.Keyword, path, $"The keyword '{name}' is not allowed in a DTDL element.");
                continue;
            }

            var term = name;
            if (name.StartsWith("dtmi:", StringComparison.Ordinal))
            {
                if (!DtdlVocabulary.IsDtmi(name))
                {
                    Error(DtdlRules.UndefinedTerm, path, $"The member name '{Clip(name)}' starts with 'dtmi:' but is not a valid DTMI.");
                    continue;
                }

                if (Vocabulary.DtmiToTerm.TryGetValue(name, out var mapped) && name.StartsWith("dtmi:dtdl:property:", StringComparison.Ordinal))
                {
                    term = mapped;
                    Warn(DtdlRules.Style, path, $"Prefer the member name '{mapped}' over '{name}'.");
                }
            }
            else if (name.Contains(':', StringComparison.Ordinal))
            {
                Error(DtdlRules.UndefinedTerm, path, $"The member name '{Clip(name)}' contains ':' but is not a DTMI.");
                continue;
            }

            if (!seenTerms.Add(term))
            {
                var (rule, problem) = term == name
                    ? (DtdlRules.DuplicateMember, "occurs more than once")
                    : (DtdlRules.UndefinedTerm, "is given both as a term and as a DTMI");
                Error(rule, path, $"The member '{term}' {problem}.");
                continue;
            }

            if (spec.Members.TryGetValue(term, out var memberSpec))
            {
                element.Members[term] = ParseValue(element, memberSpec, property.Value, path);
            }
            else if (term == "unit" && element.SemanticTypes.Count > 0)
            {
                element.Members[term] = ParseValue(element, new MemberSpec("unit", MemberKind.Fixed, Count.ExactlyOne), property.Value, path);
            }
            else if (!element.InformallyCoTyped)
            {
                var rule = term == "unit" && !element.Context.HasQuantitativeTypes ? DtdlRules.SemanticContext : DtdlRules.UndefinedTerm;
                Error(rule, path, $"The member '{Clip(name)}' is not defined for a {element.Class}.");
            }
        }

        foreach (var required in spec.Members.Values.Where(m => m.Required))
        {
            if (!element.Members.ContainsKey(required.Name))
            {
                Error(DtdlRules.RequiredMember, element.Path, $"A {element.Class} needs the member '{required.Name}'.");
            }
        }
    }

    private List<DtdlValue> ParseValue(DtdlElement owner, MemberSpec spec, JsonElement value, string path)
    {
        var values = new List<DtdlValue>();
        if (spec.Kind == MemberKind.Localizable)
        {
            CheckLocalizable(value, path);
            values.Add(new LiteralValue(value, path));
            return values;
        }

        var items = value.ValueKind == JsonValueKind.Array ? value.EnumerateArray().ToList() : [value];
        if (spec.Count == Count.ExactlyOne && items.Count != 1)
        {
            Error(DtdlRules.Cardinality, path, $"Expected exactly one value for '{spec.Name}' but found {items.Count}.");
        }
        else if (spec.Count == Count.AtMostOne && items.Count > 1)
        {
            Error(DtdlRules.Cardinality, path, $"Expected at most one value for '{spec.Name}' but found {items.Count}.");
        }

        for (var i = 0; i < items.Count; i++)
        {
            var itemPath = value.ValueKind == JsonValueKind.Array ? $"{path}[{i}]" : path;
            if (ParseItem(owner, spec, items[i], itemPath) is { } parsed)
            {
                values.Add(parsed);
            }
        }

        return values;
    }

    private DtdlValue? ParseItem(DtdlElement owner, MemberSpec spec, JsonElement item, string path)
    {
        switch (spec.Kind)
        {
            case MemberKind.Elements:
                return ParseElementOrReference(owner, spec.Name, spec.Classes ?? [], item, path);
            case MemberKind.Schema:
                return ParseSchema(owner, spec.Name, item, path);
            case MemberKind.String:
                return ParseStringMember(spec, item, path);
            case MemberKind.Integer:
                return ParseIntegerMember(spec, item, path);
            case MemberKind.Boolean:
                return Representational(item, JsonValueKind.True, path) is { } b ? new LiteralValue(b, path) : null;
            case MemberKind.Dtmi:
                if (item.ValueKind != JsonValueKind.String || !DtdlVocabulary.IsDtmi(item.GetString() ?? ""))
                {
                    Error(DtdlRules.Target, path, $"Expected '{spec.Name}' to be a DTMI but found {Show(item)}.");
                    return null;
                }

                if ((item.GetString() ?? "").Length > 2048)
                {
                    Error(DtdlRules.IdLength, path, $"Expected '{spec.Name}' to have at most 2048 characters.");
                }

                return new LiteralValue(item, path);
            case MemberKind.Fixed:
                return ParseFixed(owner, spec, item, path);
            case MemberKind.EnumLiteral:
                var literal = item.ValueKind == JsonValueKind.Object && item.TryGetProperty("@value", out var inner) ? inner : item;
                var kind = literal.ValueKind == JsonValueKind.Number ? JsonValueKind.Number : JsonValueKind.String;
                if (Representational(item, kind, path) is not { } enumValue)
                {
                    return null;
                }

                if (enumValue.ValueKind == JsonValueKind.Number && !enumValue.TryGetInt32(out _))
                {
                    Error(DtdlRules.EnumValue, path, $"Expected a 32-bit integer enumValue but found {Show(enumValue)}.");
                    return null;
                }

                return new LiteralValue(enumValue, path);
            default:
                throw new InvalidOperationException($"Unhandled member kind {spec.Kind}.");
        }
    }

    private DtdlValue? ParseElementOrReference(DtdlElement owner, string member, string[] classes, JsonElement item, string path)
    {
        if (item.ValueKind == JsonValueKind.String)
        {
            var dtmi = item.GetString() ?? "";
            if (!DtdlVocabulary.IsDtmi(dtmi))
            {
                Error(DtdlRules.ElementClass, path, $"Expected a DTDL element or a DTMI in '{member}' but found '{Clip(dtmi)}'.");
                return null;
            }

            var reference = new ReferenceValue(dtmi, classes, path);
            References.Add((owner, member, reference));
            return reference;
        }

        var defaultClass = classes.Length == 1 && !DtdlMetamodel.Classes[classes[0]].TypeRequired ? classes[0] : null;
        if (ParseElement(item, path, classes, defaultClass, owner, member, owner.Context, isTopLevel: false) is not { } child)
        {
            return null;
        }

        if (child.Context.IsV2 && !owner.Context.IsV2 && !DtdlMetamodel.AcceptsV2Elements(member))
        {
            Error(DtdlRules.ElementClass, path, $"The member '{member}' accepts only DTDL v3 elements but found a DTDL v2 {child.Class}.");
        }

        return new ElementValue(child, path);
    }

    private DtdlValue? ParseSchema(DtdlElement owner, string member, JsonElement item, string path)
    {
        if (item.ValueKind == JsonValueKind.String)
        {
            var text = item.GetString() ?? "";
            if (StandardSchema(text) is { } term)
            {
                if (term != text)
                {
                    Warn(DtdlRules.Style, path, $"Prefer the schema term '{term}' over '{text}'.");
                }

                return new TermValue(term, path);
            }

            if (!DtdlVocabulary.IsDtmi(text) || text.StartsWith("dtmi:dtdl:", StringComparison.Ordinal) || text.StartsWith("dtmi:standard:", StringComparison.Ordinal))
            {
                Error(DtdlRules.Schema, path, $"Expected a standard schema, a complex schema or its DTMI in '{member}' but found '{Clip(text)}'.");
                return null;
            }
        }

        return ParseElementOrReference(owner, member, DtdlMetamodel.ComplexSchemaClasses, item, path);
    }

    /// <summary>A primitive or geospatial schema given as term or DTMI; null when the string is neither.</summary>
    private static string? StandardSchema(string text)
    {
        if (DtdlMetamodel.PrimitiveSchemas.Contains(text) || DtdlMetamodel.GeospatialSchemas.Contains(text))
        {
            return text;
        }

        return Vocabulary.DtmiToTerm.TryGetValue(text, out var term)
            && (DtdlMetamodel.PrimitiveSchemas.Contains(term) || DtdlMetamodel.GeospatialSchemas.Contains(term))
            ? term
            : null;
    }

    private DtdlValue? ParseStringMember(MemberSpec spec, JsonElement item, string path)
    {
        if (Representational(item, JsonValueKind.String, path) is not { } literal)
        {
            return null;
        }

        var text = literal.GetString() ?? "";
        if (text.Length > MaxStringLength)
        {
            Error(DtdlRules.StringLength, path, $"Expected at most {MaxStringLength} characters in '{spec.Name}' but found {text.Length}.");
        }
        else if (spec.NamePattern && !DtdlVocabulary.NamePattern().IsMatch(text))
        {
            Error(DtdlRules.Name, path, $"Expected a name of letters, digits and '_' that starts with a letter and does not end with '_' but found '{Clip(text)}'.");
        }

        return new LiteralValue(literal, path);
    }

    private DtdlValue? ParseIntegerMember(MemberSpec spec, JsonElement item, string path)
    {
        if (Representational(item, JsonValueKind.Number, path) is not { } literal)
        {
            return null;
        }

        if (!literal.TryGetInt32(out var number))
        {
            Error(DtdlRules.Literal, path, $"Expected a 32-bit integer in '{spec.Name}' but found {Show(literal)}.");
            return null;
        }

        if (spec.Name == "minMultiplicity" && number != 0)
        {
            Error(DtdlRules.Multiplicity, path, $"Expected minMultiplicity 0 but found {number}.");
        }
        else if (spec.Name == "maxMultiplicity" && number < 1)
        {
            Error(DtdlRules.Multiplicity, path, $"Expected maxMultiplicity of at least 1 but found {number}.");
        }

        return new LiteralValue(literal, path);
    }

    private DtdlValue? ParseFixed(DtdlElement owner, MemberSpec spec, JsonElement item, string path)
    {
        var text = item.ValueKind == JsonValueKind.String ? item.GetString() ?? "" : null;
        if (spec.Name == "unit")
        {
            if (text is null)
            {
                Error(DtdlRules.Unit, path, $"Expected a unit name but found {Show(item)}.");
                return null;
            }

            var unit = text.StartsWith("dtmi:dtdl:extension:quantitativeTypes:v1:unit:", StringComparison.Ordinal) ? text.Split(':')[^1] : text;
            foreach (var semanticType in owner.SemanticTypes)
            {
                if (!Vocabulary.UnitsBySemanticType[semanticType].Contains(unit))
                {
                    Error(DtdlRules.Unit, path, $"The unit '{Clip(text)}' is not a unit of the semantic type '{semanticType}'.");
                }
            }

            return new TermValue(unit, path);
        }

        if (text is null || !(spec.FixedValues ?? []).Contains(text, StringComparer.Ordinal))
        {
            var rule = spec.Name == "valueSchema" ? DtdlRules.EnumValue : DtdlRules.Schema;
            Error(rule, path, $"Expected '{spec.Name}' to be one of {string.Join(", ", spec.FixedValues ?? [])} but found {Show(item)}.");
            return null;
        }

        if (spec.Name == "commandType")
        {
            Warn(DtdlRules.Style, path, "The Command member 'commandType' is deprecated.");
        }

        return new TermValue(StandardSchema(text) ?? text, path);
    }

    private void CheckSemanticType(DtdlElement element)
    {
        if (element.SemanticTypes.Count == 0)
        {
            return;
        }

        if (!element.Members.ContainsKey("unit"))
        {
            Error(DtdlRules.Unit, element.Path, $"A {element.Class} co-typed with '{element.SemanticTypes[0]}' needs a 'unit'.");
        }

        foreach (var schema in element.ValuesOf("schema"))
        {
            if (schema is not TermValue { Term: var term } || !Vocabulary.NumericSchemas.Contains(term))
            {
                Error(DtdlRules.NumericSchema, schema.Path, $"A {element.Class} with a semantic type needs a numeric schema (double, float, integer or long).");
            }
        }
    }

    /// <summary>
    /// A representational literal ([S §Representational literal]): a bare JSON value of the kind, or
    /// <c>{"@value": v, "@type"?: xsd type}</c>. Returns the literal value, or null after reporting.
    /// </summary>
    private JsonElement? Representational(JsonElement item, JsonValueKind kind, string path)
    {
        if (Matches(item, kind))
        {
            return item;
        }

        if (item.ValueKind != JsonValueKind.Object)
        {
            Error(DtdlRules.Literal, path, $"Expected a {KindName(kind)} but found {Show(item)}.");
            return null;
        }

        var xsdType = KindName(kind);
        var ok = item.TryGetProperty("@value", out var value) && Matches(value, kind);
        foreach (var member in item.EnumerateObject())
        {
            ok &= member.Name switch
            {
                "@value" => true,
                "@type" => StringsOf(member.Value) is [var t] && (t == "xsd:" + xsdType || t == "http://www.w3.org/2001/XMLSchema#" + xsdType),
                _ => false,
            };
        }

        if (!ok)
        {
            Error(DtdlRules.Literal, path, $"Expected a {xsdType} or an object {{\"@value\": {xsdType}, \"@type\": \"xsd:{xsdType}\"}}.");
            return null;
        }

        if (!item.TryGetProperty("@type", out _))
        {
            Warn(DtdlRules.Literal, path, "A value object should have an @type.");
        }

        return value;
    }

    private static bool Matches(JsonElement value, JsonValueKind kind) => kind switch
    {
        JsonValueKind.True => value.ValueKind is JsonValueKind.True or JsonValueKind.False,
        JsonValueKind.Number => value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out _),
        _ => value.ValueKind == kind,
    };

    private static string KindName(JsonValueKind kind) => kind switch
    {
        JsonValueKind.True => "boolean",
        JsonValueKind.Number => "integer",
        _ => "string",
    };

    private void CheckLocalizable(JsonElement value, string path)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.String:
                CheckLength(value.GetString() ?? "", path);
                break;
            case JsonValueKind.Object:
                foreach (var member in value.EnumerateObject())
                {
                    if (!DtdlVocabulary.LanguagePattern().IsMatch(member.Name))
                    {
                        Error(DtdlRules.Localizable, path, $"Expected a language code as member name but found '{Clip(member.Name)}'.");
                    }

                    if (member.Value.ValueKind != JsonValueKind.String)
                    {
                        Error(DtdlRules.Localizable, path + "/" + member.Name, "Expected a string for each language.");
                    }
                    else
                    {
                        CheckLength(member.Value.GetString() ?? "", path + "/" + member.Name);
                    }
                }

                break;
            case JsonValueKind.Array:
                CheckLocalizableArray(value, path);
                break;
            default:
                Error(DtdlRules.Localizable, path, $"Expected a localizable string (string, language map or array) but found {value.ValueKind}.");
                break;
        }
    }

    private void CheckLocalizableArray(JsonElement value, string path)
    {
        var languages = new HashSet<string>(StringComparer.Ordinal);
        var defaults = 0;
        foreach (var item in value.EnumerateArray())
        {
            if (item.ValueKind == JsonValueKind.String)
            {
                defaults++;
                CheckLength(item.GetString() ?? "", path);
                continue;
            }

            if (item.ValueKind != JsonValueKind.Object)
            {
                Error(DtdlRules.Localizable, path, $"Expected strings or language-tagged value objects but found {item.ValueKind}.");
                continue;
            }

            if (!item.TryGetProperty("@value", out var text) || text.ValueKind != JsonValueKind.String)
            {
                Error(DtdlRules.Localizable, path, "Expected a string '@value' in each language-tagged value.");
            }
            else
            {
                CheckLength(text.GetString() ?? "", path);
            }

            foreach (var member in item.EnumerateObject().Where(m => m.Name is not "@value" and not "@language"))
            {
                Error(DtdlRules.Localizable, path, $"A language-tagged value may only have '@value' and '@language' but has '{Clip(member.Name)}'.");
            }

            if (!item.TryGetProperty("@language", out var language))
            {
                defaults++;
            }
            else if (language.ValueKind != JsonValueKind.String || !DtdlVocabulary.LanguagePattern().IsMatch(language.GetString() ?? ""))
            {
                Error(DtdlRules.Localizable, path, $"Expected a language code in '@language' but found {Show(language)}.");
            }
            else if (!languages.Add(language.GetString() ?? ""))
            {
                Error(DtdlRules.Localizable, path, $"The language '{language.GetString()}' occurs more than once.");
            }
            else if (language.GetString() == "en")
            {
                defaults++;
            }
        }

        if (defaults > 1)
        {
            Error(DtdlRules.Localizable, path, "Expected at most one default-language (untagged or 'en') value.");
        }
    }

    private void CheckLength(string text, string path)
    {
        if (text.Length > MaxStringLength)
        {
            Error(DtdlRules.StringLength, path, $"Expected at most {MaxStringLength} characters but found {text.Length}.");
        }
    }

    private static string Show(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => $"'{Clip(value.GetString() ?? "")}'",
        JsonValueKind.Object or JsonValueKind.Array => value.ValueKind.ToString(),
        _ => Clip(value.GetRawText()),
    };
}
