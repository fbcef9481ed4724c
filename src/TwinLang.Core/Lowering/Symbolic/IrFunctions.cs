namespace TwinLang.Lowering.Symbolic;

/// <summary>
/// Compile-time evaluation of the elementary functions and of lookup tables, with the same formulas the
/// generated code runs (<c>System.Math</c>, the generated <c>Interpolate</c>), so folded constants equal run-time values.
/// </summary>
public static class IrFunctions
{
    /// <summary>The value of <paramref name="function"/> at <paramref name="arguments"/>.</summary>
    public static double Apply(IrFunction function, IReadOnlyList<double> arguments)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        var a = arguments.Count > 0 ? arguments[0] : double.NaN;
        var b = arguments.Count > 1 ? arguments[1] : double.NaN;
        return function switch
        {
            IrFunction.Exp => Math.Exp(a),
            IrFunction.Log => Math.Log(a),
            IrFunction.Log10 => Math.Log10(a),
            IrFunction.Sin => Math.Sin(a),
            IrFunction.Cos => Math.Cos(a),
            IrFunction.Tan => Math.Tan(a),
            IrFunction.Asin => Math.Asin(a),
            IrFunction.Acos => Math.Acos(a),
            IrFunction.Atan => Math.Atan(a),
            IrFunction.Sinh => Math.Sinh(a),
            IrFunction.Cosh => Math.Cosh(a),
            IrFunction.Tanh => Math.Tanh(a),
            IrFunction.Abs => Math.Abs(a),
            IrFunction.Floor => Math.Floor(a),
            IrFunction.Ceiling => Math.Ceiling(a),
            IrFunction.Sign => Math.Sign(a),
            IrFunction.Sqrt => Math.Sqrt(a),
            IrFunction.Atan2 => Math.Atan2(a, b),
            IrFunction.Min => Math.Min(a, b),
            IrFunction.Max => Math.Max(a, b),
            _ => throw new ArgumentOutOfRangeException(nameof(function), function, "Unknown function."),
        };
    }

    /// <summary>The table's value at <paramref name="x"/>: the generated <c>Interpolate</c> in C# form.</summary>
    public static double Interpolate(IrTable table, double x)
    {
        ArgumentNullException.ThrowIfNull(table);
        var xs = table.Inputs;
        var ys = table.Outputs;
        var last = xs.Length - 1;
        if (last <= 0 || (!table.ExtrapolateLinearly && x <= xs[0]))
        {
            return ys[0];
        }

        if (!table.ExtrapolateLinearly && x >= xs[last])
        {
            return ys[last];
        }

        var (low, high) = Segment(xs, x);
        if (table.Hold)
        {
            return x >= xs[high] ? ys[high] : ys[low];
        }

        return ys[low] + ((ys[high] - ys[low]) * (x - xs[low]) / (xs[high] - xs[low]));
    }

    /// <summary>The segment <c>[low, high]</c> the bisection of <c>Interpolate</c> picks for <paramref name="x"/>.</summary>
    private static (int Low, int High) Segment(System.Collections.Immutable.ImmutableArray<double> xs, double x)
    {
        var low = 0;
        var high = xs.Length - 1;
        while (high - low > 1)
        {
            var middle = (low + high) / 2;
            if (xs[middle] <= x)
            {
                low = middle;
            }
            else
            {
                high = middle;
            }
        }

        return (low, high);
    }
}
