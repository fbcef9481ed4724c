using TwinLang.Lowering;
using TwinLang.Testing;
using Xunit;

namespace TwinLang.Compiler.Tests.CodeGeneration;

/// <summary>
/// Golden files of building (lowering and sorting): every folder tests/Baselines/Build_&lt;Case&gt;/ names its asset
/// in a <c>// build: Asset</c> line; <c>main.build.txt</c> holds the source annotated with the build's
/// diagnostics, followed by the IR when the build succeeds (with the repository's standard library).
/// </summary>
public sealed class BuildBaselineTests
{
    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        var root = Path.Combine(Baseline.RepositoryRoot(), "tests", "Baselines");
        foreach (var folder in Directory.GetDirectories(root, "Build_*").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(folder));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Build_Case_MatchesGoldenFile(string caseName)
    {
        var folder = $"tests/Baselines/{caseName}";
        var source = File.ReadAllText(Path.Combine(Baseline.RepositoryRoot(), folder, "main.twin")).ReplaceLineEndings("\n");
        var asset = source.Split('\n').First(l => l.StartsWith("// build: ", StringComparison.Ordinal))["// build: ".Length..].Trim();
        var model = CodeGenerationHost.BindWithStandardLibrary(source);
        var result = TwinBuilder.Build(model, asset, new TwinBuildOptions(EmitCSharp: false));
        var text = model.Trees.Single(t => t.Text.Path == "main.twin").Text;
        var own = result.Diagnostics.Where(d => ReferenceEquals(d.Source, text)).ToList();
        var output = BaselineTests.PrintDiagnostics(text, own);
        foreach (var other in result.Diagnostics.Except(own))
        {
            output += $"//@ {Path.GetFileName(other.Source.Path)}({other.Start.Line + 1}) {other.Code} {other.Severity}: {other.Message}\n";
        }
        if (result.Model is { } ir)
        {
            output += "\n" + IrPrinter.Print(ir);
        }

        Baseline.AssertMatches(output, $"{folder}/main.build.txt");
    }
}
