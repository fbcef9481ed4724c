namespace TwinLang.Diagnostics;

/// <summary>An append-only list of diagnostics gathered by one phase.</summary>
public sealed class DiagnosticBag
{
    private readonly List<Diagnostic> _items = [];

    /// <summary>Adds one diagnostic.</summary>
    public void Add(Diagnostic diagnostic) => _items.Add(diagnostic);

    /// <summary>Adds many diagnostics.</summary>
    public void AddRange(IEnumerable<Diagnostic> diagnostics) => _items.AddRange(diagnostics);

    /// <summary>True when any error was added.</summary>
    public bool HasErrors => _items.Exists(d => d.IsError);

    /// <summary>Number of diagnostics.</summary>
    public int Count => _items.Count;

    /// <summary>The diagnostics in a stable order: by path (ordinal), then offset, then code.</summary>
    public IReadOnlyList<Diagnostic> ToSortedList() =>
        _items.OrderBy(d => d.Path, StringComparer.Ordinal)
            .ThenBy(d => d.Span.Start)
            .ThenBy(d => d.Code, StringComparer.Ordinal)
            .ToList();
}
