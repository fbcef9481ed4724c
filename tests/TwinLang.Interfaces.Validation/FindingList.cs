namespace TwinLang.Interfaces.Validation;

/// <summary>Helpers over a validator's result list.</summary>
public static class FindingList
{
    public static bool HasErrors(this IReadOnlyList<Finding> findings) =>
        findings.Any(f => f.Severity == FindingSeverity.Error);

    public static bool HasRule(this IReadOnlyList<Finding> findings, string ruleId) =>
        findings.Any(f => string.Equals(f.RuleId, ruleId, StringComparison.Ordinal));
}
