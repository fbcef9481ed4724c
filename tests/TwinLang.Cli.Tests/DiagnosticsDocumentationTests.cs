using System.Reflection;
using System.Text.RegularExpressions;
using TwinLang.Compiler;
using TwinLang.Diagnostics;
using TwinLang.Text;
using Xunit;

namespace TwinLang.Cli.Tests;

/// <summary>
/// Keeps docs/diagnostics.md and the catalog in step: every factory's code is unique, well-formed and documented
/// with its severity, and every documented example really produces its code (Bicep, Roslyn and Dafny do the same).
/// </summary>
public sealed partial class DiagnosticsDocumentationTests
{
    public static TheoryData<string> DocumentedCodes()
    {
        var data = new TheoryData<string>();
        foreach (var entry in DiagnosticsDocument.Load())
        {
            data.Add(entry.Code);
        }

        return data;
    }

    [Fact]
    public void Catalog_EveryFactory_HasAUniqueCodeAndASentenceMessage()
    {
        var factories = CatalogFactories();

        Assert.NotEmpty(factories);
        Assert.All(factories, f =>
        {
            Assert.Matches(CodePattern(), f.Diagnostic.Code);
            Assert.NotEmpty(f.Diagnostic.Message);
            Assert.EndsWith(".", f.Diagnostic.Message, StringComparison.Ordinal);
        });

        // With every optional part given, a message still ends a sentence: a period, or a did-you-mean question.
        Assert.All(CatalogFactories(withOptionalParts: true), f => Assert.Matches(SentenceEnd(), f.Diagnostic.Message));
        var duplicates = factories.GroupBy(f => f.Diagnostic.Code).Where(g => g.Count() > 1).Select(g => $"{g.Key}: {string.Join(", ", g.Select(f => f.Method))}");
        Assert.Empty(duplicates);
    }

    [Fact]
    public void Catalog_EveryCode_HasAnEntryWithItsSeverity()
    {
        var entries = DiagnosticsDocument.Load().ToDictionary(e => e.Code, StringComparer.Ordinal);

        var problems = CatalogFactories()
            .Select(f => f.Diagnostic)
            .Where(d => !entries.TryGetValue(d.Code, out var entry) || entry.Severity != d.Severity.ToString().ToLowerInvariant())
            .Select(d => entries.ContainsKey(d.Code) ? $"{d.Code}: documented with another severity than {d.Severity}" : $"{d.Code}: no entry in docs/diagnostics.md");

        Assert.True(!problems.Any(), string.Join("\n", problems));
    }

    [Fact]
    public void Documentation_EveryEntry_NamesACatalogCodeOnce()
    {
        var codes = CatalogFactories().Select(f => f.Diagnostic.Code).ToHashSet(StringComparer.Ordinal);
        var entries = DiagnosticsDocument.Load();

        Assert.Empty(entries.Where(e => !codes.Contains(e.Code)).Select(e => e.Code));
        Assert.Empty(entries.GroupBy(e => e.Code).Where(g => g.Count() > 1).Select(g => g.Key));
    }

    [Theory]
    [MemberData(nameof(DocumentedCodes))]
    public void Documentation_Example_ProducesItsCode(string code)
    {
        var entry = DiagnosticsDocument.Load().Single(e => e.Code == code);

        if (entry.ExampleKind is null)
        {
            Assert.True(entry.SaysNoExample && code.StartsWith("TW9", StringComparison.Ordinal), $"{code} needs an example; only TW9xxx may say 'There is no example'.");
            return;
        }

        // A .twin example produces exactly its code; a command's run may report what the code is about as well
        // (twin fmt's TW5030 comes with the syntax errors that stopped it).
        var produced = entry.ExampleKind == "twin" ? CompileAsMain(entry.Example) : RunFilesExample(entry.Example);
        var expected = entry.ExampleKind == "twin" ? produced.Count > 0 && produced.All(c => c == code) : produced.Contains(code);

        Assert.True(expected, $"The example of {code} produced [{string.Join(", ", produced)}].");
    }

