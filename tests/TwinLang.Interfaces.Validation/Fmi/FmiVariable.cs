using System.Xml.Linq;

namespace TwinLang.Interfaces.Validation.Fmi;

/// <summary>One <c>ModelVariables</c> entry with the FMI 3.0 defaults applied to the attributes that have them.</summary>
internal sealed record FmiVariable(XElement Element, string Type, string Name, uint? ValueReference, string Causality, string Variability, string? Initial)
{
    private static readonly HashSet<string> FloatTypes = new(StringComparer.Ordinal) { "Float32", "Float64" };

    public bool IsFloat => FloatTypes.Contains(Type);

    public string Path => $"ModelVariables/{Type}[@name='{Name}']";

    public string? Attribute(string name) => Element.Attribute(name)?.Value;

    /// <summary>String and Binary carry their start values as <c>&lt;Start value=…/&gt;</c> children.</summary>
    public bool HasStart => Element.Attribute("start") is not null || Element.Elements("Start").Any();

    public static FmiVariable From(XElement element)
    {
        var type = element.Name.LocalName;
        var valueReference = uint.TryParse(element.Attribute("valueReference")?.Value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var vr) ? vr : (uint?)null;
        var causality = element.Attribute("causality")?.Value ?? "local";
        var variability = element.Attribute("variability")?.Value ?? (FloatTypes.Contains(type) ? "continuous" : "discrete");
        return new FmiVariable(element, type, element.Attribute("name")?.Value ?? "", valueReference, causality, variability, element.Attribute("initial")?.Value);
    }
}
