using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using TwinLang.Binding;
using TwinLang.LanguageServer.Features;
using TwinLang.Syntax;
using TwinLang.Text;

namespace TwinLang.LanguageServer;

// Completion decides its context from the text before the cursor (the tree of half-typed code is unreliable)
// and the innermost declaration or section around it, then asks the semantic model for names.
public sealed partial class LspServer
{
    private static readonly Regex ImportPrefix = new(@"^\s*import\s+([A-Za-z0-9_.]*)$", RegexOptions.CultureInvariant);
    private static readonly Regex MemberPrefix = new(@"([A-Za-z_][A-Za-z0-9_]*(?:\[[^\[\]]*\])?(?:\.[A-Za-z_][A-Za-z0-9_]*(?:\[[^\[\]]*\])?)*)\.([A-Za-z0-9_]*)$", RegexOptions.CultureInvariant);
    private static readonly Regex UnitPrefix = new(@"(?:^|[^A-Za-z0-9_.])\d+(?:\.\d*)?(?:[eE][-+]?\d+)?\s*(?:[A-Za-z_][A-Za-z0-9_]*\s*(?:\^-?\d+)?\s*[*/]\s*\(?\s*)*\s([A-Za-z_]*)$", RegexOptions.CultureInvariant);

    private static readonly string[] TopLevelKeywords = ["package", "import", "quantity", "unit", "enum", "function", "table", "surrogate", "connector", "asset", "assimilation", "scenario"];
    private static readonly string[] AssetKeywords = ["parameter", "constant", "input", "output", "state", "variable", "discrete", "component", "port", "equation", "initial", "when", "sampled", "coupling"];
    private static readonly string[] ConnectorKeywords = ["potential", "flow"];
    private static readonly string[] EquationKeywords = ["der", "connect", "for", "in", "if", "then", "elseif", "else", "and", "or", "not", "true", "false"];
    private static readonly string[] StatementKeywords = ["reinit", "terminate", "if", "then", "elseif", "else", "and", "or", "not", "true", "false"];
    private static readonly string[] CouplingKeywords = ["up", "down", "conserve", "tolerance", "for", "in"];
    private static readonly string[] AssimilationKeywords = ["observe", "estimate", "prior", "filter", "reject", "when", "report", "from", "column", "every"];
    private static readonly string[] ScenarioKeywords = ["time", "solver", "input", "set", "output", "every", "sweep", "in", "ensemble", "seed"];
    private static readonly string[] FunctionKeywords = ["let", "return", "if", "then", "elseif", "else", "and", "or", "not", "true", "false"];

    /// <summary>SI base units, built into the compiler rather than declared in the standard library.</summary>
    private static readonly string[] BaseUnits = ["A", "K", "cd", "g", "kg", "m", "mol", "s"];

    private static readonly string[] CommonPrefixes = ["G", "M", "k", "m", "u", "n"];

    /// <summary>
    /// Completion at <paramref name="offset"/>. Typing a space triggers it only so units can follow a number;
    /// anywhere else a space answers nothing rather than opening a list after every word.
    /// </summary>
    private static JsonNode Completion(Snapshot snapshot, int offset, string? triggerCharacter)
    {
        var text = snapshot.Text;
        var position = text.GetLinePosition(offset);
        var before = text.GetLineText(position.Line)[..Math.Min(position.Column, text.GetLineText(position.Line).Length)];
        var model = Model(snapshot);
        var items = new List<JsonObject>();

        if (ImportPrefix.Match(before) is { Success: true } import)
        {
            var typed = import.Groups[1].Value;
            var range = TextSpan.FromBounds(offset - typed.Length, offset);
            foreach (var name in ImportableNames(model))
            {
                items.Add(Item(name, 9, null, edit: ToEdit(text, range, name)));
            }
        }
        else if (MemberPrefix.Match(before) is { Success: true } member && !char.IsDigit(member.Groups[1].Value[0]))
        {
            foreach (var symbol in MembersOf(snapshot, model, member.Groups[1].Value, offset))
            {
                items.Add(Item(symbol));
            }
        }
        else if (triggerCharacter == " " && !UnitPrefix.IsMatch(before))
        {
            // Nothing: see the summary.
        }
        else if (UnitPrefix.Match(before) is { Success: true })
        {
            foreach (var (unit, prefixed) in UnitNames(model))
            {
                var item = Item(unit, 11, prefixed ? "prefixed unit" : "unit");
                item["sortText"] = (prefixed ? "1" : "0") + unit;
                items.Add(item);
            }
        }
        else
        {
            foreach (var keyword in KeywordsAt(snapshot.Tree.Root, offset))
            {
                items.Add(Item(keyword, 14, "keyword"));
            }

            if (model is not null)
            {
                foreach (var symbol in model.GetVisibleSymbols(text, offset))
                {
                    items.Add(Item(symbol));
                }

                foreach (var function in SemanticModel.BuiltinFunctions)
                {
                    items.Add(Item(function, 3, "built-in function"));
                }
            }
        }

        var unique = items.GroupBy(i => i["label"]!.GetValue<string>(), StringComparer.Ordinal).Select(g => (JsonNode)g.First());
        return new JsonObject { ["isIncomplete"] = false, ["items"] = new JsonArray([.. unique]) };
    }

    private static JsonObject Item(Symbol symbol)
    {
        var item = Item(symbol.Name, CompletionKind(symbol), SymbolDescriptions.Detail(symbol));
        if (symbol.DocComment is { Length: > 0 } doc)
        {
            item["documentation"] = new JsonObject { ["kind"] = "markdown", ["value"] = doc };
        }

        return item;
    }

