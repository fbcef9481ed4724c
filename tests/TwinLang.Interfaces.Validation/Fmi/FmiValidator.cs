using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;

namespace TwinLang.Interfaces.Validation.Fmi;

/// <summary>
/// Validates an FMI 3.0 <c>modelDescription.xml</c>: against the official XSD (rule id <c>FMI-xsd</c>), then
/// the rules of the FMI 3.0.2 specification the XSD cannot express (<see cref="FmiSemanticChecker"/>).
/// Never throws on bad input: malformed XML is reported as <c>FMI-xml</c>.
/// </summary>
public sealed class FmiValidator
{
    public IReadOnlyList<Finding> Validate(string xml)
    {
        var findings = new List<Finding>();
        XDocument document;
        try
        {
            document = XDocument.Parse(xml, LoadOptions.SetLineInfo);
        }
        catch (XmlException e)
        {
            findings.Add(new Finding("FMI-xml", "", $"The document is not well-formed XML: {e.Message}"));
            return findings;
        }

        ValidateAgainstXsd(xml, findings);
        new FmiSemanticChecker(document, findings).Check();
        return findings;
    }

    private static void ValidateAgainstXsd(string xml, List<Finding> findings)
    {
        var settings = new XmlReaderSettings
        {
            ValidationType = ValidationType.Schema,
            Schemas = FmiSchema.Instance,
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
        };
        settings.ValidationFlags |= XmlSchemaValidationFlags.ReportValidationWarnings;
        settings.ValidationEventHandler += (_, e) =>
            findings.Add(new Finding("FMI-xsd", $"line {e.Exception.LineNumber}", e.Message));

        try
        {
            using var reader = XmlReader.Create(new StringReader(xml), settings);
            while (reader.Read())
            {
            }
        }
        catch (XmlException e)
        {
            findings.Add(new Finding("FMI-xml", $"line {e.LineNumber}", e.Message));
        }
    }
}
