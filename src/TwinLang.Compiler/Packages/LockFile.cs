using System.Collections.Immutable;
using System.Text;
using System.Text.Json;
using TwinLang.Diagnostics;
using TwinLang.Text;

namespace TwinLang.Compiler.Packages;

/// <summary>
/// <c>twin.lock.json</c>: the resolved packages with versions, folders and content hashes, sorted by name, so a
/// build can prove it uses exactly what was reviewed (<c>twin check --locked</c>), as Cargo.lock and
/// packages.lock.json do. The text is deterministic: same packages, same bytes.
/// </summary>
public static class LockFile
{
    /// <summary>The lock file's name, next to the root manifest.</summary>
    public const string FileName = "twin.lock.json";

    private const int FormatVersion = 1;

    /// <summary>The lock file text for <paramref name="packages"/>.</summary>
    public static string Render(IEnumerable<ResolvedPackage> packages)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, NewLine = "\n", Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartObject();
            writer.WriteNumber("lockVersion", FormatVersion);
            writer.WriteStartArray("packages");
            foreach (var package in packages.OrderBy(p => p.Name, StringComparer.Ordinal).ThenBy(p => p.LockPath, StringComparer.Ordinal))
            {
                writer.WriteStartObject();
                writer.WriteString("name", package.Name);
                writer.WriteString("version", package.Version);
                writer.WriteString("path", package.LockPath);
                writer.WriteString("hash", package.Hash);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    /// <summary>Writes the lock file into <paramref name="folder"/> unless it already holds exactly this text.</summary>
    public static void Write(string folder, IEnumerable<ResolvedPackage> packages, string displayFolder, DiagnosticBag diagnostics)
    {
        var path = Path.Combine(folder, FileName);
        var text = Render(packages);
        try
        {
            if (!File.Exists(path) || !string.Equals(File.ReadAllText(path), text, StringComparison.Ordinal))
            {
                File.WriteAllText(path, text, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            var display = SourceFolder.JoinDisplayPath(displayFolder, FileName);
            diagnostics.Add(DiagnosticCatalog.At(new SourceText("", display), default).FileUnreadable(display, e.Message));
        }
    }

    /// <summary>Checks that the lock file in <paramref name="folder"/> records exactly <paramref name="packages"/>; reports TW5020/TW5021 otherwise.</summary>
    public static void Verify(string folder, ImmutableArray<ResolvedPackage> packages, string displayFolder, DiagnosticBag diagnostics)
    {
        var display = SourceFolder.JoinDisplayPath(displayFolder, FileName);
        var path = Path.Combine(folder, FileName);
        if (!File.Exists(path))
        {
            diagnostics.Add(DiagnosticCatalog.At(new SourceText("", display), default).LockFileMissing());
            return;
        }

        if (SourceFileReader.Read(path, display, diagnostics) is not { } text)
        {
            return;
        }

        var expected = Render(packages);
        if (string.Equals(text.Text.ReplaceLineEndings("\n"), expected, StringComparison.Ordinal))
        {
            return;
        }

        diagnostics.Add(DiagnosticCatalog.At(text, default).LockFileStale(DescribeDifference(text, packages)));
    }

    private static string DescribeDifference(SourceText text, ImmutableArray<ResolvedPackage> packages)
    {
        Dictionary<string, (string Version, string Hash)> locked;
        try
        {
            using var document = JsonDocument.Parse(text.Text);
            locked = document.RootElement.GetProperty("packages").EnumerateArray().ToDictionary(
                entry => entry.GetProperty("name").GetString() ?? "",
                entry => (entry.GetProperty("version").GetString() ?? "", entry.GetProperty("hash").GetString() ?? ""),
                StringComparer.Ordinal);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or ArgumentException)
        {
            return "it could not be read";
        }

        foreach (var package in packages)
        {
            if (!locked.TryGetValue(package.Name, out var entry))
            {
                return $"'{package.Name}' is not in it";
            }

            if (!string.Equals(entry.Version, package.Version, StringComparison.Ordinal))
            {
                return $"it locks '{package.Name}' at '{entry.Version}' and the manifest declares '{package.Version}'";
            }

            if (!string.Equals(entry.Hash, package.Hash, StringComparison.Ordinal))
            {
                return $"the sources of '{package.Name}' have changed";
            }
        }

        var extra = locked.Keys.Except(packages.Select(p => p.Name), StringComparer.Ordinal).Order(StringComparer.Ordinal).FirstOrDefault();
        return extra is null ? "its layout differs" : $"it locks '{extra}', which is no longer a dependency";
    }
}
