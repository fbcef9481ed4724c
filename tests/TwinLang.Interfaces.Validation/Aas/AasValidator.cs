using System.Text.Json;
using NJsonSchema.Validation;

namespace TwinLang.Interfaces.Validation.Aas;

/// <summary>
/// Validates an AAS V3.1 JSON <c>Environment</c>: first against the official schema
/// (rule ids <c>AAS-schema:&lt;kind&gt;</c>), then the metamodel constraints the schema cannot express
/// (AASd-xxx ids as in IDTA-01001, plus <c>AAS-unique-id</c> and <c>AAS-value-type</c>).
/// Never throws on bad input: malformed JSON is reported as <c>AAS-json</c>.
/// </summary>
public sealed class AasValidator
{
    private readonly AasValidationOptions _options;

    public AasValidator(AasValidationOptions? options = null)
    {
        _options = options ?? AasValidationOptions.Default;
    }

    public IReadOnlyList<Finding> Validate(string json)
    {
        var findings = new List<Finding>();
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            findings.Add(new Finding("AAS-json", "", $"The document is not valid JSON: {e.Message}"));
            return findings;
        }

        using (document)
        {
            try
            {
                foreach (var error in AasSchema.Instance.Validate(json))
                {
                    findings.Add(ToFinding(error));
                }
            }
            catch (Newtonsoft.Json.JsonException e)
            {
                // NJsonSchema parses with Newtonsoft, which rejects a few inputs System.Text.Json accepts.
                findings.Add(new Finding("AAS-json", "", $"The schema validator could not read the document: {e.Message}"));
            }

            new AasConstraintChecker(document.RootElement, _options, findings).Check();
        }

        return findings;
    }

    private static Finding ToFinding(ValidationError error)
    {
        var message = $"Schema violation '{error.Kind}' on '{error.Property ?? "(root)"}'.";
        if (error is ChildSchemaValidationError child && child.Errors.Count > 0)
        {
            // For a failed oneOf the closest branch (fewest errors) is the one the author most likely meant.
            var closest = child.Errors.Values.OrderBy(e => e.Count).First();
            message += " Closest alternative fails with: " + string.Join("; ", closest.Take(3).Select(e => $"{e.Kind} at {e.Path}"));
        }

        return new Finding("AAS-schema:" + error.Kind, error.Path ?? "#", message);
    }
}
