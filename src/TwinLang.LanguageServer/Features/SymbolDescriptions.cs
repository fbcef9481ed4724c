using System.Text;
using TwinLang.Binding;
using TwinLang.Syntax;
using TwinLang.Text;

namespace TwinLang.LanguageServer.Features;

/// <summary>How symbols read in hovers, completion details, signatures and symbol lists.</summary>
internal static class SymbolDescriptions
{
    /// <summary>The hover markdown: the declaration as written, then quantity, unit, default, description and documentation.</summary>
    public static string Hover(Symbol symbol)
    {
        var builder = new StringBuilder();
        builder.Append("```twin\n").Append(Signature(symbol)).Append("\n```\n");
        var facts = new List<string>();
        switch (symbol)
        {
            case VariableSymbol v:
                facts.Add($"*{Outline.Keyword(v.VariableKind)}* of `{v.Owner.Name}`");
                AddQuantity(v.Type, v.DisplayUnit?.Symbol, facts);
                if (v.Value is { } value && v.Location is { } location)
                {
                    facts.Add($"{(v.VariableKind is VariableKind.State or VariableKind.Discrete ? "start value" : v.VariableKind is VariableKind.Output or VariableKind.Variable ? "binding" : "default")}: `{Collapse(location.Source.ToString(value.Span))}`");
                }

                if (v.Description is { } description)
                {
                    facts.Add(description);
                }

                break;
            case ComponentSymbol c:
                facts.Add($"*{(c.IsPort ? "port" : "component")}* of `{c.Owner.Name}`: `{c.Type.DisplayName}`");
                break;
            case FunctionParameterSymbol p:
                AddQuantity(p.Type, null, facts);
                break;
            case LocalSymbol l:
                AddQuantity(l.Type, null, facts);
                break;
            case QuantitySymbol q:
                facts.Add($"dimension: `{q.Dimension}`");
                if (q.Unit is { } quantityUnit)
                {
                    facts.Add($"unit: `{quantityUnit.Symbol}`");
                }

                break;
            case UnitSymbol { Unit: { } declared }:
                facts.Add($"dimension: `{declared.Dimension}`");
                break;
            case EnumMemberSymbol e:
                facts.Add($"literal of `{e.Enum.Name}`");
                break;
        }

        foreach (var fact in facts)
        {
            builder.Append('\n').Append(fact).Append('\n');
        }

        if (symbol.DocComment is { Length: > 0 } doc)
        {
            builder.Append("\n---\n\n").Append(doc).Append('\n');
        }

        return builder.ToString().TrimEnd('\n');
    }

    /// <summary>The one-line declaration of a symbol: its source up to the body, or a synthesised form for built-ins.</summary>
    public static string Signature(Symbol symbol) => symbol switch
    {
        CallableSymbol c => CallableLabel(c, out _),
        BuiltinTypeSymbol b => $"type {b.Name}",
        PackageSymbol p => $"package {p.Name}{(p.Version is { } v ? $" version \"{v}\"" : string.Empty)}",
        IteratorSymbol i => $"iterator {i.Name}{(i.Start is { } s && i.Count is { } n ? $" in {s}..{s + n - 1}" : string.Empty)}",
        FunctionParameterSymbol p => $"{p.Name}: {p.Type.DisplayName}",
        LocalSymbol l => $"let {l.Name}: {l.Type.DisplayName}",
        _ when SemanticModel.DeclarationSpan(symbol) is { } span && symbol.Location is { } location => DeclarationHead(location.Source, span),
        _ => $"{symbol.Kind} {symbol.Name}",
    };

    /// <summary>A callable's label <c>name(a: T, b: U): R</c> and the label ranges of its parameters.</summary>
    public static string CallableLabel(CallableSymbol callable, out List<(int Start, int End)> parameterRanges)
    {
        var keyword = callable.Kind switch
        {
            SymbolKind.Table => "table",
            SymbolKind.Surrogate => "surrogate",
            _ => "function",
        };
        var builder = new StringBuilder(keyword).Append(' ').Append(callable.Name).Append('(');
        parameterRanges = [];
        for (var i = 0; i < callable.Parameters.Count; i++)
        {
            if (i > 0)
            {
                builder.Append(", ");
            }

            var start = builder.Length;
            builder.Append(callable.Parameters[i].Name).Append(": ").Append(callable.Parameters[i].Type.DisplayName);
            parameterRanges.Add((start, builder.Length));
        }

        return builder.Append("): ").Append(callable.ReturnType.DisplayName).ToString();
    }

    /// <summary>A short detail for completion and symbol lists: the type or the kind.</summary>
    public static string Detail(Symbol symbol) => symbol switch
    {
        VariableSymbol v => $"{Outline.Keyword(v.VariableKind)}: {v.Type.DisplayName}",
        ComponentSymbol c => $"{(c.IsPort ? "port" : "component")}: {c.Type.DisplayName}",
        CallableSymbol c => CallableLabel(c, out _),
        FunctionParameterSymbol p => p.Type.DisplayName,
        LocalSymbol l => l.Type.DisplayName,
        QuantitySymbol q => q.Unit is { } u ? $"quantity ({u.Symbol})" : "quantity",
        UnitSymbol u => u.Unit is { } unit ? $"unit ({unit.Dimension})" : "unit",
        _ => symbol.Kind.ToString().ToLowerInvariant(),
    };

    private static void AddQuantity(TwinType type, string? displayUnit, List<string> facts)
    {
        switch (type.ElementType)
        {
            case RealType real:
                facts.Add($"quantity: `{real.Quantity?.Name ?? "Real"}`");
                var unit = displayUnit ?? real.Quantity?.Unit?.Symbol;
                if (unit is not null)
                {
                    facts.Add($"unit: `{unit}`");
                }

                if (!real.Dimension.IsDimensionless)
                {
                    facts.Add($"dimension: `{real.Dimension}`");
                }

                break;
            default:
                facts.Add($"type: `{type.DisplayName}`");
                break;
        }
    }

    /// <summary>The declaration's first line, cut before a body's brace.</summary>
    private static string DeclarationHead(SourceText source, TextSpan span)
    {
        // Documentation lines are shown below the code block, not inside it.
        var lines = source.ToString(span).Split('\n').SkipWhile(l => l.TrimStart().StartsWith("//", StringComparison.Ordinal));
        var text = string.Join('\n', lines);
        var brace = text.IndexOf('{', StringComparison.Ordinal);
        if (brace > 0)
        {
            text = text[..brace];
        }

        return Collapse(text);
    }

    private static string Collapse(string text)
    {
        var oneLine = string.Join(' ', text.Split((char[])[' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries));
        return oneLine.Length <= 160 ? oneLine : oneLine[..157] + "...";
    }
}
