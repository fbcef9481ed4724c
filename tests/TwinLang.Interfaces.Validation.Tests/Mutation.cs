using Xunit;
using System.Text.Json.Nodes;
using System.Xml.Linq;

namespace TwinLang.Interfaces.Validation.Tests;

/// <summary>A deliberately broken copy of an official example: where it comes from, how it is broken, which rule must fire.</summary>
public sealed record BrokenCopy(string Source, string ExpectedRule, Func<string, string> Break);

/// <summary>In-memory mutation of the official examples (the files themselves are never touched).</summary>
public static class Mutation
{
    public static Func<string, string> Json(Action<JsonNode> change) => text =>
    {
        var node = JsonNode.Parse(text) ?? throw new InvalidDataException("Empty example.");
        change(node);
        return node.ToJsonString();
    };

    public static Func<string, string> Xml(Action<XElement> change) => text =>
    {
        var document = XDocument.Parse(text);
        change(document.Root ?? throw new InvalidDataException("Empty example."));
        return document.ToString();
    };

    public static XElement Variable(XElement root, string name) =>
        root.Element("ModelVariables")?.Elements().Single(e => (string?)e.Attribute("name") == name)
        ?? throw new InvalidDataException("No ModelVariables.");

    public static XElement Structure(XElement root, string kind, string valueReference) =>
        root.Element("ModelStructure")?.Elements(kind).First(e => (string?)e.Attribute("valueReference") == valueReference)
        ?? throw new InvalidDataException("No ModelStructure.");

    public static TheoryData<string> Names(IReadOnlyDictionary<string, BrokenCopy> copies)
    {
        var data = new TheoryData<string>();
        foreach (var name in copies.Keys.Order(StringComparer.Ordinal))
        {
            data.Add(name);
        }

        return data;
    }
}
