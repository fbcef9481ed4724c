using TwinLang.Packaging;
using Xunit;

namespace TwinLang.Compiler.Tests;

public sealed class SemanticVersionTests
{
    [Theory]
    [InlineData("1.2.3", 1, 2, 3, "")]
    [InlineData("0.0.0", 0, 0, 0, "")]
    [InlineData("10.20.30-rc.1", 10, 20, 30, "rc.1")]
    [InlineData("1.0.0-alpha-beta+build.5", 1, 0, 0, "alpha-beta")]
    public void TryParse_ValidVersion_ReadsParts(string text, int major, int minor, int patch, string pre)
    {
        var version = SemanticVersion.TryParse(text);

        Assert.NotNull(version);
        Assert.Equal((major, minor, patch), (version.Major, version.Minor, version.Patch));
        Assert.Equal(pre, string.Join('.', version.Prerelease));
    }

    [Theory]
    [InlineData("1.2")]
    [InlineData("1.2.3.4")]
    [InlineData("01.2.3")]
    [InlineData("1.2.3-")]
    [InlineData("1.2.3-01")]
    [InlineData("1.2.3-a..b")]
    [InlineData("v1.2.3")]
    [InlineData("1.2.x")]
    [InlineData("")]
    [InlineData("1.2.3+")]
    public void TryParse_InvalidVersion_ReturnsNull(string text)
    {
        Assert.Null(SemanticVersion.TryParse(text));
    }

    [Fact]
    public void CompareTo_SemverSpecExample_OrdersByPrecedence()
    {
        // The ordering example of semver 2.0.0, section 11.
        string[] ordered = ["1.0.0-alpha", "1.0.0-alpha.1", "1.0.0-alpha.beta", "1.0.0-beta", "1.0.0-beta.2", "1.0.0-beta.11", "1.0.0-rc.1", "1.0.0", "1.0.1", "1.1.0", "2.0.0"];
        var versions = ordered.Select(v => SemanticVersion.TryParse(v) ?? throw new InvalidOperationException(v)).ToList();

        var shuffled = versions.AsEnumerable().Reverse().Order().Select(v => v.ToString());

        Assert.Equal(ordered, shuffled);
    }

    [Fact]
    public void Equals_SameVersionDifferentBuildMetadata_AreEqual()
    {
        Assert.Equal(SemanticVersion.TryParse("1.2.3-rc.1+a"), SemanticVersion.TryParse("1.2.3-rc.1+b"));
    }
}
