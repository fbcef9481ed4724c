using System.Globalization;

namespace TwinLang.Diagnostics;

// TW5xxx: project loading, package manifests, lock files and the command line.
public readonly partial struct DiagnosticBuilder
{
    /// <summary>TW5001: a file or folder named on the command line or by the host does not exist.</summary>
    public Diagnostic FileNotFound(string path) =>
        Error("TW5001", $"Expected a '.twin' file or a folder but found nothing at {Quote(path)}.");

    /// <summary>TW5002: a file exists but could not be read.</summary>
    public Diagnostic FileUnreadable(string path, string reason) =>
        Error("TW5002", $"Could not read {Quote(path)}: {reason.TrimEnd('.')}.");

    /// <summary>TW5003: a source file is not valid UTF-8; the text is still checked with the bad bytes replaced.</summary>
    public Diagnostic InvalidUtf8(long byteOffset) =>
        Error("TW5003", string.Create(CultureInfo.InvariantCulture, $"Expected UTF-8 text but found an invalid byte sequence at byte offset {byteOffset}; save the file as UTF-8."));

    /// <summary>TW5004: a folder given to the compiler holds no source file.</summary>
    public Diagnostic NoSourceFiles(string folder) =>
        Warning("TW5004", $"Expected '.twin' files in the folder {Quote(folder)} but found none.");

    /// <summary>TW5010: a package manifest <c>twin.json</c> that a dependency points at is missing.</summary>
    public Diagnostic ManifestNotFound(string dependency, string folder) =>
        Error("TW5010", $"Expected a manifest 'twin.json' for dependency {Quote(dependency)} in {Quote(folder)} but found none.");

    /// <summary>TW5011: a manifest or lock file is not valid JSON; the span is where the reader stopped.</summary>
    public Diagnostic MalformedJson(string detail) =>
        Error("TW5011", $"Expected valid JSON but found an error: {detail.TrimEnd('.')}.");

    /// <summary>TW5012: a manifest field is missing or has the wrong shape.</summary>
    public Diagnostic InvalidManifestField(string field, string expected) =>
        Error("TW5012", $"Expected the manifest field {Quote(field)} to be {expected}.");

    /// <summary>TW5013: a version is not a semantic version.</summary>
    public Diagnostic InvalidVersion(string text) =>
        Error("TW5013", $"Expected a semantic version 'MAJOR.MINOR.PATCH' with an optional '-prerelease' but found {Quote(text)}.");

    /// <summary>TW5014: a dependency's version range cannot be read.</summary>
    public Diagnostic InvalidVersionRange(string text) =>
        Error("TW5014", $"Expected a version range such as '^1.2.0', '~1.2.0', '1.2.0' or '>=1.2.0' but found {Quote(text)}.");

    /// <summary>TW5015: a dependency's own manifest declares a version outside the required range.</summary>
    public Diagnostic DependencyVersionMismatch(string dependency, string range, string actual) =>
        Error("TW5015", $"Dependency {Quote(dependency)} requires a version in {Quote(range)} but its manifest declares {Quote(actual)}.");

    /// <summary>TW5016: dependencies refer back to a package that is still being resolved.</summary>
    public Diagnostic DependencyCycle(string cycle) =>
        Error("TW5016", $"Expected dependencies without cycles but found {Quote(cycle)}.");

    /// <summary>TW5017: the dependency's name differs from the package name its manifest declares.</summary>
    public Diagnostic DependencyNameMismatch(string dependency, string actual) =>
        Error("TW5017", $"Expected the manifest of dependency {Quote(dependency)} to declare that package but it declares {Quote(actual)}.");

    /// <summary>TW5020: <c>--locked</c> was given but there is no lock file.</summary>
    public Diagnostic LockFileMissing() =>
        Error("TW5020", "Expected a lock file 'twin.lock.json' because of '--locked' but found none; run 'twin check' without '--locked' to write it.");

    /// <summary>TW5021: <c>--locked</c> was given but the lock file no longer matches the resolved packages.</summary>
    public Diagnostic LockFileStale(string detail) =>
        Error("TW5021", $"Expected 'twin.lock.json' to match the resolved packages but {detail.TrimEnd('.')}; run 'twin check' without '--locked' to update it.");

    /// <summary>TW5030: <c>twin fmt</c> left a file alone because it has syntax errors.</summary>
    public Diagnostic NotFormattedSyntaxErrors(string path) =>
        Warning("TW5030", $"Did not format {Quote(path)} because it has syntax errors; fix them first.");
}
