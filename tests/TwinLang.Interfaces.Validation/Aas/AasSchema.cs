using System.Text.Json.Nodes;
using NJsonSchema;

namespace TwinLang.Interfaces.Validation.Aas;

/// <summary>
/// The official AAS V3.1 JSON schema, loaded once. NJsonSchema 10.7.2 ignores the draft-06 keyword
/// <c>const</c>, on which the schema's <c>modelType</c> discrimination of <c>oneOf</c> branches rests, so every
/// <c>const: X</c> is rewritten to the equivalent <c>enum: [X]</c> before loading (shared/schemas/aas/README.md).
/// </summary>
internal static class AasSchema
{
    private static readonly Lazy<JsonSchema> LazySchema = new(() => Load(SharedSchemas.PathOf("aas", "aas.json")));

    public static JsonSchema Instance => LazySchema.Value;

    public static JsonSchema Load(string path)
    {
        var root = JsonNode.Parse(File.ReadAllText(path)) ?? throw new InvalidDataException($"Empty schema '{path}'.");
        RewriteConst(root, isNameMap: false);
        return JsonSchema.FromJsonAsync(root.ToJsonString(), path).GetAwaiter().GetResult();
    }

    // Under "properties"/"definitions" the keys are names, not keywords, so a member called "const" there stays.
    private static void RewriteConst(JsonNode node, bool isNameMap)
    {
        switch (node)
        {
            case JsonObject obj:
                if (!isNameMap && obj["const"] is { } constant)
                {
                    obj.Remove("const");
                    obj["enum"] = new JsonArray(constant.DeepClone());
                }

                foreach (var (key, child) in obj.ToList())
                {
                    if (child is not null)
                    {
                        RewriteConst(child, isNameMap: !isNameMap && key is "properties" or "definitions" or "$defs");
                    }
                }

                break;
            case JsonArray array:
                foreach (var child in array)
                {
                    if (child is not null)
                    {
                        RewriteConst(child, isNameMap: false);
                    }
                }

                break;
        }
    }
}
