using System.Text.Json.Nodes;
using TwinLang.Interfaces.Validation.Aas;
using Xunit;

namespace TwinLang.Interfaces.Validation.Tests;

public sealed class AasValidatorTests
{
    private readonly AasValidator _validator = new();

    [Theory]
    [MemberData(nameof(OfficialExamples.Aas), MemberType = typeof(OfficialExamples))]
    public void Validate_OfficialExample_HasNoFindings(string path)
    {
        var findings = _validator.Validate(OfficialExamples.Read(path));

        Assert.Empty(findings);
    }
}
