using System.Collections.Immutable;
using System.Globalization;

namespace TwinLang.Packaging;

/// <summary>
/// A semantic version <c>MAJOR.MINOR.PATCH[-prerelease]</c> ordered by semver 2.0.0 precedence
/// (build metadata after <c>+</c> is accepted and ignored, as the spec requires).
/// </summary>
public sealed record SemanticVersion(int Major, int Minor, int Patch, ImmutableArray<string> Prerelease) : IComparable<SemanticVersion>
{
    /// <summary>True when the version has pre-release identifiers.</summary>
    public bool IsPrerelease => !Prerelease.IsDefaultOrEmpty;

    /// <summary>Reads <paramref name="text"/>; null when it is not a semantic version.</summary>
    public static SemanticVersion? TryParse(string text)
    {
        var plus = text.IndexOf('+', StringComparison.Ordinal);
        var core = plus >= 0 ? text[..plus] : text;
        if (plus >= 0 && !AreIdentifiers(text[(plus + 1)..].Split('.'), numericRule: false))
        {
            return null;
        }

        var dash = core.IndexOf('-', StringComparison.Ordinal);
        var numbers = (dash >= 0 ? core[..dash] : core).Split('.');
        if (numbers.Length != 3
            || !TryParseNumber(numbers[0], out var major)
            || !TryParseNumber(numbers[1], out var minor)
            || !TryParseNumber(numbers[2], out var patch))
        {
            return null;
        }

        var pre = ImmutableArray<string>.Empty;
        if (dash >= 0)
        {
            var identifiers = core[(dash + 1)..].Split('.');
            if (!AreIdentifiers(identifiers, numericRule: true))
            {
                return null;
            }

            pre = [.. identifiers];
        }

        return new SemanticVersion(major, minor, patch, pre);
    }

    /// <summary>Precedence: core numbers, then a release outranks its pre-releases, then identifiers left to right.</summary>
    public int CompareTo(SemanticVersion? other)
    {
        if (other is null)
        {
            return 1;
        }

        var byCore = (Major, Minor, Patch).CompareTo((other.Major, other.Minor, other.Patch));
        if (byCore != 0)
        {
            return byCore;
        }

        if (!IsPrerelease || !other.IsPrerelease)
        {
            return other.IsPrerelease.CompareTo(IsPrerelease);
        }

        for (var i = 0; i < Math.Min(Prerelease.Length, other.Prerelease.Length); i++)
        {
            var byIdentifier = CompareIdentifiers(Prerelease[i], other.Prerelease[i]);
            if (byIdentifier != 0)
            {
                return byIdentifier;
            }
        }

        return Prerelease.Length.CompareTo(other.Prerelease.Length);
    }

    /// <summary>True when both have the same major, minor and patch numbers.</summary>
    public bool HasSameCore(SemanticVersion other) => (Major, Minor, Patch) == (other.Major, other.Minor, other.Patch);

    /// <summary>Equality follows the record's fields but compares pre-release identifiers by value.</summary>
    public bool Equals(SemanticVersion? other) => other is not null && CompareTo(other) == 0;

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Major, Minor, Patch, string.Join('.', Prerelease.IsDefault ? [] : Prerelease));

    /// <inheritdoc />
    public override string ToString()
    {
        var core = string.Create(CultureInfo.InvariantCulture, $"{Major}.{Minor}.{Patch}");
        return IsPrerelease ? core + "-" + string.Join('.', Prerelease) : core;
    }

    private static int CompareIdentifiers(string left, string right)
    {
        var leftNumeric = long.TryParse(left, NumberStyles.None, CultureInfo.InvariantCulture, out var leftNumber);
        var rightNumeric = long.TryParse(right, NumberStyles.None, CultureInfo.InvariantCulture, out var rightNumber);
        return (leftNumeric, rightNumeric) switch
        {
            (true, true) => leftNumber.CompareTo(rightNumber),
            (true, false) => -1,
            (false, true) => 1,
            _ => string.CompareOrdinal(left, right),
        };
    }

    private static bool TryParseNumber(string text, out int value)
    {
        value = 0;
        return text.Length > 0
            && (text.Length == 1 || text[0] != '0')
            && text.All(char.IsAsciiDigit)
            && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value);
    }

    // Pre-release identifiers may not be empty, and numeric ones may not have leading zeros (semver §9).
    private static bool AreIdentifiers(string[] identifiers, bool numericRule) =>
        identifiers.All(id => id.Length > 0
            && id.All(c => char.IsAsciiLetterOrDigit(c) || c == '-')
            && (!numericRule || !id.All(char.IsAsciiDigit) || id.Length == 1 || id[0] != '0'));
}
