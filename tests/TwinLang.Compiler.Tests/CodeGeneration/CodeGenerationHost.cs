using TwinLang.Binding;
using TwinLang.Compiler.Tests.Binding;
using TwinLang.Lowering;
using TwinLang.Parsing;
using TwinLang.Syntax;
using TwinLang.Text;
using Xunit;

namespace TwinLang.Compiler.Tests.CodeGeneration;

/// <summary>Binds sources (with the test prelude or the real standard library) and builds one asset.</summary>
internal static class CodeGenerationHost
{
    public static TwinBuildResult Build(string source, string asset, bool emitCSharp = true) =>
        TwinBuilder.Build(BindingTestHost.AssertClean(source), asset, new TwinBuildOptions(emitCSharp));

    public static TwinBuildResult AssertBuilds(string source, string asset)
    {
        var result = Build(source, asset);
        Assert.True(result.Success, "build failed:\n" + string.Join("\n", result.Diagnostics) + "\n" + result.CSharp);
        return result;
    }

    public static LoweringResult Lower(string source, string asset)
    {
        var model = BindingTestHost.AssertClean(source);
        var symbol = model.Assets.Single(a => a.Name == asset);
        return ModelLowerer.Lower(model, symbol);
    }

    /// <summary>Binds <paramref name="source"/> (path main.twin) with the repository's standard library.</summary>
    public static SemanticModel BindWithStandardLibrary(string source)
    {
        var trees = new List<SyntaxTree>(RepositoryStandardLibrary.SyntaxTrees) { TwinParser.Parse(new SourceText(source, "main.twin")) };
        var model = Binder.Bind(trees);
        Assert.True(!model.HasErrors, "unexpected diagnostics:\n" + string.Join("\n", model.Diagnostics.Where(d => d.IsError)));
        return model;
    }

    public static string Example(string relativePath) =>
        File.ReadAllText(Path.Combine(RepositoryStandardLibrary.RepositoryRoot(), relativePath.Replace('/', Path.DirectorySeparatorChar))).ReplaceLineEndings("\n");

    public static string[] Codes(TwinBuildResult result) => result.Diagnostics.Select(d => d.Code).Distinct().Order(StringComparer.Ordinal).ToArray();
}
