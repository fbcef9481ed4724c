using BenchmarkDotNet.Attributes;
using TwinLang.Runtime;

namespace TwinLang.Run.Benchmarks;

/// <summary>
/// One Jacobian of a 1 000-cell pack: the generated analytic sparse Jacobian against finite differences of the
/// generated <c>Derivatives</c>, dense (n + 1 calls) and column-coloured (Curtis–Powell–Reed: one call per colour
/// plus one), per category. "Pack" is <see cref="PackSource.Pack"/> (independent cells); "CoupledPack" is
/// examples/battery-pack with 1 000 cells, whose coolant row reads every cell (a dense row forces one colour per cell).
/// </summary>
[GroupBenchmarksBy(BenchmarkDotNet.Configs.BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class JacobianBenchmarks
{
    private const int Cells = 1000;
    private readonly Dictionary<string, Case> _cases = [];

    [GlobalSetup]
    public void Setup()
    {
        _cases["Pack"] = new Case(Twins.Compile(PackSource.Pack(Cells), "Pack"));
        var coupled = File.ReadAllText(FindExample()).Replace("parameter n: Int = 12", "parameter n: Int = 1000", StringComparison.Ordinal);
        _cases["CoupledPack"] = new Case(Twins.Compile(coupled, "Pack"));
    }

    [Benchmark(Baseline = true)]
    [BenchmarkCategory("Pack")]
    public void PackAnalytic() => _cases["Pack"].Analytic();

    [Benchmark]
    [BenchmarkCategory("Pack")]
    public void PackColouredDifferences() => _cases["Pack"].ColouredDifferences();

    [Benchmark]
    [BenchmarkCategory("Pack")]
    public void PackDenseDifferences() => _cases["Pack"].DenseDifferences();

    [Benchmark(Baseline = true)]
    [BenchmarkCategory("CoupledPack")]
    public void CoupledPackAnalytic() => _cases["CoupledPack"].Analytic();

    [Benchmark]
    [BenchmarkCategory("CoupledPack")]
    public void CoupledPackColouredDifferences() => _cases["CoupledPack"].ColouredDifferences();

    [Benchmark]
    [BenchmarkCategory("CoupledPack")]
    public void CoupledPackDenseDifferences() => _cases["CoupledPack"].DenseDifferences();

    private static string FindExample()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "TwinLang.sln")))
        {
            folder = folder.Parent;
        }

        return Path.Combine(folder?.FullName ?? throw new InvalidOperationException("Run from inside the repository."), "examples", "battery-pack", "pack.twin");
    }

    /// <summary>A model with its state, the analytic pattern and a greedy column colouring of it.</summary>
    private sealed class Case
    {
        private readonly ITwinModel _model;
        private readonly ITwinModelJacobian _jacobian;
        private readonly double[] _x;
        private readonly double[] _f0;
        private readonly double[] _f1;
        private readonly double[] _shifted;
        private readonly double[] _values;
        private readonly double[] _dense;
        private readonly int[] _colour;
        private readonly int _colours;

        public Case(ITwinModel model)
        {
            _model = model;
            _jacobian = model as ITwinModelJacobian ?? throw new NotSupportedException("The model has no analytic Jacobian.");
            var n = model.Description.States.Count;
            _x = new double[n];
            model.InitialState(_x);
            _f0 = new double[n];
            _f1 = new double[n];
            _shifted = new double[n];
            _values = new double[_jacobian.JacobianPattern.NonZeroCount];
            _dense = new double[n * n];
            (_colour, _colours) = Colour(_jacobian.JacobianPattern);
        }

        public void Analytic() => _jacobian.Jacobian(0, _x, _values);

        /// <summary>Forward differences, one column per call: the fallback for a model without a pattern.</summary>
        public void DenseDifferences()
        {
            var n = _x.Length;
            _model.Derivatives(0, _x, _f0);
            _x.CopyTo(_shifted, 0);
            for (var j = 0; j < n; j++)
            {
                var h = 1e-7 * Math.Max(1, Math.Abs(_x[j]));
                _shifted[j] = _x[j] + h;
                _model.Derivatives(0, _shifted, _f1);
                _shifted[j] = _x[j];
                for (var i = 0; i < n; i++)
                {
                    _dense[(i * n) + j] = (_f1[i] - _f0[i]) / h;
                }
            }
        }

        /// <summary>Forward differences with one call per colour of the pattern's columns.</summary>
        public void ColouredDifferences()
        {
            var pattern = _jacobian.JacobianPattern;
            var rows = pattern.RowPointers;
            var columns = pattern.ColumnIndices;
            _model.Derivatives(0, _x, _f0);
            for (var c = 0; c < _colours; c++)
            {
                _x.CopyTo(_shifted, 0);
                for (var j = 0; j < _x.Length; j++)
                {
                    if (_colour[j] == c)
                    {
                        _shifted[j] += 1e-7 * Math.Max(1, Math.Abs(_x[j]));
                    }
                }

                _model.Derivatives(0, _shifted, _f1);
                for (var i = 0; i < pattern.Rows; i++)
                {
                    for (var entry = rows[i]; entry < rows[i + 1]; entry++)
                    {
                        var j = columns[entry];
                        if (_colour[j] == c)
                        {
                            _values[entry] = (_f1[i] - _f0[i]) / (_shifted[j] - _x[j]);
                        }
                    }
                }
            }
        }

        /// <summary>Greedy distance-2 colouring: two columns that share a row get different colours.</summary>
        private static (int[] Colour, int Count) Colour(SparsityPattern pattern)
        {
            var n = pattern.Columns;
            var rowsOfColumn = new List<int>[n];
            for (var j = 0; j < n; j++)
            {
                rowsOfColumn[j] = [];
            }

            for (var i = 0; i < pattern.Rows; i++)
            {
                for (var entry = pattern.RowPointers[i]; entry < pattern.RowPointers[i + 1]; entry++)
                {
                    rowsOfColumn[pattern.ColumnIndices[entry]].Add(i);
                }
            }

            var colour = Enumerable.Repeat(-1, n).ToArray();
            var forbiddenFor = Enumerable.Repeat(-1, n + 1).ToArray();
            var count = 0;
            for (var j = 0; j < n; j++)
            {
                foreach (var i in rowsOfColumn[j])
                {
                    for (var entry = pattern.RowPointers[i]; entry < pattern.RowPointers[i + 1]; entry++)
                    {
                        var other = colour[pattern.ColumnIndices[entry]];
                        if (other >= 0)
                        {
                            forbiddenFor[other] = j;
                        }
                    }
                }

                var c = 0;
                while (forbiddenFor[c] == j)
                {
                    c++;
                }

                colour[j] = c;
                count = Math.Max(count, c + 1);
            }

            return (colour, count);
        }
    }
}
