using System.Xml;
using System.Xml.Schema;

namespace TwinLang.Interfaces.Validation.Fmi;

/// <summary>
/// The official FMI 3.0.2 <c>fmi3ModelDescription.xsd</c> set, compiled once. Without an
/// <see cref="XmlUrlResolver"/> the <c>xs:include</c>s are skipped silently and the set never compiles
/// (shared/schemas/fmi3/README.md), so the entry file is added by path with a resolver.
/// </summary>
internal static class FmiSchema
{
    private static readonly Lazy<XmlSchemaSet> LazySet = new(Load);

    public static XmlSchemaSet Instance => LazySet.Value;

    private static XmlSchemaSet Load()
    {
        var errors = new List<string>();
        var set = new XmlSchemaSet { XmlResolver = new XmlUrlResolver() };
        set.ValidationEventHandler += (_, e) => errors.Add(e.Message);
        set.Add(null, SharedSchemas.PathOf("fmi3", "fmi3ModelDescription.xsd"));
        set.Compile();
        if (!set.IsCompiled || errors.Count > 0)
        {
            throw new InvalidDataException("The FMI 3.0 schema set did not compile: " + string.Join(" ", errors));
        }

        return set;
    }
}
