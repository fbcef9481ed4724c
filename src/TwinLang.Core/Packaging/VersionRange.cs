namespace TwinLang.Packaging;

/// <summary>
/// A dependency's accepted versions, written as npm and Cargo do: <c>^1.2.0</c> (same major, or same
/// minor below 1.0), <c>~1.2.0</c> (same minor), <c>1.2.0</c> or <c>=1.2.0</c> (exact), <c>&gt;=1.2.0</c>.
/// </summary>
public sealed record VersionRange(string Text, SemanticVersion Minimum, SemanticVersion? ExclusiveMaximum, bool IsExact)
{
    /// <summary>Reads <paramref name="text"/>; null when it is not a range.</summary>
    public static VersionRange? TryParse(string text)
    {
        var trimmed = text.Trim();
        var (op, rest) = trimmed switch
        {
            _ when trimmed.StartsWith(">=", StringComparison.Ordinal) => (">=", trimmed[2..]),
            _ when trimmed.StartsWith('^') => ("^", trimmed[1..]),
            _ when trimmed.StartsWith('~') => ("~", trimmed[1..]),
            _ when trimmed.StartsWith('=') => ("=", trimmed[1..]),
            _ => ("=", trimmed),
        };
        if (SemanticVersion.TryParse(rest.Trim()) is not { } minimum)
        {
            return null;
        }

        var (major, minor, patch) = (minimum.Major, minimum.Minor, minimum.Patch);
        SemanticVersion? maximum = op switch
        {
            ">=" => null,
            "^" when major > 0 => Release(major + 1, 0, 0),
            "^" when minor > 0 => Release(0, minor + 1, 0),
            "^" => Release(0, 0, patch + 1),
            "~" => Release(major, minor + 1, 0),
            _ => null,
        };
        return new VersionRange(trimmed, minimum, maximum, IsExact: op == "=");
    }

    /// <summary>
    /// True when <paramref name="version"/> lies in the range. As in npm, a pre-release only matches a range
    /// whose lower bound is a pre-release of the same MAJOR.MINOR.PATCH, so <c>^1.0.0</c> never picks <c>2.0.0-beta</c>.
    /// </summary>
    public bool Contains(SemanticVersion version)
    {
        if (version.IsPrerelease && !(Minimum.IsPrerelease && Minimum.HasSameCore(version)))
        {
            return false;
        }

        if (IsExact)
        {
            return version.CompareTo(Minimum) == 0;
        }

        return version.CompareTo(Minimum) >= 0 && (ExclusiveMaximum is null || version.CompareTo(ExclusiveMaximum) < 0);
    }

    /// <inheritdoc />
    public override string ToString() => Text;

    private static SemanticVersion Release(int major, int minor, int patch) => new(major, minor, patch, []);
}
