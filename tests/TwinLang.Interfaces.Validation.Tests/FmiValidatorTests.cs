using Xunit;
using TwinLang.Interfaces.Validation.Fmi;

namespace TwinLang.Interfaces.Validation.Tests;

public sealed class FmiValidatorTests
{
    private readonly FmiValidator _validator = new();

    [Theory]
    [MemberData(nameof(OfficialExamples.Fmi), MemberType = typeof(OfficialExamples))]
    public void Validate_OfficialExample_HasNoFindings(string path)
    {
        var findings = _validator.Validate(OfficialExamples.Read(path));

        Assert.Empty(findings);
    }
}
