using System.Collections.Immutable;
using System.Security.Cryptography;
using TwinLang.Diagnostics;
using TwinLang.Text;

namespace TwinLang.Compiler.Packages;

/// <summary>A dependency resolved to a folder on disk, with its sources and their content hash.</summary>
/// <param name="Name">The package name its manifest declares.</param>
/// <param name="Version">The version its manifest declares (as written), or empty when invalid.</param>
/// <param name="Folder">Full path of the package folder.</param>
/// <param name="LockPath">The folder relative to the root package, with <c>/</c>, as written in the lock file.</param>
/// <param name="Sources">Its <c>.twin</c> files.</param>
/// <param name="SourceFullPaths">Full paths of <paramref name="Sources"/>, index for index.</param>
/// <param name="Hash">SHA-256 of its <c>.twin</c> files' relative paths and bytes, as <c>sha256-hex</c>.</param>
public sealed record ResolvedPackage(string Name, string Version, string Folder, string LockPath, ImmutableArray<SourceText> Sources, ImmutableArray<string> SourceFullPaths, string Hash);

/// <summary>
/// Resolves a root manifest's local path dependencies transitively (depth first, in manifest order), checking
/// each dependency's own manifest against the name and version range that asked for it, and reporting cycles.
/// </summary>
public sealed class PackageResolver
{
    private readonly PackageManifest _root;
    private readonly DiagnosticBag _diagnostics;
    private readonly Dictionary<string, ResolvedPackage> _resolved = new(StringComparer.Ordinal);
    private readonly List<(string Folder, string Name)> _stack = [];

    private PackageResolver(PackageManifest root, DiagnosticBag diagnostics)
    {
        _root = root;
        _diagnostics = diagnostics;
    }

    /// <summary>Every package <paramref name="root"/> depends on, sorted by name (ordinal).</summary>
    public static ImmutableArray<ResolvedPackage> Resolve(PackageManifest root, string rootDisplayFolder, DiagnosticBag diagnostics)
    {
        var resolver = new PackageResolver(root, diagnostics);
        resolver.Visit(root, rootDisplayFolder);
        return [.. resolver._resolved.Values.OrderBy(p => p.Name, StringComparer.Ordinal).ThenBy(p => p.LockPath, StringComparer.Ordinal)];
    }

    private void Visit(PackageManifest manifest, string displayFolder)
    {
        _stack.Add((manifest.Folder, manifest.Package));
        foreach (var dependency in manifest.Dependencies)
        {
            var folder = Path.GetFullPath(Path.Combine(manifest.Folder, dependency.Path));
            var cycleStart = _stack.FindIndex(entry => string.Equals(entry.Folder, folder, StringComparison.Ordinal));
            if (cycleStart >= 0)
            {
                var cycle = string.Join(" -> ", _stack.Skip(cycleStart).Select(entry => entry.Name).Append(dependency.Name));
                _diagnostics.Add(DiagnosticCatalog.At(manifest.Text, dependency.NameSpan).DependencyCycle(cycle));
                continue;
            }

            if (_resolved.ContainsKey(folder))
            {
                continue;
            }

            var dependencyDisplay = SourceFolder.JoinDisplayPath(displayFolder, dependency.Path);
            if (!File.Exists(Path.Combine(folder, PackageManifest.FileName)))
            {
                _diagnostics.Add(DiagnosticCatalog.At(manifest.Text, dependency.NameSpan).ManifestNotFound(dependency.Name, dependencyDisplay));
                continue;
            }

            if (PackageManifest.Read(folder, dependencyDisplay, _diagnostics) is not { } target)
            {
                continue;
            }

            if (target.Package.Length > 0 && !string.Equals(target.Package, dependency.Name, StringComparison.Ordinal))
            {
                _diagnostics.Add(DiagnosticCatalog.At(manifest.Text, dependency.NameSpan).DependencyNameMismatch(dependency.Name, target.Package));
            }

            if (dependency.Range is { } range && target.Version is { } version && !range.Contains(version))
            {
                _diagnostics.Add(DiagnosticCatalog.At(manifest.Text, dependency.RangeSpan).DependencyVersionMismatch(dependency.Name, range.Text, version.ToString()));
            }

            _resolved[folder] = Load(target, dependency.Name, dependencyDisplay);
            Visit(target, dependencyDisplay);
        }

        _stack.RemoveAt(_stack.Count - 1);
    }

    private ResolvedPackage Load(PackageManifest manifest, string requestedName, string displayFolder)
    {
        var sources = ImmutableArray.CreateBuilder<SourceText>();
        var fullPaths = ImmutableArray.CreateBuilder<string>();
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var relative in SourceFolder.EnumerateSourceFiles(manifest.Folder))
        {
            var fullPath = Path.Combine(manifest.Folder, relative);
            var displayPath = SourceFolder.JoinDisplayPath(displayFolder, relative);
            hash.AppendData(System.Text.Encoding.UTF8.GetBytes(relative + "\0"));
            try
            {
                hash.AppendData(File.ReadAllBytes(fullPath));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // SourceFileReader below reports it.
            }

            hash.AppendData([0]);
            if (SourceFileReader.Read(fullPath, displayPath, _diagnostics) is { } text)
            {
                sources.Add(text);
                fullPaths.Add(fullPath);
            }
        }

        var name = manifest.Package.Length > 0 ? manifest.Package : requestedName;
        var lockPath = Path.GetRelativePath(_root.Folder, manifest.Folder).Replace('\\', '/');
        return new ResolvedPackage(name, manifest.Version?.ToString() ?? "", manifest.Folder, lockPath, sources.ToImmutable(), fullPaths.ToImmutable(), "sha256-" + Convert.ToHexStringLower(hash.GetHashAndReset()));
    }
}
