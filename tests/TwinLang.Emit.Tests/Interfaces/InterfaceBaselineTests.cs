using TwinLang.Emit.Interfaces;
using TwinLang.Testing;
using Xunit;

namespace TwinLang.Emit.Tests.Interfaces;

/// <summary>Golden files of the documents emitted for a few examples (tests/Baselines/Interfaces/&lt;example&gt;/).</summary>
public class InterfaceBaselineTests
{
    [Theory]
    [InlineData("bouncing-ball")]
    [InlineData("battery-pack")]
    [InlineData("rc-circuit")]
    [InlineData("pi-heater")]
    public void EmittedDocuments_OfExample_MatchBaselines(string name)
    {
        var result = InterfaceValidationTests.Emit(name);

        Assert.NotEmpty(result.Documents);
        foreach (var document in result.Documents)
        {
            Baseline.AssertMatches(document.Content, $"tests/Baselines/Interfaces/{name}/{document.FileName}");
        }

        Baseline.AssertMatches(
            string.Concat(result.Diagnostics.Select(d => d.ToMsBuildString() + "\n")) + "",
            $"tests/Baselines/Interfaces/{name}/diagnostics.txt");
    }
}
