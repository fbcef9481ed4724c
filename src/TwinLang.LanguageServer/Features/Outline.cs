using TwinLang.Syntax;
using TwinLang.Text;

namespace TwinLang.LanguageServer.Features;

/// <summary>LSP symbol kinds the outline uses (the protocol's numbers).</summary>
internal enum LspSymbolKind
{
    Module = 2,
    Namespace = 3,
    Package = 4,
    Class = 5,
    Method = 6,
    Property = 7,
    Field = 8,
    Enum = 10,
    Interface = 11,
    Function = 12,
    Variable = 13,
    Constant = 14,
    Object = 19,
    EnumMember = 22,
    Struct = 23,
    Event = 24,
    TypeParameter = 26,
}

/// <summary>One outline entry: its name, a detail (kind and type), the whole declaration's span, the name's span and children.</summary>
internal sealed record OutlineItem(string Name, string Detail, LspSymbolKind Kind, TextSpan Span, TextSpan NameSpan, IReadOnlyList<OutlineItem> Children);

/// <summary>
/// The outline of one file, from its syntax tree alone, so it works while the file does not bind:
/// the package, every top-level declaration and, inside assets, connectors, enumerations and
/// assimilations, their members.
/// </summary>
internal static class Outline
{
    public static List<OutlineItem> Compute(SyntaxTree tree)
    {
        var result = new List<OutlineItem>();
        if (tree.Root.Package is { } package)
        {
            result.Add(new OutlineItem(package.Name.Text, package.Version?.Value ?? string.Empty, LspSymbolKind.Package, package.Span, package.Name.Span, []));
        }

        foreach (var declaration in tree.Root.Members)
        {
            if (declaration is ErrorDeclarationSyntax || declaration.Name.IsMissing)
            {
                continue;
            }

            result.Add(new OutlineItem(declaration.Name.Text, Keyword(declaration), Kind(declaration), declaration.Span, declaration.Name.Span, Children(tree.Text, declaration)));
        }

        return result;
    }

    /// <summary>The keyword that introduces a declaration (the outline's detail and the hover's first word).</summary>
    public static string Keyword(DeclarationSyntax declaration) => declaration switch
    {
        QuantityDeclarationSyntax => "quantity",
        UnitDeclarationSyntax => "unit",
        EnumDeclarationSyntax => "enum",
        FunctionDeclarationSyntax => "function",
        TableDeclarationSyntax => "table",
        SurrogateDeclarationSyntax => "surrogate",
        ConnectorDeclarationSyntax => "connector",
        AssetDeclarationSyntax => "asset",
        AssimilationDeclarationSyntax => "assimilation",
        ScenarioDeclarationSyntax => "scenario",
        _ => "declaration",
    };

    /// <summary>The outline kind of a declaration.</summary>
    public static LspSymbolKind Kind(DeclarationSyntax declaration) => declaration switch
    {
        QuantityDeclarationSyntax => LspSymbolKind.TypeParameter,
        UnitDeclarationSyntax => LspSymbolKind.Constant,
        EnumDeclarationSyntax => LspSymbolKind.Enum,
        FunctionDeclarationSyntax or TableDeclarationSyntax or SurrogateDeclarationSyntax => LspSymbolKind.Function,
        ConnectorDeclarationSyntax => LspSymbolKind.Interface,
        AssetDeclarationSyntax => LspSymbolKind.Class,
        AssimilationDeclarationSyntax => LspSymbolKind.Object,
        ScenarioDeclarationSyntax => LspSymbolKind.Event,
        _ => LspSymbolKind.Object,
    };

    /// <summary>The outline kind of a variable by its role.</summary>
    public static LspSymbolKind Kind(VariableKind kind) => kind switch
    {
        VariableKind.Parameter => LspSymbolKind.Property,
        VariableKind.Constant => LspSymbolKind.Constant,
        _ => LspSymbolKind.Field,
    };

    /// <summary>The keyword of a variable kind as written in source.</summary>
    public static string Keyword(VariableKind kind) => kind.ToString().ToLowerInvariant();

    private static List<OutlineItem> Children(SourceText text, DeclarationSyntax declaration)
    {
        var children = new List<OutlineItem>();
        IEnumerable<SyntaxNode> members = declaration switch
        {
            AssetDeclarationSyntax a => a.Members,
            ConnectorDeclarationSyntax c => c.Members,
            EnumDeclarationSyntax e => e.Members,
            AssimilationDeclarationSyntax a => a.Items,
            FunctionDeclarationSyntax f => f.Parameters,
            TableDeclarationSyntax t => t.Parameters,
            SurrogateDeclarationSyntax s => s.Parameters,
            _ => [],
        };
        foreach (var member in members)
        {
            OutlineItem? item = member switch
            {
                VariableDeclarationSyntax v => new(v.Name.Text, $"{Keyword(v.Kind)}: {TypeText(text, v.Type)}", Kind(v.Kind), v.Span, v.Name.Span, []),
                ComponentDeclarationSyntax c => new(c.Name.Text, $"{(c.IsPort ? "port" : "component")}: {TypeText(text, c.Type)}", c.IsPort ? LspSymbolKind.Interface : LspSymbolKind.Module, c.Span, c.Name.Span, []),
                CouplingSyntax c => new(c.Name.Text, "coupling", LspSymbolKind.Event, c.Span, c.Name.Span, []),
                EnumMemberSyntax e => new(e.Name.Text, string.Empty, LspSymbolKind.EnumMember, e.Span, e.Name.Span, []),
                ObserveSyntax o => new(o.Name.Text, "observe", LspSymbolKind.Field, o.Span, o.Name.Span, []),
                ParameterSyntax p => new(p.Name.Text, TypeText(text, p.Type), LspSymbolKind.Variable, p.Span, p.Name.Span, []),
                _ => null,
            };
            if (item is not null && !string.IsNullOrEmpty(item.Name))
            {
                children.Add(item);
            }
        }

        return children;
    }

    /// <summary>A type as written, without modifiers: <c>Cell[n]</c>.</summary>
    public static string TypeText(SourceText text, TypeSyntax type)
    {
        var end = type.Dimensions.IsEmpty ? type.Name.Span.End : Math.Min(text.Length, type.Dimensions[^1].Span.End + 1);
        return string.Join(' ', text.ToString(TextSpan.FromBounds(type.Span.Start, end)).Split((char[])[' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries));
    }
}
