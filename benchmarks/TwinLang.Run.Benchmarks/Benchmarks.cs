using BenchmarkDotNet.Attributes;
using TwinLang.Binding;
using TwinLang.Cli;
using TwinLang.Compiler;
using TwinLang.Diagnostics;
using TwinLang.Lowering.Scenarios;
using TwinLang.Runtime;
using TwinLang.Text;

namespace TwinLang.Run.Benchmarks;

/// <summary>Compiles a benchmark twin with the compiler <c>twin run</c> uses; fails loudly when it cannot, so no figure is ever made up.</summary>
internal static class Twins
{
    public static (Compilation Compilation, SemanticModel Model) Check(string source)
    {
        var compilation = Compilation.Create([new SourceText(source, "bench.twin")]);
        if (compilation.HasErrors || compilation.SemanticModel is not { } model)
        {
            throw new InvalidOperationException("The benchmark twin does not check:\n" + string.Join("\n", compilation.Diagnostics));
        }

        return (compilation, model);
    }

    public static ITwinModel Compile(string source, string asset)
    {
        var (compilation, model) = Check(source);
        var symbol = model.Assets.Single(a => a.Name == asset);
        var diagnostics = new List<Diagnostic>();
        return RunCommand.DefaultCompiler.Compile(compilation, symbol, diagnostics)
            ?? throw new NotSupportedException("Not measurable in this build: " + string.Join("\n", diagnostics));
    }
}

/// <summary>(a) One right-hand side of the generated model against the same equations written by hand; the ratio column (per category) is the target (≤ 1.2).</summary>
[GroupBenchmarksBy(BenchmarkDotNet.Configs.BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class DerivativesBenchmarks
{
    private const int Size = 1000;
    private ITwinModel? _lorenz;
    private ITwinModel? _pack;
    private double[] _x = [];
    private double[] _dxdt = [];
    private double[] _packX = [];
    private double[] _packDxdt = [];

    [GlobalSetup]
    public void Setup()
    {
        _x = [.. Enumerable.Range(0, Size).Select(i => 8 + (0.01 * i))];
        _dxdt = new double[Size];
        _packX = new double[2 * Size];
        _packDxdt = new double[2 * Size];
        for (var i = 0; i < Size; i++)
        {
            (_packX[2 * i], _packX[(2 * i) + 1]) = (0.9, 293.15);
        }

        _lorenz = Twins.Compile(PackSource.Lorenz96(Size), "Lorenz96");
        _pack = Twins.Compile(PackSource.Pack(Size), "Pack");
    }

    [Benchmark(Baseline = true)]
    [BenchmarkCategory("Lorenz96")]
    public void Lorenz96HandWritten()
    {
        var x = _x;
        var n = x.Length;
        for (var i = 0; i < n; i++)
        {
            _dxdt[i] = ((x[(i + 1) % n] - x[(i + n - 2) % n]) * x[(i + n - 1) % n]) - x[i] + 8.0;
        }
    }

    [Benchmark]
    [BenchmarkCategory("Lorenz96")]
    public void Lorenz96Generated() => (_lorenz ?? throw new InvalidOperationException("Setup did not run.")).Derivatives(0, _x, _dxdt);

    [Benchmark(Baseline = true)]
    [BenchmarkCategory("Pack")]
    public void PackHandWritten()
    {
        const double Capacity = 9000, R0 = 0.015, HeatCapacity = 40, RTh = 3, Current = 2.5, Ambient = 293.15;
        for (var i = 0; i < Size; i++)
        {
            _packDxdt[2 * i] = -Current / Capacity;
            _packDxdt[(2 * i) + 1] = ((Current * Current * R0) - ((_packX[(2 * i) + 1] - Ambient) / RTh)) / HeatCapacity;
        }
    }

    [Benchmark]
    [BenchmarkCategory("Pack")]
    public void PackGenerated() => (_pack ?? throw new InvalidOperationException("Setup did not run.")).Derivatives(0, _packX, _packDxdt);
}

/// <summary>(b) Check, plan and compile a pack of 10 cells and of 100 000 cells; arrays stay arrays, so the ratio should stay ≤ 1.5.</summary>
public class CompileBenchmarks
{
    private readonly string _small = PackSource.Pack(10);
    private readonly string _large = PackSource.Pack(100_000);

    [Benchmark(Baseline = true)]
    public ITwinModel Pack10() => CheckPlanCompile(_small);

    [Benchmark]
    public ITwinModel Pack100000() => CheckPlanCompile(_large);

    private static ITwinModel CheckPlanCompile(string source)
    {
        var (_, model) = Twins.Check(source);
        var scenario = model.Packages.SelectMany(p => p.Members.Values).OfType<ScenarioSymbol>().Single();
        _ = new ScenarioPlanner(model).Plan(scenario);
        return Twins.Compile(source, "Pack");
    }
}

/// <summary>(c) <c>twin run</c> of the 1 000-cell pack for one simulated hour, from source to CSV.</summary>
public class EndToEndBenchmarks
{
    private string _folder = string.Empty;

    [GlobalSetup]
    public void Setup()
    {
        _folder = Directory.CreateTempSubdirectory("twin-bench-").FullName;
        File.WriteAllText(Path.Combine(_folder, "pack.twin"), PackSource.Pack(1000));
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_folder, recursive: true);

    [Benchmark]
    public int RunPack1000OneHour()
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = RunCommand.Run(new CliContext(output, error, _folder), new RunArguments("pack.twin", null, null, "pack.csv", null, true), RunCommand.DefaultCompiler);
        return exit == ExitCodes.Success ? exit : throw new NotSupportedException("Not measurable in this build:\n" + output);
    }
}
