using TwinLang.Runtime;
using TwinLang.Text;
using Xunit;

namespace TwinLang.Compiler.Tests.CodeGeneration;

/// <summary>Generated analytic Jacobians against finite differences, their sparsity patterns and their cost.</summary>
public sealed class JacobianTests
{
    private static readonly Lazy<StandardLibrary> RepositoryStandardLibrary = new(() => StandardLibrary.Load(RepositoryRoot.Combine(StandardLibrary.FolderName)));

    private const string Robertson = """
        asset Robertson {
          parameter k1: Frequency = 0.04 Hz
          parameter k2: Frequency = 3e7 Hz
          parameter k3: Frequency = 1e4 Hz
          state a: Real = 1
          state b: Real = 0
          state c: Real = 0
          equation {
            der(a) = -k1 * a + k3 * b * c
            der(b) = k1 * a - k3 * b * c - k2 * b^2
            der(c) = k2 * b^2
          }
        }
        """;

    public static TheoryData<string> Examples()
    {
        var data = new TheoryData<string>();
        foreach (var folder in Directory.GetDirectories(RepositoryRoot.Combine("examples")).Order(StringComparer.Ordinal))
        {
            data.Add("examples/" + Path.GetFileName(folder));
        }

        foreach (var folder in Directory.GetDirectories(RepositoryRoot.Combine(Path.Combine("tests", "Baselines"))).Order(StringComparer.Ordinal))
        {
            if (Path.GetFileName(folder).StartsWith("CodeGen_", StringComparison.Ordinal))
            {
                data.Add("tests/Baselines/" + Path.GetFileName(folder));
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void Jacobian_EveryRunnableAsset_MatchesFiniteDifferences(string folder)
    {
        var sources = Directory.GetFiles(RepositoryRoot.Combine(folder), "*.twin").Order(StringComparer.Ordinal)
            .Select(file => new SourceText(File.ReadAllText(file), Path.GetRelativePath(RepositoryRoot.Path, file).Replace('\\', '/')))
            .ToList();
        var compilation = Compilation.Create(sources, RepositoryStandardLibrary.Value);
        Assert.NotNull(compilation.SemanticModel);
        var checkedModels = 0;
        foreach (var asset in TwinBuilder.UserAssets(compilation.SemanticModel))
        {
            var result = TwinBuilder.Build(compilation.SemanticModel, asset.Name);
            if (!result.Success)
            {
                continue; // what code generation refuses is tested elsewhere
            }

            var model = result.CreateInstance();
            if (model.Description.States.Count == 0)
            {
                continue;
            }

            JacobianAssert.MatchesFiniteDifferences(model);
            checkedModels++;
        }

        Assert.True(checkedModels > 0 || folder.Contains("bouncing", StringComparison.Ordinal) || folder.Contains("heater", StringComparison.Ordinal), $"no model of {folder} was checked");
    }

    [Fact]
    public void Jacobian_Robertson_MatchesFiniteDifferencesAndKnownEntries()
    {
        var model = CodeGenerationHost.AssertBuilds(Robertson, "Robertson").CreateInstance();
        JacobianAssert.MatchesFiniteDifferences(model);
        var jacobian = (ITwinModelJacobian)model;
        var values = new double[jacobian.JacobianPattern.NonZeroCount];
        jacobian.Jacobian(0, [0.5, 2e-5, 0.3], values);
        var dense = Dense(jacobian.JacobianPattern, values);
        Assert.Equal(-0.04, dense[0, 0], 12);
        Assert.Equal(1e4 * 0.3, dense[0, 1], 9);
        Assert.Equal(-1e4 * 0.3 - (2 * 3e7 * 2e-5), dense[1, 1], 9);
        Assert.Equal(2 * 3e7 * 2e-5, dense[2, 1], 9);
        Assert.Equal(0, dense[2, 2]);
    }

    private static double[,] Dense(SparsityPattern pattern, double[] values)
    {
        var dense = new double[pattern.Rows, pattern.Columns];
        for (var i = 0; i < pattern.Rows; i++)
        {
            for (var entry = pattern.RowPointers[i]; entry < pattern.RowPointers[i + 1]; entry++)
            {
                dense[i, pattern.ColumnIndices[entry]] = values[entry];
            }
        }

        return dense;
    }
}
