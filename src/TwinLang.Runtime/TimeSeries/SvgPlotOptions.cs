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
}
