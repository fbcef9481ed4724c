namespace TwinLang.LanguageServer.Features;

/// <summary>The semantic token types the server reports; the order is the legend's (the wire sends indices).</summary>
internal enum SemanticTokenType
{
    Namespace,
    Type,
    Class,
    Enum,
    EnumMember,
    Function,
    Parameter,
    Variable,
    Property,
    Keyword,
    Number,
    String,
    Comment,
    Operator,
    Decorator,
    Unit,
}

/// <summary>Semantic token modifiers as bit flags; bit i is the legend's modifier i.</summary>
[Flags]
internal enum SemanticTokenModifiers
{
    None = 0,
    Declaration = 1,
    Readonly = 2,
    Documentation = 4,
    DefaultLibrary = 8,
}

/// <summary>A classified piece of text on one line.</summary>
internal readonly record struct ClassifiedSpan(int Line, int Column, int Length, SemanticTokenType Type, SemanticTokenModifiers Modifiers);

/// <summary>The legend sent in the server capabilities.</summary>
internal static class SemanticTokenLegend
{
    /// <summary>Token type names in enum order; <c>unit</c> is TwinLang's own (clients without a theme rule keep the grammar's colour).</summary>
    public static readonly string[] TokenTypes =
    [
        "namespace", "type", "class", "enum", "enumMember", "function", "parameter", "variable", "property",
        "keyword", "number", "string", "comment", "operator", "decorator", "unit",
    ];

    /// <summary>Modifier names in bit order.</summary>
    public static readonly string[] TokenModifiers = ["declaration", "readonly", "documentation", "defaultLibrary"];
}
