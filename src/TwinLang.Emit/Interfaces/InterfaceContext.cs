using System.Globalization;
using System.Xml;
using TwinLang.Binding;
using TwinLang.Diagnostics;
using TwinLang.Text;

namespace TwinLang.Emit.Interfaces;

/// <summary>
/// What every interface emitter shares while writing one document: the semantic model, the diagnostics it
/// reports (each problem once), and the small conversions all three standards need.
/// </summary>
internal sealed class InterfaceContext
{
    private readonly HashSet<(string Code, string Key)> _reported = [];

    public InterfaceContext(SemanticModel model) => Model = model;

    public SemanticModel Model { get; }

    public List<Diagnostic> Diagnostics { get; } = [];

    /// <summary>Reports a diagnostic at <paramref name="symbol"/>, once per code and key.</summary>
    public void Report(Symbol symbol, string key, Func<DiagnosticBuilder, Diagnostic> create)
    {
        var builder = symbol.Location is { } location
            ? DiagnosticCatalog.At(location.Source, location.Span)
            : DiagnosticCatalog.At(new SourceText(string.Empty), default);
        var diagnostic = create(builder);
        if (_reported.Add((diagnostic.Code, key)))
        {
            Diagnostics.Add(diagnostic);
        }
    }

    /// <summary>Escapes a name, reporting TW4601 when the result exceeds <paramref name="limit"/>.</summary>
    public string Escape(Symbol symbol, string name, InterfaceNameTarget target, int limit)
    {
        var escaped = InterfaceNames.Escape(name, target);
        if (escaped.Length > limit)
        {
            var what = target == InterfaceNameTarget.Dtdl ? "DTDL" : "AAS";
            Report(symbol, name + what, b => b.InterfaceNameTooLong(name, what, limit));
        }

        return escaped;
    }

    /// <summary>The documentation of a symbol: its <c>///</c> comment, then its description string, a blank line between.</summary>
    public static string? Documentation(Symbol symbol)
    {
        var description = symbol is VariableSymbol variable ? variable.Description : null;
        var doc = symbol.DocComment?.Trim();
        var parts = new[] { doc, description }.Where(p => !string.IsNullOrWhiteSpace(p)).ToList();
        return parts.Count == 0 ? null : string.Join("\n\n", parts);
    }

    /// <summary>Cuts <paramref name="text"/> to <paramref name="limit"/> characters at a word boundary with '…', reporting TW4620.</summary>
    public string Limit(Symbol symbol, string text, string target, int limit)
    {
        if (text.Length <= limit)
        {
            return text;
        }

        Report(symbol, target, b => b.InterfaceDescriptionTruncated(symbol.Name, target, limit));
        var cut = text[..(limit - 1)];
        var space = cut.LastIndexOf(' ');
        return (space > limit / 2 ? cut[..space] : cut) + "…";
    }

    /// <summary>The start value of <paramref name="variable"/> in SI: the component modifier's value when one is given, else the default.</summary>
    public ConstantValue? StartOf(VariableSymbol variable, ComponentSymbol? instance) =>
        (instance is null ? null : Model.GetModifierValue(instance, variable)) ?? Model.GetValues(variable).Start;

    /// <summary>An XSD lexical number (round-trip, invariant: <c>1E-05</c>, <c>INF</c>).</summary>
    public static string FormatDouble(double value) => XmlConvert.ToString(value);

    /// <summary>An XSD lexical integer.</summary>
    public static string FormatLong(double value) => ((long)Math.Round(value)).ToString(CultureInfo.InvariantCulture);

    /// <summary>The package of a top-level symbol (null for built-ins).</summary>
    public static PackageSymbol? PackageOf(Symbol symbol)
    {
        var current = symbol;
        while (current.Container is { } container)
        {
            current = container;
        }

        return current as PackageSymbol;
    }
}
