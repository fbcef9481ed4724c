using System.Text.Json;
using System.Text.RegularExpressions;

namespace TwinLang.Interfaces.Validation.Dtdl;

/// <summary>
/// The DTDL v3 reserved terms (from the official JSON-LD context: term ↔ DTMI) and the QuantitativeTypes v1
/// extension (semantic type → allowed units), loaded once from shared/schemas/dtdl.
/// </summary>
internal sealed partial class DtdlVocabulary
{
    public const string CoreContext = "dtmi:dtdl:context;3";
    public const string CoreContextV2 = "dtmi:dtdl:context;2";
    public const string QuantitativeTypesContext = "dtmi:dtdl:extension:quantitativeTypes;1";

    private static readonly Lazy<DtdlVocabulary> LazyInstance = new(Load);

    private DtdlVocabulary(
        Dictionary<string, string> termToDtmi,
        HashSet<string> extensionTerms,
        Dictionary<string, HashSet<string>> unitsBySemanticType,
        HashSet<string> coTypableClasses,
        HashSet<string> numericSchemas)
    {
        TermToDtmi = termToDtmi;
        DtmiToTerm = termToDtmi.ToDictionary(p => p.Value, p => p.Key, StringComparer.Ordinal);
        ExtensionTerms = extensionTerms;
        UnitsBySemanticType = unitsBySemanticType;
        CoTypableClasses = coTypableClasses;
        NumericSchemas = numericSchemas;
    }

    public static DtdlVocabulary Instance => LazyInstance.Value;

    /// <summary>The Reserved strings table of the v3 specification (identical to the v3 context).</summary>
    public Dictionary<string, string> TermToDtmi { get; }

    public Dictionary<string, string> DtmiToTerm { get; }

    /// <summary>Every term the QuantitativeTypes context defines (semantic types, unit types, units, <c>unit</c>).</summary>
    public HashSet<string> ExtensionTerms { get; }

    public Dictionary<string, HashSet<string>> UnitsBySemanticType { get; }

    public HashSet<string> CoTypableClasses { get; }

    public HashSet<string> NumericSchemas { get; }

    public static bool IsDtmi(string value) => DtmiPattern().IsMatch(value);

    public static bool IsVersionedDtmi(string value) => IsDtmi(value) && value.Contains(';', StringComparison.Ordinal);

    public static string Deversioned(string dtmi) => dtmi.Split(';')[0];

    // RULES §2.1; the specification prints "\\." in the version part, which would mean "backslash + any char".
    [GeneratedRegex(@"^dtmi:[A-Za-z](?:[A-Za-z0-9_]*[A-Za-z0-9])?(?::[A-Za-z](?:[A-Za-z0-9_]*[A-Za-z0-9])?)*(?:;[1-9][0-9]{0,8}(?:\.[1-9][0-9]{0,5})?)?$")]
    private static partial Regex DtmiPattern();

    [GeneratedRegex(@"^[A-Za-z](?:[A-Za-z0-9_]*[A-Za-z0-9])?$")]
    public static partial Regex NamePattern();

    [GeneratedRegex(@"^[a-z]{2,4}(-[A-Z][a-z]{3})?(-([A-Z]{2}|[0-9]{3}))?$")]
    public static partial Regex LanguagePattern();

    private static DtdlVocabulary Load()
    {
        var termToDtmi = ReadContextTerms(SharedSchemas.PathOf("dtdl", "context", "DTDL.v3.context.json"));
        var extensionTerms = ReadContextTerms(SharedSchemas.PathOf("dtdl", "context", "DTDL.FeatureExtension.quantitativeTypes.v1.context.json")).Keys.ToHashSet(StringComparer.Ordinal);

        using var quantitative = JsonDocument.Parse(File.ReadAllText(SharedSchemas.PathOf("dtdl", "quantitative-types.v1.json")));
        var root = quantitative.RootElement;
        var unitTypes = root.GetProperty("unitTypes").EnumerateObject().ToDictionary(
            p => p.Name,
            p => p.Value.EnumerateArray().Select(u => u.GetProperty("name").GetString() ?? "").ToHashSet(StringComparer.Ordinal),
            StringComparer.Ordinal);
        var unitsBySemanticType = root.GetProperty("semanticTypes").EnumerateObject().ToDictionary(
            p => p.Name,
            p => unitTypes[p.Value.GetString() ?? ""],
            StringComparer.Ordinal);
        var coTypable = root.GetProperty("coTypableClasses").EnumerateArray().Select(e => e.GetString() ?? "").ToHashSet(StringComparer.Ordinal);
        var numeric = root.GetProperty("numericSchemas").EnumerateArray().Select(e => e.GetString() ?? "").ToHashSet(StringComparer.Ordinal);
        return new DtdlVocabulary(termToDtmi, extensionTerms, unitsBySemanticType, coTypable, numeric);
    }

    private static Dictionary<string, string> ReadContextTerms(string path)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        var context = document.RootElement.TryGetProperty("@context", out var inner) ? inner : document.RootElement;
        var terms = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var member in context.EnumerateObject())
        {
            if (member.Value.ValueKind == JsonValueKind.Object
                && member.Value.TryGetProperty("@id", out var id)
                && id.GetString() is { } dtmi
                && dtmi.StartsWith("dtmi:", StringComparison.Ordinal))
            {
                terms[member.Name] = dtmi;
            }
        }

        return terms;
    }
}
