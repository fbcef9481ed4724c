using System.Globalization;
using System.Text;

namespace TwinLang.Runtime.TimeSeries;

/// <summary>
/// Draws result columns against time as a standalone SVG line chart: axes with nice ticks and grid lines, axis
/// labels, a legend, one polyline per variable (broken where a value is not finite) and optional shaded bands
/// between two columns (ensemble percentiles) under the lines. The output depends
/// only on the data and options (invariant culture, fixed palette, coordinates rounded to 0.01 px), so it can
/// be compared byte for byte.
/// </summary>
public static class SvgPlotWriter
{
    private const int MarginLeft = 72;
    private const int MarginRight = 190;
    private const int MarginTop = 40;
    private const int MarginBottom = 52;
    private const int TickLength = 5;
    private const int LegendLineHeight = 18;

    // The Tableau 10 palette: distinguishable, and the same on every run.
    private static readonly string[] Palette =
    [
        "#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf",
    ];

    /// <summary>Writes the plot of <paramref name="result"/> to <paramref name="writer"/>.</summary>
    public static void Write(TextWriter writer, TimeSeriesResult result, SvgPlotOptions options)
    {
        var columns = options.Columns ?? [.. Enumerable.Range(0, result.Columns.Count)];
        foreach (var column in columns)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(column);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(column, result.Columns.Count);
        }

