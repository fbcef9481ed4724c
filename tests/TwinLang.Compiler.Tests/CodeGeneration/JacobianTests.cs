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

    // Every construct the Jacobian writer handles: reductions of each kind (min/max/product weights), a table,
    // conditionals, elementary functions, variable exponents, chains through algebraic unknowns.
    private const string EveryConstruct = """
        table f(s: Real): Real with interpolation = linear, extrapolation = clamp {
          0.0 -> 1.0,
          0.5 -> 2.0,
          1.0 -> 1.5,
          2.0 -> 3.0,
        }

        asset Sink {
          parameter n: Int = 4
          parameter k: Real = 0.8
          parameter rate: Frequency = 1 Hz
          state x: Real[n]
          state y: Real = 0.7
          state z: Real = 0.3
          variable s: Real
          variable m: Real
          initial equation {
            x[i] = 0.2 * i for i in 1..n
          }
          equation {
            s = sum(x[i] * sin(x[i]) for i in 1..n)
            m = max(x[i] * y for i in 1..n) + min(exp(x[i]) for i in 1..n) + product(1 + x[i]^2 for i in 1..n) + mean(x[*])
            der(x[i]) = rate * (-x[i] * s + f(x[i] + y) + (if x[i] > y then sqrt(abs(x[i] - y) + 1) else atan2(x[i], z))) for i in 1..n
            der(y) = rate * (m * tanh(z) - log(1 + y^2) + exp(z * log(y)) - k * sum(x[i] * x[i] * s for i in 1..n))
            der(z) = rate * (max(y, z) - min(x[1], x[n]) * cosh(z) + x[2]^3)
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

            if (result.Model is { ImplicitBlocks.IsEmpty: false })
            {
                // Documented fallback (docs/jacobians.md): the stiff solvers difference models with algebraic loops.
                Assert.False(model is ITwinModelJacobian, $"{asset.Name} solves algebraic loops but claims an analytic Jacobian");
                continue;
            }

            JacobianAssert.MatchesFiniteDifferences(model);
            checkedModels++;
        }

        Assert.True(checkedModels > 0 || folder.Contains("AlgebraicLoop", StringComparison.Ordinal) || folder.Contains("diode", StringComparison.Ordinal), $"no model of {folder} was checked");
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

    [Fact]
    public void Robertson_StiffSolverWithGeneratedJacobian_MatchesReferenceAtForty()
    {
        var model = CodeGenerationHost.AssertBuilds(Robertson, "Robertson").CreateInstance();
        var options = new SimulationOptions
        {
            StopTime = 40,
            OutputInterval = 40,
            Solver = new Runtime.Solvers.SolverOptions { Kind = Runtime.Solvers.SolverKind.Rodas3, RelativeTolerance = 1e-8, AbsoluteTolerance = 1e-14 },
        };

        var result = Simulator.Run(model, options);

        // Hairer & Wanner, Solving ODEs II, reference solution of Robertson's problem at t = 40.
        Assert.True(result.Succeeded, result.Failure?.ToString());
        var last = result.Series.Count - 1;
        Assert.Equal(0.7158270687, result.Series[last, result.Series.IndexOf("a")], 6);
        Assert.Equal(9.185534764e-6, result.Series[last, result.Series.IndexOf("b")], 9);
        Assert.Equal(0.2841637457, result.Series[last, result.Series.IndexOf("c")], 6);
    }

    [Fact]
    public void Jacobian_EveryConstruct_MatchesFiniteDifferences()
    {
        var model = CodeGenerationHost.AssertBuilds(EveryConstruct, "Sink").CreateInstance();

        JacobianAssert.MatchesFiniteDifferences(model, seed: 7, points: 10);
        // Dense except der(z), which reads x[1], x[2] and x[n] but not x[3].
        Assert.Equal((6 * 6) - 1, ((ITwinModelJacobian)model).JacobianPattern.NonZeroCount);
    }

    [Theory]
    [InlineData(12)]
    [InlineData(100_000)]
    public void JacobianPattern_BatteryPack_GrowsLinearlyWithTheCells(int cells)
    {
        var model = BatteryPack(cells);
        var pattern = ((ITwinModelJacobian)model).JacobianPattern;

        // Per cell: der(v1) by v1; der(temp) by v1, temp and the coolant; der(soc) by nothing (the current is an
        // input). The coolant row reads every cell's temperature through the heat sum, plus its own.
        Assert.Equal(3 * cells + 1, pattern.Rows);
        Assert.Equal((5 * cells) + 1, pattern.NonZeroCount);
        var coolant = model.Description.States.Select(s => s.Name).ToList().IndexOf("coolant.temperature");
        Assert.Equal(cells + 1, pattern.RowPointers[coolant + 1] - pattern.RowPointers[coolant]);
    }

    [Fact]
    public void Jacobian_AfterWarmUp_AllocatesNothing()
    {
        var model = BatteryPack(50);
        var jacobian = (ITwinModelJacobian)model;
        var x = new double[model.Description.States.Count];
        model.InitialState(x);
        var values = new double[jacobian.JacobianPattern.NonZeroCount];
        jacobian.Jacobian(0, x, values);

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var k = 0; k < 10; k++)
        {
            jacobian.Jacobian(k, x, values);
        }

        Assert.Equal(before, GC.GetAllocatedBytesForCurrentThread());
    }

    [Fact]
    public void JacobianPattern_Lorenz96_HasFourEntriesPerRowAtTheStencil()
    {
        var source = File.ReadAllText(RepositoryRoot.Combine(Path.Combine("examples", "lorenz96", "lorenz96.twin")));
        var compilation = Compilation.Create([new SourceText(source, "lorenz96.twin")], RepositoryStandardLibrary.Value);
        var model = TwinBuilder.Build(compilation, null).CreateInstance();
        var pattern = ((ITwinModelJacobian)model).JacobianPattern;
        var n = pattern.Rows;
        for (var i = 0; i < n; i++)
        {
            var expected = new[] { (i + n - 2) % n, (i + n - 1) % n, i, (i + 1) % n }.Order().ToArray();
            Assert.Equal(expected, pattern.ColumnIndices[pattern.RowPointers[i]..pattern.RowPointers[i + 1]].ToArray());
        }
    }

    private static ITwinModel BatteryPack(int cells)
    {
        var path = Path.Combine("examples", "battery-pack", "pack.twin");
        var source = File.ReadAllText(RepositoryRoot.Combine(path)).Replace("parameter n: Int = 12", "parameter n: Int = " + cells.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        var compilation = Compilation.Create([new SourceText(source, "pack.twin")], RepositoryStandardLibrary.Value);
        var result = TwinBuilder.Build(compilation, "Pack");
        Assert.True(result.Success, string.Join("\n", result.Diagnostics));
        return result.CreateInstance();
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
