using System.Globalization;
using System.Text;
using TwinLang.Syntax;

namespace TwinLang.Binding;

/// <summary>
/// Prints the symbols of one file in the annotated golden format (STYLE.md §4): every source line, then a
/// <c>//@[line:col) Kind name: details</c> record (1-based) for each declaration on that line, with its
/// type, dimension in SI base units and display unit. Used for <c>main.symbols.txt</c> baselines and
/// handy when debugging the binder.
/// </summary>
public static class SymbolPrinter
{
    /// <summary>The annotated text of <paramref name="tree"/>'s declarations as bound in <paramref name="model"/>.</summary>
    public static string Print(SemanticModel model, SyntaxTree tree)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(tree);
        var text = tree.Text;
        var lineCount = text.LineStarts.Count;
        var records = new List<string>?[lineCount];
        foreach (var declaration in model.GetDeclarations(text))
        {
            var position = text.GetLinePosition(declaration.Location.Span.Start);
            (records[position.Line] ??= []).Add(string.Create(
                CultureInfo.InvariantCulture,
                $"//@[{position.Line + 1}:{position.Column + 1}) {Describe(declaration.Symbol)}"));
        }

        var output = new StringBuilder();
        for (var line = 0; line < lineCount; line++)
        {
            if (line == lineCount - 1 && line > 0 && text.LineStarts[line] == text.Length && records[line] is null)
            {
                break;
            }

            output.Append(text.GetLineText(line)).Append('\n');
            foreach (var record in records[line] ?? [])
            {
                output.Append(record).Append('\n');
            }
        }

        return output.ToString();
    }

    /// <summary>One symbol as the golden files and hovers show it, e.g. <c>Parameter capacity: Charge [A*s] unit A*h</c>.</summary>
    public static string Describe(Symbol symbol)
    {
        ArgumentNullException.ThrowIfNull(symbol);
        return symbol switch
        {
            PackageSymbol p => $"Package {p.Name}{(p.Version is null ? string.Empty : " version " + p.Version)}",
            AssetSymbol a => $"Asset {a.QualifiedName}{(a.BaseAsset is null ? string.Empty : " extends " + a.BaseAsset.QualifiedName)}",
            ConnectorSymbol c => $"Connector {c.QualifiedName}",
            VariableSymbol v => $"{Capitalized(v.VariableKind.ToString())} {v.Name}: {DescribeType(v.Type)}{(v.DisplayUnit is { } u ? " unit " + u.Symbol : string.Empty)}",
            ComponentSymbol c => $"{(c.IsPort ? "Port" : "Component")} {c.Name}: {DescribeType(c.Type)}",
            QuantitySymbol q => $"Quantity {q.QualifiedName} = {q.Unit?.Symbol ?? "?"} [{q.Dimension}]",
            UnitSymbol u => u.Unit is { } unit
                ? string.Create(CultureInfo.InvariantCulture, $"Unit {u.Name} [{unit.Dimension}] scale {unit.Scale:R}{(unit.IsAffine ? string.Create(CultureInfo.InvariantCulture, $" offset {unit.Offset:R}") : string.Empty)}")
                : $"Unit {u.Name} ?",
            EnumSymbol e => $"Enum {e.QualifiedName} {{ {string.Join(", ", e.Members.Select(m => m.Name))} }}",
            EnumMemberSymbol m => string.Create(CultureInfo.InvariantCulture, $"EnumMember {m.Enum.Name}.{m.Name} = {m.Ordinal}"),
            CallableSymbol c => $"{c.Kind} {c.QualifiedName}({string.Join(", ", c.Parameters.Select(p => $"{p.Name}: {DescribeType(p.Type)}"))}): {DescribeType(c.ReturnType)}",
            FunctionParameterSymbol p => $"FunctionParameter {p.Name}: {DescribeType(p.Type)}",
            LocalSymbol l => $"Local {l.Name}: {DescribeType(l.Type)}",
            IteratorSymbol i => i.Count is { } count
                ? string.Create(CultureInfo.InvariantCulture, $"Iterator {i.Name} in {i.Start ?? 1}..{(i.Start ?? 1) + count - 1}{(i.IsInferred ? " (inferred)" : string.Empty)}")
                : $"Iterator {i.Name} in ?",
            CouplingSymbol c => $"Coupling {c.Name} between {c.First?.Name ?? "?"} and {c.Second?.Name ?? "?"}",
            AssimilationSymbol a => $"Assimilation {a.QualifiedName} for {a.Target?.QualifiedName ?? "?"}{(a.FilterName is null ? string.Empty : " filter " + a.FilterName)}",
            ObservationSymbol o => $"Observation {o.Name}: {DescribeType(o.Type)}",
            ScenarioSymbol s => $"Scenario {s.QualifiedName} for {s.Target?.QualifiedName ?? "?"}{(s.SolverName is null ? string.Empty : " solver " + s.SolverName)}",
            _ => $"{symbol.Kind} {symbol.Name}",
        };
    }

    /// <summary>A type with its SI dimension for reals: <c>Charge [A*s]</c>, <c>Real[3] [m]</c>, <c>Cell[96]</c>.</summary>
    public static string DescribeType(TwinType type)
    {
        ArgumentNullException.ThrowIfNull(type);
        return type.ElementType is RealType real ? $"{type.DisplayName} [{real.Dimension}]" : type.DisplayName;
    }

    private static string Capitalized(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
