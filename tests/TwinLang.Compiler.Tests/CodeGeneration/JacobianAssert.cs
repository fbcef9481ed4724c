using TwinLang.Runtime;
using Xunit;

namespace TwinLang.Compiler.Tests.CodeGeneration;

/// <summary>Checks a generated analytic Jacobian against central finite differences of the generated derivatives.</summary>
internal static class JacobianAssert
{
    /// <summary>
    /// At <paramref name="points"/> random states around the initial state (fixed seed): every stored entry equals
    /// the central difference, and every entry outside the pattern is zero by differences too.
    /// </summary>
    public static void MatchesFiniteDifferences(ITwinModel model, int seed = 1234, int points = 3, double t = 0.5)
    {
        var jacobian = Assert.IsAssignableFrom<ITwinModelJacobian>(model);
        var n = model.Description.States.Count;
        var pattern = jacobian.JacobianPattern;
        Assert.Equal(n, pattern.Rows);
        Assert.Equal(n, pattern.Columns);
        var random = new Random(seed);
        var x0 = new double[n];
        model.InitialState(x0);
        var values = new double[pattern.NonZeroCount];
        var plus = new double[n];
        var minus = new double[n];
        for (var point = 0; point < points; point++)
        {
            var x = x0.Select(v => (v * (1 + (0.2 * (random.NextDouble() - 0.5)))) + (0.05 * (random.NextDouble() - 0.5))).ToArray();
            jacobian.Jacobian(t, x, values);
            var analytic = new double[n, n];
            var stored = new bool[n, n];
            for (var i = 0; i < n; i++)
            {
                for (var entry = pattern.RowPointers[i]; entry < pattern.RowPointers[i + 1]; entry++)
                {
                    analytic[i, pattern.ColumnIndices[entry]] = values[entry];
                    stored[i, pattern.ColumnIndices[entry]] = true;
                }
            }

            // Differences cancel within a row whose entries span many magnitudes (stiff kinetics): the tolerance
            // includes a small fraction of the row's largest entry.
            var rowScale = new double[n];
            for (var i = 0; i < n; i++)
            {
                for (var j = 0; j < n; j++)
                {
                    rowScale[i] = Math.Max(rowScale[i], Math.Abs(analytic[i, j]));
                }
            }

            for (var j = 0; j < n; j++)
            {
                var original = x[j];
                var h = 1e-6 * Math.Max(1, Math.Abs(original));
                x[j] = original + h;
                model.Derivatives(t, x, plus);
                x[j] = original - h;
                model.Derivatives(t, x, minus);
                x[j] = original;
                for (var i = 0; i < n; i++)
                {
                    var numeric = (plus[i] - minus[i]) / (2 * h);
                    var scale = Math.Max(1e-6, Math.Max(Math.Abs(numeric), Math.Abs(analytic[i, j])));
                    Assert.True(
                        Math.Abs(analytic[i, j] - numeric) <= (1e-5 * scale) + (1e-8 * rowScale[i]) + 1e-9,
                        $"{model.Description.Name}: d der({model.Description.States[i].Name}) / d {model.Description.States[j].Name}: analytic {analytic[i, j]} (stored: {stored[i, j]}), central differences {numeric}.");
                }
            }
        }
    }
}
