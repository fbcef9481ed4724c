using System.Globalization;
using TwinLang.Interfaces.Validation.Dtdl;
using Xunit;
using Xunit.Abstractions;

namespace TwinLang.Interfaces.Validation.Tests;

public sealed class DtdlSpecVectorTests
{
    private readonly ITestOutputHelper _output;

    public DtdlSpecVectorTests(ITestOutputHelper output)
    {
        _output = output;
    }

    [Fact]
    public void SpecVectors_InScope_AllAgreeWithExpectedValidity()
    {
        var inScope = DtdlSpecVectors.All.Where(DtdlSpecVectors.IsInScope).ToList();
        var disagreements = inScope.Where(c => !Agrees(c)).ToList();

        _output.WriteLine($"DTDL vectors in scope: {inScope.Count} of {DtdlSpecVectors.All.Count}; agreeing: {inScope.Count - disagreements.Count}.");
        Assert.True(inScope.Count > 1000, $"Expected over 1000 in-scope vectors but found {inScope.Count}.");
        Assert.True(disagreements.Count == 0, Describe(disagreements));
    }

    [Fact]
    public void SpecVectors_All_ReportOverallAgreement()
    {
        var all = DtdlSpecVectors.All;
        var disagreements = all.Where(c => !Agrees(c)).ToList();
        var agreement = (double)(all.Count - disagreements.Count) / all.Count;

        _output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"DTDL vectors overall: {all.Count - disagreements.Count} of {all.Count} agree ({agreement:P2})."));
        _output.WriteLine(Describe(disagreements));
        Assert.Equal(6760, all.Count);
        Assert.True(disagreements.Count == 0, Describe(disagreements));
    }

    [Fact]
    public void SpecVectors_WithExpectedUnresolvedIdentifiers_ReportExactlyThose()
    {
        var cases = DtdlSpecVectors.All.Where(c => c.UnresolvedIdentifiers.Count > 0).ToList();

        Assert.NotEmpty(cases);
        foreach (var specCase in cases)
        {
            var validator = new DtdlValidator(new DtdlValidationOptions { AllowUndefinedExtensions = specCase.AllowUndefinedExtensions });
            var reported = validator.ValidateModel(specCase.Documents)
                .Where(f => f.RuleId == DtdlRules.Unresolved)
                .Select(f => specCase.UnresolvedIdentifiers.Single(id => f.Message.Contains($"'{id}'", StringComparison.Ordinal)))
                .Distinct(StringComparer.Ordinal)
                .Order(StringComparer.Ordinal);
            Assert.Equal(specCase.UnresolvedIdentifiers.Order(StringComparer.Ordinal), reported);
        }
    }

    private static bool Agrees(DtdlSpecCase specCase)
    {
        var validator = new DtdlValidator(new DtdlValidationOptions { AllowUndefinedExtensions = specCase.AllowUndefinedExtensions });
        return validator.ValidateModel(specCase.Documents.Count == 1 ? [specCase.Documents[0]] : specCase.Documents).HasErrors() != specCase.Valid;
    }

    private static string Describe(List<DtdlSpecCase> disagreements)
    {
        var lines = disagreements.Take(400).Select(c =>
        {
            var validator = new DtdlValidator(new DtdlValidationOptions { AllowUndefinedExtensions = c.AllowUndefinedExtensions });
            var errors = validator.ValidateModel(c.Documents).Where(f => f.Severity == FindingSeverity.Error).Take(2);
            return $"{c.Name} expected {(c.Valid ? "valid" : "invalid")}: {string.Join(" | ", errors)}";
        });
        return $"{disagreements.Count} disagreements:\n" + string.Join("\n", lines);
    }
}