    [Fact]
    public void Catalog_EachPhaseFile_DeclaresOnlyCodesOfItsRange()
    {
        var folder = DiagnosticsDocument.RepositoryFile(Path.Combine("src", "TwinLang.Core", "Diagnostics"));
        var problems = new List<string>();
        foreach (var file in Directory.GetFiles(folder, "DiagnosticBuilder.*.cs").Order(StringComparer.Ordinal))
        {
            var phase = Path.GetFileNameWithoutExtension(file)["DiagnosticBuilder.".Length..];
            var codes = CodeInSource().Matches(File.ReadAllText(file)).Select(m => m.Groups[1].Value).ToList();
            var (first, last) = PhaseRanges.GetValueOrDefault(phase, (codes.FirstOrDefault() ?? "TW0000")[..3] is var prefix ? (prefix + "000", prefix + "999") : default);
            problems.AddRange(codes
                .Where(c => string.CompareOrdinal(c, first) < 0 || string.CompareOrdinal(c, last) > 0)
                .Select(c => $"{c} in DiagnosticBuilder.{phase}.cs is outside {first}..{last}"));
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void ParseFiles_EscapesAndCommand_AreRead()
    {
        var (args, files) = DiagnosticsDocument.ParseFiles("$ twin fmt --check a\\x41.twin\n--- a.twin\nx\\xFF\n--- b/c.twin\n");

        Assert.Equal(["fmt", "--check", "aA.twin"], args);
        Assert.Equal(["a.twin", "b/c.twin"], files.Select(f => f.Path));
        Assert.Equal([(byte)'x', 0xFF, (byte)'\n'], files[0].Bytes);
        Assert.Empty(files[1].Bytes);
    }

    private static List<string> CompileAsMain(string example) =>
        [.. Compilation.Create([new SourceText(example, "main.twin")], StandardLibrary.Default).Diagnostics.Select(d => d.Code)];

    private static List<string> RunFilesExample(string example)
    {
        var (args, files) = DiagnosticsDocument.ParseFiles(example);
        using var folder = new TempFolder();
        foreach (var (path, bytes) in files)
        {
            folder.WriteBytes(path, bytes);
        }

        var run = CliRun.Invoke(folder.Path, args);
        return [.. OutputCode().Matches(run.Out).Select(m => m.Groups[1].Value)];
    }

    /// <summary>Every public factory of <see cref="DiagnosticBuilder"/>, invoked with placeholder arguments.</summary>
    private static List<(string Method, Diagnostic Diagnostic)> CatalogFactories(bool withOptionalParts = false)
    {
        object builder = DiagnosticCatalog.At(new SourceText("x", "x.twin"), new TextSpan(0, 1));
        return typeof(DiagnosticBuilder)
            .GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
            .Where(m => m.ReturnType == typeof(Diagnostic))
            .OrderBy(m => m.Name, StringComparer.Ordinal)
            .Select(m => (m.Name, (Diagnostic)(m.Invoke(builder, [.. m.GetParameters().Select(p => withOptionalParts ? Placeholder(p.ParameterType) : Placeholder(p))]) ?? throw new InvalidOperationException(m.Name))))
            .ToList();
    }

    // Optional parts (a nullable 'did you mean' suggestion, an empty detail) are left out: the call gives the base message.
    private static object? Placeholder(ParameterInfo parameter) =>
        new NullabilityInfoContext().Create(parameter).WriteState == NullabilityState.Nullable ? null : Placeholder(parameter.ParameterType);

    private static object? Placeholder(Type type) => type switch
    {
        _ when type == typeof(string) => "x",
        _ when type == typeof(string[]) => new[] { "x" },
        _ when type.IsAssignableFrom(typeof(string[])) => new[] { "x" },
        _ when type == typeof(int) => 1,
        _ when type == typeof(long) => 1L,
        _ when type == typeof(double) => 1.0,
        _ when type.IsValueType => Activator.CreateInstance(type),
        _ => null,
    };

    // STYLE.md §3's ranges; the units and type checks share TW2xxx, the binder's equation checks keep TW30xx.
    // A phase file not named here must keep all its codes in the thousand of its first one.
    private static readonly Dictionary<string, (string First, string Last)> PhaseRanges = new(StringComparer.Ordinal)
    {
        ["Parsing"] = ("TW0001", "TW0099"),
        ["Names"] = ("TW1000", "TW1999"),
        ["Units"] = ("TW2000", "TW2049"),
        ["Types"] = ("TW2050", "TW2999"),
        ["Equations"] = ("TW3000", "TW3099"),
        ["Project"] = ("TW5000", "TW5999"),
        ["Internal"] = ("TW9000", "TW9999"),
    };

    [GeneratedRegex(@"""(TW\d{4})""")]
    private static partial Regex CodeInSource();

    [GeneratedRegex(@"[^.?\s][.?]$")]
    private static partial Regex SentenceEnd();

    [GeneratedRegex(@"^TW\d{4}$")]
    private static partial Regex CodePattern();

    [GeneratedRegex(@"\): (?:error|warning|info) (TW\d{4}): ")]
    private static partial Regex OutputCode();
}