    private static JsonObject Item(string label, int kind, string? detail, JsonObject? edit = null)
    {
        var item = new JsonObject { ["label"] = label, ["kind"] = kind };
        if (detail is not null)
        {
            item["detail"] = detail;
        }

        if (edit is not null)
        {
            item["textEdit"] = edit;
            item["filterText"] = label;
        }

        return item;
    }

    private static int CompletionKind(Symbol symbol) => symbol switch
    {
        VariableSymbol { VariableKind: VariableKind.Constant } => 21,
        VariableSymbol or ObservationSymbol => 5,
        ComponentSymbol or CouplingSymbol => 10,
        CallableSymbol => 3,
        FunctionParameterSymbol or LocalSymbol or IteratorSymbol => 6,
        QuantitySymbol or BuiltinTypeSymbol => 7,
        UnitSymbol => 11,
        EnumSymbol => 13,
        EnumMemberSymbol => 20,
        StructuredTypeSymbol or AssimilationSymbol or ScenarioSymbol => 7,
        PackageSymbol => 9,
        _ => 1,
    };

    /// <summary>The members after <c>a.b[i].</c>: each segment is looked up in the previous one's type.</summary>
    private static IEnumerable<Symbol> MembersOf(Snapshot snapshot, SemanticModel? model, string chain, int offset)
    {
        if (model is null)
        {
            return [];
        }

        var segments = chain.Split('.').Select(s => s.Split('[')[0]).ToList();
        Symbol? current = model.GetVisibleSymbols(snapshot.Text, offset).FirstOrDefault(s => s.Name == segments[0])
            ?? model.LookupQualified(segments[0]);
        for (var i = 1; i < segments.Count && current is not null; i++)
        {
            current = Members(current).FirstOrDefault(m => m.Name == segments[i]);
        }

        return current is null ? [] : Members(current);
    }

    private static IEnumerable<Symbol> Members(Symbol symbol) => symbol switch
    {
        VariableSymbol v => SemanticModel.GetMembers(v.Type),
        ComponentSymbol c => SemanticModel.GetMembers(c.Type),
        FunctionParameterSymbol p => SemanticModel.GetMembers(p.Type),
        EnumSymbol e => e.Members,
        StructuredTypeSymbol t => t.AllMembers,
        PackageSymbol p => p.Members.Values.OrderBy(m => m.Name, StringComparer.Ordinal),
        _ => [],
    };

    /// <summary>Package names (with <c>.*</c>) and their declarations, for <c>import</c>.</summary>
    private static IEnumerable<string> ImportableNames(SemanticModel? model)
    {
        if (model is null)
        {
            return [];
        }

        var names = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var package in model.Packages.Where(p => p.Name.Length > 0))
        {
            names.Add(package.Name);
            names.Add(package.Name + ".*");
            foreach (var member in package.Members.Keys)
            {
                names.Add(package.Name + "." + member);
            }
        }

        return names;
    }

    /// <summary>
    /// Every declared unit and the SI base units, then the common SI-prefixed forms of those without an offset
    /// (any prefix is valid; listing all twenty for every unit would bury the useful ones).
    /// </summary>
    private static IEnumerable<(string Name, bool Prefixed)> UnitNames(SemanticModel? model)
    {
        var units = new SortedDictionary<string, bool>(StringComparer.Ordinal);
        foreach (var unit in BaseUnits)
        {
            // A prefix goes on the gram, never on the kilogram.
            units[unit] = unit != "kg";
        }

        foreach (var unit in model?.Packages.SelectMany(p => p.Members.Values.OfType<UnitSymbol>()) ?? [])
        {
            units[unit.Name] = unit.Unit is not { IsAffine: true };
        }

        var names = new SortedDictionary<string, bool>(StringComparer.Ordinal);
        foreach (var unit in units.Keys)
        {
            names[unit] = false;
        }

        foreach (var unit in units.Where(u => u.Value).Select(u => u.Key))
        {
            foreach (var prefix in CommonPrefixes)
            {
                names.TryAdd(prefix + unit, true);
            }
        }

        return names.Select(n => (n.Key, n.Value));
    }

    /// <summary>The keywords that may start something at <paramref name="offset"/>, from the innermost construct around it.</summary>
    private static IEnumerable<string> KeywordsAt(CompilationUnitSyntax root, int offset)
    {
        var declaration = root.Members.FirstOrDefault(d => d.Span.Start < offset && offset <= d.Span.End && !IsClosedBefore(d, offset));
        if (declaration is null)
        {
            return TopLevelKeywords;
        }

        SyntaxNode? innermost = null;
        foreach (var node in declaration.DescendantsAndSelf())
        {
            if (node is EquationSectionSyntax or WhenSectionSyntax or SampledSectionSyntax or CouplingSyntax && node.Span.Start < offset && offset <= node.Span.End)
            {
                innermost = node;
            }
        }

        return innermost switch
        {
            EquationSectionSyntax => EquationKeywords,
            WhenSectionSyntax or SampledSectionSyntax => StatementKeywords,
            CouplingSyntax => CouplingKeywords,
            _ => declaration switch
            {
                AssetDeclarationSyntax => AssetKeywords,
                ConnectorDeclarationSyntax => ConnectorKeywords,
                AssimilationDeclarationSyntax => AssimilationKeywords,
                ScenarioDeclarationSyntax => ScenarioKeywords,
                FunctionDeclarationSyntax => FunctionKeywords,
                _ => [],
            },
        };
    }

    /// <summary>True when the cursor sits right after a declaration's closing brace (it is outside).</summary>
    private static bool IsClosedBefore(DeclarationSyntax declaration, int offset) => offset == declaration.Span.End && declaration is AssetDeclarationSyntax or ConnectorDeclarationSyntax or AssimilationDeclarationSyntax or ScenarioDeclarationSyntax;
}
