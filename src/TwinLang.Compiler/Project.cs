using System.Collections.Immutable;
using TwinLang.Compiler.Packages;
using TwinLang.Diagnostics;
using TwinLang.Text;

namespace TwinLang.Compiler;

/// <summary>
/// The files one command works on: the sources named (files, or folders expanded to their <c>.twin</c> files),
/// the files of the packages their manifests depend on, and every problem met loading them. Loading never
/// throws on user input: missing files, bad bytes and bad manifests are diagnostics.
/// </summary>
public sealed class Project
{
    private Project(ImmutableArray<SourceText> sources, ImmutableArray<ResolvedPackage> packages, ImmutableArray<SourceText> libraries, ImmutableArray<Diagnostic> diagnostics)
    {
        Sources = sources;
        Packages = packages;
        Libraries = libraries;
        Diagnostics = diagnostics;
    }

    /// <summary>The sources, in the order named, each folder's files in ordinal order; paths as the user gave them.</summary>
    public ImmutableArray<SourceText> Sources { get; }

    /// <summary>Resolved packages of every manifest found in a named folder.</summary>
    public ImmutableArray<ResolvedPackage> Packages { get; }

    /// <summary>The packages' source files (excluding any file that is also a source).</summary>
    public ImmutableArray<SourceText> Libraries { get; }

    /// <summary>Problems met while loading, sorted.</summary>
    public ImmutableArray<Diagnostic> Diagnostics { get; }

    /// <summary>
    /// Loads <paramref name="paths"/>. A folder with a <c>twin.json</c> is a package: its dependencies are resolved
    /// and its lock file written, verified or ignored as <see cref="ProjectOptions.LockFile"/> says.
    /// </summary>
    public static Project Load(IReadOnlyList<string> paths, ProjectOptions options)
    {
        var diagnostics = new DiagnosticBag();
        var sources = new List<SourceText>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var packages = new List<ResolvedPackage>();
        foreach (var given in paths)
        {
            if (TryGetFullPath(given, options.WorkingDirectory, diagnostics) is not { } fullPath)
            {
                continue;
            }

            if (Directory.Exists(fullPath))
            {
                var files = SourceFolder.EnumerateSourceFiles(fullPath);
                if (files.Count == 0)
                {
                    diagnostics.Add(DiagnosticCatalog.At(new SourceText("", given), default).NoSourceFiles(given));
                }

                foreach (var relative in files)
                {
                    AddSource(Path.Combine(fullPath, relative), SourceFolder.JoinDisplayPath(given, relative));
                }

                if (options.ResolvePackages && File.Exists(Path.Combine(fullPath, PackageManifest.FileName)))
                {
                    packages.AddRange(LoadPackage(fullPath, given, options, diagnostics));
                }
            }
            else if (File.Exists(fullPath))
            {
                AddSource(fullPath, given);
            }
            else
            {
                diagnostics.Add(DiagnosticCatalog.At(new SourceText("", given), default).FileNotFound(given));
            }
        }

        // A dependency folder inside a named folder is compiled once, as a source.
        var unique = packages.DistinctBy(p => p.Folder, StringComparer.Ordinal).ToImmutableArray();
        var libraries = unique
            .SelectMany(p => p.Sources.Zip(p.SourceFullPaths))
            .Where(file => seen.Add(file.Second))
            .Select(file => file.First);
        return new Project([.. sources], unique, [.. libraries], [.. diagnostics.ToSortedList()]);

        void AddSource(string fullPath, string displayPath)
        {
            if (seen.Add(fullPath) && SourceFileReader.Read(fullPath, displayPath, diagnostics) is { } text)
            {
                sources.Add(text);
            }
        }
    }

    private static string? TryGetFullPath(string given, string workingDirectory, DiagnosticBag diagnostics)
    {
        try
        {
            return Path.GetFullPath(given, workingDirectory);
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            diagnostics.Add(DiagnosticCatalog.At(new SourceText("", given), default).FileUnreadable(given, e.Message));
            return null;
        }
    }

    private static ImmutableArray<ResolvedPackage> LoadPackage(string folder, string displayFolder, ProjectOptions options, DiagnosticBag diagnostics)
    {
        var manifestDiagnostics = new DiagnosticBag();
        if (PackageManifest.Read(folder, displayFolder, manifestDiagnostics) is not { } manifest)
        {
            diagnostics.AddRange(manifestDiagnostics.ToSortedList());
            return [];
        }

        var packages = PackageResolver.Resolve(manifest, displayFolder, manifestDiagnostics);
        diagnostics.AddRange(manifestDiagnostics.ToSortedList());
        if (options.LockFile == LockFileMode.Verify)
        {
            LockFile.Verify(folder, packages, displayFolder, diagnostics);
        }
        else if (options.LockFile == LockFileMode.Write && !manifestDiagnostics.HasErrors)
        {
            // A lock is written only for a resolution that succeeded, so it never records a broken state.
            LockFile.Write(folder, packages, displayFolder, diagnostics);
        }

        return packages;
    }
}