        var bands = options.Bands ?? [];
        foreach (var band in bands)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(Math.Min(band.Lower, band.Upper));
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(Math.Max(band.Lower, band.Upper), result.Columns.Count);
        }

        var series = columns.Select(result.Column).ToArray();
        var times = result.Times.ToArray();
        var timeAxis = AxisScale.Create(times.DefaultIfEmpty(0).Min(), times.DefaultIfEmpty(1).Max());
        var edges = bands.SelectMany(b => new[] { b.Lower, b.Upper }).Select(result.Column);
        var finite = series.Concat(edges).SelectMany(s => s).Where(double.IsFinite).ToArray();
        var valueAxis = AxisScale.Create(finite.DefaultIfEmpty(0).Min(), finite.DefaultIfEmpty(1).Max());
        var frame = new Frame(options.Width, options.Height);

        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{options.Width}\" height=\"{options.Height}\" viewBox=\"0 0 {options.Width} {options.Height}\" font-family=\"sans-serif\" font-size=\"12\">\n");
        svg.Append(CultureInfo.InvariantCulture, $"<rect width=\"{options.Width}\" height=\"{options.Height}\" fill=\"white\"/>\n");
        if (options.Title is { } title)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Px(options.Width / 2.0)}\" y=\"24\" text-anchor=\"middle\" font-size=\"16\">{Escape(title)}</text>\n");
        }

        AppendAxes(svg, frame, timeAxis, valueAxis, ValueLabel(result, columns));
        svg.Append(CultureInfo.InvariantCulture, $"<clipPath id=\"plot-area\"><rect x=\"{frame.Left}\" y=\"{frame.Top}\" width=\"{Px(frame.Width)}\" height=\"{Px(frame.Height)}\"/></clipPath>\n");
        if (bands.Count > 0)
        {
            svg.Append("<g clip-path=\"url(#plot-area)\" stroke=\"none\" fill-opacity=\"0.2\">\n");
            foreach (var band in bands)
            {
                AppendBand(svg, frame, timeAxis, valueAxis, times, result.Column(band.Lower), result.Column(band.Upper), Palette[band.Line % Palette.Length]);
            }

            svg.Append("</g>\n");
        }

        svg.Append("<g clip-path=\"url(#plot-area)\" fill=\"none\" stroke-width=\"1.5\" stroke-linejoin=\"round\">\n");
        for (var s = 0; s < series.Length; s++)
        {
            AppendLines(svg, frame, timeAxis, valueAxis, times, series[s], Palette[s % Palette.Length]);
        }

        svg.Append("</g>\n");
        AppendLegend(svg, frame, result, columns, options.LegendUnits);
        svg.Append("</svg>\n");
        writer.Write(svg.ToString());
    }

    /// <summary>Writes the plot to a string.</summary>
    public static string WriteToString(TimeSeriesResult result, SvgPlotOptions options)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        Write(writer, result, options);
        return writer.ToString();
    }

    private static void AppendAxes(StringBuilder svg, Frame frame, AxisScale timeAxis, AxisScale valueAxis, string valueLabel)
    {
        svg.Append("<g stroke=\"#e0e0e0\" stroke-width=\"1\">\n");
        for (var i = 0; i < timeAxis.TickCount; i++)
        {
            var x = frame.X(timeAxis.Fraction(timeAxis.Tick(i)));
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{Px(x)}\" y1=\"{frame.Top}\" x2=\"{Px(x)}\" y2=\"{frame.Bottom}\"/>\n");
        }

        for (var i = 0; i < valueAxis.TickCount; i++)
        {
            var y = frame.Y(valueAxis.Fraction(valueAxis.Tick(i)));
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{frame.Left}\" y1=\"{Px(y)}\" x2=\"{frame.Right}\" y2=\"{Px(y)}\"/>\n");
        }

        svg.Append("</g>\n");
        svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{frame.Left}\" y=\"{frame.Top}\" width=\"{Px(frame.Width)}\" height=\"{Px(frame.Height)}\" fill=\"none\" stroke=\"black\"/>\n");
        svg.Append("<g stroke=\"black\">\n");
        for (var i = 0; i < timeAxis.TickCount; i++)
        {
            var x = Px(frame.X(timeAxis.Fraction(timeAxis.Tick(i))));
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{x}\" y1=\"{frame.Bottom}\" x2=\"{x}\" y2=\"{frame.Bottom + TickLength}\"/>\n");
        }

        for (var i = 0; i < valueAxis.TickCount; i++)
        {
            var y = Px(frame.Y(valueAxis.Fraction(valueAxis.Tick(i))));
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{frame.Left - TickLength}\" y1=\"{y}\" x2=\"{frame.Left}\" y2=\"{y}\"/>\n");
        }

        svg.Append("</g>\n");
        svg.Append("<g text-anchor=\"middle\">\n");
        for (var i = 0; i < timeAxis.TickCount; i++)
        {
            var tick = timeAxis.Tick(i);
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Px(frame.X(timeAxis.Fraction(tick)))}\" y=\"{frame.Bottom + 18}\">{timeAxis.Label(tick)}</text>\n");
        }

        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Px(frame.Left + frame.Width / 2)}\" y=\"{frame.Bottom + 40}\">time [s]</text>\n");
        svg.Append("</g>\n");
        svg.Append("<g text-anchor=\"end\">\n");
        for (var i = 0; i < valueAxis.TickCount; i++)
        {
            var tick = valueAxis.Tick(i);
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{frame.Left - TickLength - 3}\" y=\"{Px(frame.Y(valueAxis.Fraction(tick)) + 4)}\">{valueAxis.Label(tick)}</text>\n");
        }

        svg.Append("</g>\n");
        if (valueLabel.Length > 0)
        {
            var y = Px(frame.Top + frame.Height / 2);
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"16\" y=\"{y}\" text-anchor=\"middle\" transform=\"rotate(-90 16 {y})\">{Escape(valueLabel)}</text>\n");
        }
    }

    private static void AppendLines(StringBuilder svg, Frame frame, AxisScale timeAxis, AxisScale valueAxis, double[] times, double[] values, string color)
    {
        var points = new StringBuilder();
        for (var i = 0; i <= values.Length; i++)
        {
            if (i < values.Length && double.IsFinite(values[i]))
            {
                points.Append(points.Length == 0 ? string.Empty : " ");
                points.Append(Px(frame.X(timeAxis.Fraction(times[i])))).Append(',').Append(Px(frame.Y(valueAxis.Fraction(values[i]))));
            }
            else if (points.Length > 0)
            {
                svg.Append(CultureInfo.InvariantCulture, $"<polyline stroke=\"{color}\" points=\"{points}\"/>\n");
                points.Clear();
            }
        }
    }

    /// <summary>One closed path per run of rows where both edges are finite: along the upper edge, back along the lower.</summary>
    private static void AppendBand(StringBuilder svg, Frame frame, AxisScale timeAxis, AxisScale valueAxis, double[] times, double[] lower, double[] upper, string color)
    {
        var start = 0;
        for (var i = 0; i <= times.Length; i++)
        {
            if (i < times.Length && double.IsFinite(lower[i]) && double.IsFinite(upper[i]))
            {
                continue;
            }

            if (i > start)
            {
                var path = new StringBuilder();
                for (var k = start; k < i; k++)
                {
                    path.Append(k == start ? "M" : " L").Append(Px(frame.X(timeAxis.Fraction(times[k])))).Append(',').Append(Px(frame.Y(valueAxis.Fraction(upper[k]))));
                }

                for (var k = i - 1; k >= start; k--)
                {
                    path.Append(" L").Append(Px(frame.X(timeAxis.Fraction(times[k])))).Append(',').Append(Px(frame.Y(valueAxis.Fraction(lower[k]))));
                }

                svg.Append(CultureInfo.InvariantCulture, $"<path fill=\"{color}\" d=\"{path} Z\"/>\n");
            }

            start = i + 1;
        }
    }

    private static void AppendLegend(StringBuilder svg, Frame frame, TimeSeriesResult result, IReadOnlyList<int> columns, bool units)
    {
        svg.Append("<g>\n");
        var x = frame.Right + 16;
        for (var i = 0; i < columns.Count; i++)
        {
            var column = result.Columns[columns[i]];
            var y = frame.Top + 8 + i * LegendLineHeight;
            var color = Palette[i % Palette.Length];
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{x}\" y1=\"{y}\" x2=\"{x + 20}\" y2=\"{y}\" stroke=\"{color}\" stroke-width=\"2\"/>\n");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{x + 26}\" y=\"{y + 4}\">{Escape(units ? CsvHeaderCell.Format(column.Name, column.Unit) : column.Name)}</text>\n");
        }

        svg.Append("</g>\n");
    }

    /// <summary>The value axis title: the shared unit of the plotted columns, or nothing when they differ.</summary>
    private static string ValueLabel(TimeSeriesResult result, IReadOnlyList<int> columns)
    {
        var units = columns.Select(c => result.Columns[c].Unit).Distinct(StringComparer.Ordinal).ToArray();
        if (units.Length != 1 || units[0].Length == 0)
        {
            return string.Empty;
        }

        return columns.Count == 1 ? CsvHeaderCell.Format(result.Columns[columns[0]].Name, units[0]) : $"[{units[0]}]";
    }

    private static string Px(double value) => (Math.Round(value, 2) + 0.0).ToString(CultureInfo.InvariantCulture);

    private static string Escape(string text) => text
        .Replace("&", "&amp;", StringComparison.Ordinal)
        .Replace("<", "&lt;", StringComparison.Ordinal)
        .Replace(">", "&gt;", StringComparison.Ordinal)
        .Replace("\"", "&quot;", StringComparison.Ordinal);

    /// <summary>The plot area in pixels; y grows downwards in SVG, so fractions are flipped.</summary>
    private readonly record struct Frame(int ImageWidth, int ImageHeight)
    {
        public int Left => MarginLeft;

        public int Top => MarginTop;

        public int Right => ImageWidth - MarginRight;

        public int Bottom => ImageHeight - MarginBottom;

        public double Width => Right - Left;

        public double Height => Bottom - Top;

        public double X(double fraction) => Left + fraction * Width;

        public double Y(double fraction) => Bottom - fraction * Height;
    }
}
