using TwinLang.Testing;
using Xunit;

namespace TwinLang.Compiler.Tests.CodeGeneration;

/// <summary>Generated C#: golden files, determinism, and names and texts from the source that try to inject code.</summary>
public sealed class EmissionTests
{
    public static TheoryData<string> Cases => new() { "CodeGen_AlgebraicLoop", "CodeGen_Decay", "CodeGen_Events", "CodeGen_Pack", "CodeGen_Table" };

    [Theory]
    [MemberData(nameof(Cases))]
    public void GeneratedCSharp_MatchesBaseline(string name)
    {
        var folder = $"tests/Baselines/{name}";
        var source = File.ReadAllText(Path.Combine(Baseline.RepositoryRoot(), folder, "main.twin")).ReplaceLineEndings("\n");
        var asset = source.Split('\n').First(l => l.StartsWith("// build: ", StringComparison.Ordinal))["// build: ".Length..].Trim();
        var result = CodeGenerationHost.AssertBuilds(source, asset);
        Baseline.AssertMatches(result.CSharp ?? string.Empty, $"{folder}/main.g.cs");
        Baseline.AssertMatches(TwinLang.Lowering.IrPrinter.Print(result.Model ?? throw new InvalidOperationException("no IR")), $"{folder}/main.ir.txt");
    }

    [Fact]
    public void Build_Twice_IsByteIdentical()
    {
        var source = File.ReadAllText(Path.Combine(Baseline.RepositoryRoot(), "tests/Baselines/CodeGen_Pack/main.twin")).ReplaceLineEndings("\n");
        var first = CodeGenerationHost.AssertBuilds(source, "Pack");
        var second = CodeGenerationHost.AssertBuilds(source, "Pack");
        Assert.Equal(first.CSharp, second.CSharp);
        Assert.Equal(first.Assembly, second.Assembly);
        Assert.Equal(first.Pdb, second.Pdb);
    }

    [Fact]
    public void Build_UnderFrenchCulture_GivesTheSameCode()
    {
        var source = File.ReadAllText(Path.Combine(Baseline.RepositoryRoot(), "tests/Baselines/CodeGen_Decay/main.twin")).ReplaceLineEndings("\n");
        var invariant = CodeGenerationHost.AssertBuilds(source, "Decay").CSharp;
        var previous = System.Globalization.CultureInfo.CurrentCulture;
        try
        {
            System.Globalization.CultureInfo.CurrentCulture = new System.Globalization.CultureInfo("fr-FR");
            Assert.Equal(invariant, CodeGenerationHost.AssertBuilds(source, "Decay").CSharp);
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = previous;
        }
    }

    [Fact]
    public void HostileNamesAndTexts_CannotInjectCode()
    {
        const string source = """
            /// Doc with */ and "quotes" and } class Evil { and \u2028 line separator
            asset double {
              /// evil */ } public static void Main() { } /*
              parameter namespace: Frequency = 1 Hz "x\"\n} class Injected { } //"
              parameter _x0041: Real = 2 "\\\" + System.Environment.Exit(1) + \""
              state class_: Real = 1 "*/ #error injected"
              output __arglist: Real
              equation {
                der(class_) = -namespace * class_
                __arglist = _x0041 * class_
              }
            }
            """;
        var result = CodeGenerationHost.AssertBuilds(source, "double");
        var model = result.CreateInstance();
        Assert.Equal("double", model.Description.Name);
        Assert.Equal("x\"\n} class Injected { } //", model.Description.Parameters[0].Description);
        Assert.Equal("\\\" + System.Environment.Exit(1) + \"", model.Description.Parameters[1].Description);
        Assert.Equal("*/ #error injected", model.Description.States[0].Description);
        Assert.DoesNotContain("class Injected", result.CSharp?.Replace("\"x\\\"\\n} class Injected { } //\"", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Single(result.LoadModelType().Assembly.GetTypes(), t => !t.Name.StartsWith('<'));
    }

    [Fact]
    public void Derivatives_AfterWarmUp_AllocatesNothing()
    {
        var source = File.ReadAllText(Path.Combine(Baseline.RepositoryRoot(), "tests/Baselines/CodeGen_Pack/main.twin")).ReplaceLineEndings("\n");
        var model = CodeGenerationHost.AssertBuilds(source, "Pack").CreateInstance();
        var x = new double[model.Description.States.Count];
        var dx = new double[x.Length];
        var y = new double[model.Description.Outputs.Count];
        model.InitialState(x);
        model.Derivatives(0, x, dx);
        model.Outputs(0, x, y);
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var k = 0; k < 100; k++)
        {
            model.Derivatives(k, x, dx);
            model.Outputs(k, x, y);
        }

        Assert.Equal(before, GC.GetAllocatedBytesForCurrentThread());
    }
}
