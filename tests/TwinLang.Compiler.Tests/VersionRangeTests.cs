using TwinLang.Packaging;
using Xunit;

namespace TwinLang.Compiler.Tests;

public sealed class VersionRangeTests
{
    [Theory]
    [InlineData("^1.2.0", "1.2.0", true)]
    [InlineData("^1.2.0", "1.9.9", true)]
    [InlineData("^1.2.0", "2.0.0", false)]
    [InlineData("^1.2.0", "1.1.9", false)]
    [InlineData("^0.2.3", "0.2.9", true)]
    [InlineData("^0.2.3", "0.3.0", false)]
    [InlineData("^0.0.3", "0.0.4", false)]
    [InlineData("~1.2.0", "1.2.7", true)]
    [InlineData("~1.2.0", "1.3.0", false)]
    [InlineData("1.2.0", "1.2.0", true)]
    [InlineData("=1.2.0", "1.2.1", false)]
    [InlineData(">=1.2.0", "7.0.0", true)]
    [InlineData(">=1.2.0", "1.1.0", false)]
    [InlineData("^1.0.0", "2.0.0-beta", false)]
    [InlineData("^1.0.0", "1.5.0-beta", false)]
    [InlineData("^1.5.0-alpha", "1.5.0-beta", true)]
    [InlineData("1.0.0-rc.1", "1.0.0-rc.1", true)]
    public void Contains_Version_FollowsNpmRules(string range, string version, bool expected)
    {
        var parsedRange = VersionRange.TryParse(range);
        var parsedVersion = SemanticVersion.TryParse(version);

        Assert.NotNull(parsedRange);
        Assert.NotNull(parsedVersion);
        Assert.Equal(expected, parsedRange.Contains(parsedVersion));
    }

    [Theory]
    [InlineData("^")]
    [InlineData("^1")]
    [InlineData("1.x")]
    [InlineData("<2.0.0")]
    [InlineData("")]
    public void TryParse_NotARange_ReturnsNull(string text)
    {
        Assert.Null(VersionRange.TryParse(text));
    }
}
