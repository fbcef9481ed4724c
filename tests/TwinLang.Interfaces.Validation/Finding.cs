namespace TwinLang.Interfaces.Validation;

/// <summary>How bad a finding is: errors make a document invalid, warnings do not.</summary>
public enum FindingSeverity
{
    Error,
    Warning,
}

/// <summary>
/// One problem found in an interface document: the rule it breaks (e.g. <c>AASd-022</c>,
/// <c>FMI-unique-valueReference</c>, <c>DTDL-4.name</c>), where (a JSON pointer or an XPath-like path) and why.
/// </summary>
public sealed record Finding(string RuleId, string Path, string Message, FindingSeverity Severity = FindingSeverity.Error)
{
    public override string ToString() => $"{Severity} {RuleId} at {Path}: {Message}";
}
