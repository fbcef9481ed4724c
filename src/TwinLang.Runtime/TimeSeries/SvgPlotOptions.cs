namespace TwinLang.Runtime.TimeSeries;

/// <summary>What <see cref="SvgPlotWriter"/> draws and how large.</summary>
public sealed record SvgPlotOptions
{
    /// <summary>The image width in pixels.</summary>
    public int Width { get; init; } = 800;

    /// <summary>The image height in pixels.</summary>
    public int Height { get; init; } = 480;

    /// <summary>The title above the plot; none when null.</summary>
    public string? Title { get; init; }

    /// <summary>The indices of the result columns to draw, in legend order; every column when null.</summary>
    public IReadOnlyList<int>? Columns { get; init; }

    /// <summary>Whether legend entries show the unit after the column name (<c>temp [K]</c>); off when names already say what is drawn.</summary>
    public bool LegendUnits { get; init; } = true;

    /// <summary>
    /// Shaded bands between two result columns (an ensemble's p05 and p95), drawn under the lines in the colour of
    /// the plotted column they belong to; none when null.
    /// </summary>
    public IReadOnlyList<SvgBand>? Bands { get; init; }
}

/// <summary>A shaded band between two result columns.</summary>
/// <param name="Lower">The result column of the band's lower edge.</param>
/// <param name="Upper">The result column of the band's upper edge.</param>
/// <param name="Line">The position in <see cref="SvgPlotOptions.Columns"/> of the line it belongs to, which gives its colour.</param>
public readonly record struct SvgBand(int Lower, int Upper, int Line);
