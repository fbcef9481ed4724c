using System.Text.Json;

namespace TwinLang.Interfaces.Validation.Dtdl;

/// <summary>
/// A DTDL v3 (+ QuantitativeTypes v1) validator enforcing shared/schemas/dtdl/RULES.md; every finding names
/// the RULES.md section it breaks (<see cref="DtdlRules"/>). A model is one or more JSON documents that are
/// checked together (references resolve across them). Never throws on bad input.
/// </summary>
public sealed class DtdlValidator
{
    private readonly DtdlValidationOptions _options;

    public DtdlValidator(DtdlValidationOptions? options = null)
    {
        _options = options ?? DtdlValidationOptions.Default;
    }

    /// <summary>Validates a model made of one JSON document.</summary>
    public IReadOnlyList<Finding> Validate(string json) => ValidateModel([json]);

    /// <summary>Validates a model made of several JSON documents (for example one per emitted Interface).</summary>
    public IReadOnlyList<Finding> ValidateModel(IEnumerable<string> documents)
    {
        var findings = new List<Finding>();
        var parsed = new List<JsonDocument>();
        try
        {
            var index = 0;
            foreach (var text in documents)
            {
                try
                {
                    parsed.Add(JsonDocument.Parse(text.TrimStart('\uFEFF')));
                }
                catch (JsonException e)
                {
                    findings.Add(new Finding(DtdlRules.Json, $"doc{index}", $"The document is not valid JSON: {e.Message}"));
                }

                index++;
            }

            return Check(parsed.Select(d => d.RootElement).ToList(), findings);
        }
        finally
        {
            foreach (var document in parsed)
            {
                document.Dispose();
            }
        }
    }

    /// <summary>Validates a model given as already parsed JSON document roots.</summary>
    public IReadOnlyList<Finding> ValidateModel(IReadOnlyList<JsonElement> roots) => Check(roots, []);

    private IReadOnlyList<Finding> Check(IReadOnlyList<JsonElement> roots, List<Finding> findings)
    {
        var builder = new DtdlModelBuilder(_options, findings);
        for (var i = 0; i < roots.Count; i++)
        {
            builder.AddDocument(roots[i], $"doc{i}");
        }

        new DtdlModelChecker(builder, findings).Check();
        return findings;
    }
}
