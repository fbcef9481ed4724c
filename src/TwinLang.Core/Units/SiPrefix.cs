namespace TwinLang.Units;

/// <summary>An SI prefix such as <c>k</c> (1e3) or <c>µ</c> (1e-6).</summary>
public sealed record SiPrefix(string Symbol, string Name, double Factor)
{
    /// <summary>
    /// Every prefix of the SI brochure (2022 edition, with ronna/quetta and ronto/quecto), plus <c>u</c> as
    /// the ASCII spelling of micro and the Greek letter mu beside the micro sign, since keyboards produce both.
    /// </summary>
    public static readonly IReadOnlyList<SiPrefix> All =
    [
        new("q", "quecto", 1e-30),
        new("r", "ronto", 1e-27),
        new("y", "yocto", 1e-24),
        new("z", "zepto", 1e-21),
        new("a", "atto", 1e-18),
        new("f", "femto", 1e-15),
        new("p", "pico", 1e-12),
        new("n", "nano", 1e-9),
        new("u", "micro", 1e-6),
        new("\u00b5", "micro", 1e-6),
        new("\u03bc", "micro", 1e-6),
        new("m", "milli", 1e-3),
        new("c", "centi", 1e-2),
        new("d", "deci", 1e-1),
        new("da", "deca", 1e1),
        new("h", "hecto", 1e2),
        new("k", "kilo", 1e3),
        new("M", "mega", 1e6),
        new("G", "giga", 1e9),
        new("T", "tera", 1e12),
        new("P", "peta", 1e15),
        new("E", "exa", 1e18),
        new("Z", "zetta", 1e21),
        new("Y", "yotta", 1e24),
        new("R", "ronna", 1e27),
        new("Q", "quetta", 1e30),
    ];
}
