using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using TwinLang.Runtime.Solvers;

namespace TwinLang.Runtime.Benchmarks;

/// <summary>
/// Factor and solve the RODAS4 iteration matrix of a thermal pack (<see cref="PackJacobian"/>) with the dense LU
/// (the baseline) and with <see cref="SparseLu"/>: its first, pivoting factorisation and a refactorisation, which
/// is what a stiff run does on every step after the first. 1 000 cells here; <see cref="PackLuLargeBenchmarks"/>
/// measures 10 000.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 5)]
public class PackLuBenchmarks
{
    private PackLuCase? _case;

    [Params(1_000)]
    public int Cells { get; set; }

    [GlobalSetup]
    public void Setup() => _case = new PackLuCase(Cells);

    private PackLuCase Case => _case ?? throw new InvalidOperationException("Setup has not run.");

    [Benchmark(Baseline = true, Description = "dense LU factor + solve")]
    public double Dense() => Case.Dense();

    [Benchmark(Description = "sparse LU refactor + solve")]
    public double SparseRefactor() => Case.SparseRefactor();

    [Benchmark(Description = "sparse LU analyse + factor + solve")]
    public double SparseFromScratch() => Case.SparseFromScratch();
}

/// <summary>
/// The same at 10 000 cells. The dense factorisation (10 001², 0.8 GB, about n³/3 = 3·10¹¹ multiply-adds) is
/// measured once, cold, since it takes minutes on a shared machine.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.ColdStart, launchCount: 1, warmupCount: 0, iterationCount: 1)]
public class PackLuLargeBenchmarks
{
    private PackLuCase? _case;

    [Params(10_000)]
    public int Cells { get; set; }

    [GlobalSetup]
    public void Setup() => _case = new PackLuCase(Cells);

    private PackLuCase Case => _case ?? throw new InvalidOperationException("Setup has not run.");

    [Benchmark(Baseline = true, Description = "dense LU factor + solve")]
    public double Dense() => Case.Dense();

    [Benchmark(Description = "sparse LU refactor + solve")]
    public double SparseRefactor() => Case.SparseRefactor();

    [Benchmark(Description = "sparse LU analyse + factor + solve")]
    public double SparseFromScratch() => Case.SparseFromScratch();
}

/// <summary>The shared setup: the matrix, a right-hand side, a dense LU and a sparse LU that has factored once.</summary>
internal sealed class PackLuCase
{
    private readonly PackJacobian _jacobian;
    private readonly DenseLu _dense;
    private readonly SparseLu _sparse;
    private readonly double[] _rhs;
    private readonly double[] _x;

    public PackLuCase(int cells)
    {
        _jacobian = new PackJacobian(cells);
        var n = _jacobian.Dimension;
        _dense = new DenseLu(n);
        _sparse = new SparseLu(_jacobian.Pattern);
        _jacobian.Values.CopyTo(_sparse.Values);
        if (!_sparse.Factor())
        {
            throw new InvalidOperationException("The pack matrix is singular.");
        }

        _rhs = [.. Enumerable.Range(0, n).Select(i => Math.Sin(i))];
        _x = new double[n];
    }

    public double Dense()
    {
        _jacobian.ScatterDense(_dense.Matrix);
        if (!_dense.Factor())
        {
            throw new InvalidOperationException("The pack matrix is singular.");
        }

        _rhs.CopyTo(_x, 0);
        _dense.Solve(_x);
        return _x[0];
    }

    public double SparseRefactor()
    {
        _jacobian.Values.CopyTo(_sparse.Values);
        if (!_sparse.Factor())
        {
            throw new InvalidOperationException("The pack matrix is singular.");
        }

        _rhs.CopyTo(_x, 0);
        _sparse.Solve(_x);
        return _x[0];
    }

    public double SparseFromScratch()
    {
        var lu = new SparseLu(_jacobian.Pattern);
        _jacobian.Values.CopyTo(lu.Values);
        if (!lu.Factor())
        {
            throw new InvalidOperationException("The pack matrix is singular.");
        }

        _rhs.CopyTo(_x, 0);
        lu.Solve(_x);
        return _x[0];
    }
}
