using TwinLang.Syntax;
using TwinLang.Text;

namespace TwinLang.LanguageServer.Features;

/// <summary>
/// Classifies every token of a file for semantic highlighting. Lexical kinds come from
/// <see cref="SyntaxTree.Tokens"/>; identifiers get their role from the tree (declaration names, types,
/// units, callees, members) and, when the binder knows the name, from its symbol.
/// </summary>
internal static class SemanticTokenClassifier
{
    /// <summary>
    /// The classified spans of <paramref name="tree"/> that intersect <paramref name="range"/> (the whole file
    /// when null), in order, one per line (multi-line comments are split). <paramref name="bound"/> classifies
    /// an identifier by its symbol, or returns null.
    /// </summary>
    public static List<ClassifiedSpan> Classify(SyntaxTree tree, TextSpan? range, Func<SyntaxToken, (SemanticTokenType, SemanticTokenModifiers)?>? bound)
    {
        var roles = ClassifyNames(tree.Root);
        var text = tree.Text;
        var result = new List<ClassifiedSpan>();
        foreach (var token in tree.Tokens)
        {
            if (range is { } r && (token.Span.End < r.Start || token.Span.Start > r.End))
            {
                continue;
            }

            (SemanticTokenType Type, SemanticTokenModifiers Modifiers)? classification = token.Kind switch
            {
                TokenKind.Keyword => (SemanticTokenType.Keyword, SemanticTokenModifiers.None),
                TokenKind.Number => (SemanticTokenType.Number, SemanticTokenModifiers.None),
                TokenKind.String => (SemanticTokenType.String, SemanticTokenModifiers.None),
                TokenKind.Operator => (SemanticTokenType.Operator, SemanticTokenModifiers.None),
                TokenKind.LineComment or TokenKind.BlockComment => (SemanticTokenType.Comment, SemanticTokenModifiers.None),
                TokenKind.DocComment => (SemanticTokenType.Comment, SemanticTokenModifiers.Documentation),
                TokenKind.Identifier => ClassifyIdentifier(token, roles, bound),
                _ => null,
            };
            if (classification is { } c)
            {
                AddPerLine(text, token.Span, c.Type, c.Modifiers, result);
            }
        }

        return result;
    }

    private static (SemanticTokenType, SemanticTokenModifiers) ClassifyIdentifier(
        SyntaxToken token, Dictionary<int, (SemanticTokenType, SemanticTokenModifiers)> roles, Func<SyntaxToken, (SemanticTokenType, SemanticTokenModifiers)?>? bound)
    {
        var syntactic = roles.TryGetValue(token.Span.Start, out var role) ? role : ((SemanticTokenType, SemanticTokenModifiers)?)null;
        if (bound?.Invoke(token) is { } symbolic)
        {
            // The symbol knows what a name is; the tree still knows where it is declared.
            var declaration = syntactic is { Item2: var m } && m.HasFlag(SemanticTokenModifiers.Declaration) ? SemanticTokenModifiers.Declaration : SemanticTokenModifiers.None;
            return (symbolic.Item1, symbolic.Item2 | declaration);
        }

        return syntactic ?? (SemanticTokenType.Variable, SemanticTokenModifiers.None);
    }

    private static void AddPerLine(SourceText text, TextSpan span, SemanticTokenType type, SemanticTokenModifiers modifiers, List<ClassifiedSpan> result)
    {
        var start = text.GetLinePosition(span.Start);
        var end = text.GetLinePosition(span.End);
        for (var line = start.Line; line <= end.Line; line++)
        {
            var from = line == start.Line ? start.Column : 0;
            var to = line == end.Line ? end.Column : text.GetLineText(line).Length;
            if (to > from)
            {
                result.Add(new ClassifiedSpan(line, from, to - from, type, modifiers));
            }
        }
    }

    /// <summary>The role of each name in the tree, by the offset where it starts.</summary>
    private static Dictionary<int, (SemanticTokenType, SemanticTokenModifiers)> ClassifyNames(CompilationUnitSyntax root)
    {
        var roles = new Dictionary<int, (SemanticTokenType, SemanticTokenModifiers)>();
        void Set(TextSpan span, SemanticTokenType type, SemanticTokenModifiers modifiers = SemanticTokenModifiers.None) => roles[span.Start] = (type, modifiers);
        void Qualified(QualifiedNameSyntax name, SemanticTokenType last)
        {
            for (var i = 0; i < name.Parts.Length; i++)
            {
                Set(name.Parts[i].Span, i == name.Parts.Length - 1 ? last : SemanticTokenType.Namespace);
            }
        }

        const SemanticTokenModifiers declared = SemanticTokenModifiers.Declaration;
        foreach (var node in root.DescendantsAndSelf())
        {
            switch (node)
            {
                case PackageDeclarationSyntax p:
                    Qualified(p.Name, SemanticTokenType.Namespace);
                    break;
                case ImportSyntax i:
                    Qualified(i.Name, i.IsWildcard ? SemanticTokenType.Namespace : SemanticTokenType.Type);
                    if (i.Alias is { } alias)
                    {
                        Set(alias.Span, SemanticTokenType.Type, declared);
                    }

                    break;
                case DeclarationSyntax d:
                    Set(d.Name.Span, DeclarationType(d), declared);
                    if (d is AssimilationDeclarationSyntax { Target: var a })
                    {
                        Qualified(a, SemanticTokenType.Class);
                    }
                    else if (d is ScenarioDeclarationSyntax { Target: var s })
                    {
                        Qualified(s, SemanticTokenType.Class);
                    }

                    break;
                case EnumMemberSyntax e:
                    Set(e.Name.Span, SemanticTokenType.EnumMember, declared);
                    break;
                case ParameterSyntax p:
                    Set(p.Name.Span, SemanticTokenType.Parameter, declared);
                    break;
                case LetStatementSyntax l:
                    Set(l.Name.Span, SemanticTokenType.Variable, declared | SemanticTokenModifiers.Readonly);
                    break;
                case VariableDeclarationSyntax v:
                    Set(v.Name.Span, SemanticTokenType.Property, declared | (v.Kind is VariableKind.Parameter or VariableKind.Constant ? SemanticTokenModifiers.Readonly : 0));
                    break;
                case ComponentDeclarationSyntax c:
                    Set(c.Name.Span, SemanticTokenType.Property, declared);
                    break;
                case CouplingSyntax c:
                    Set(c.Name.Span, SemanticTokenType.Property, declared);
                    break;
                case ObserveSyntax o:
                    Set(o.Name.Span, SemanticTokenType.Property, declared);
                    break;
                case IteratorSyntax i:
                    Set(i.Name.Span, SemanticTokenType.Variable, declared);
                    break;
                case TypeSyntax t:
                    Qualified(t.Name, SemanticTokenType.Type);
                    break;
                case UnitNameSyntax u:
                    Set(u.Span, SemanticTokenType.Unit);
                    break;
                case CallExpressionSyntax c:
                    Qualified(c.Callee, SemanticTokenType.Function);
                    break;
                case ReductionExpressionSyntax r:
                    Set(r.Function.Span, SemanticTokenType.Function);
                    break;
                case MemberAccessExpressionSyntax m:
                    Set(m.Member.Span, SemanticTokenType.Property);
                    break;
                case AnnotationSyntax annotation:
                    Set(annotation.Name.Span, SemanticTokenType.Decorator);
                    break;
                case ArgumentSyntax { Name: { } name }:
                    Set(name.Span, SemanticTokenType.Parameter);
                    break;
                case SettingSyntax s:
                    Set(s.Key.Span, SemanticTokenType.Parameter);
                    break;
                case ValueModifierSyntax v:
                    Set(v.Name.Span, SemanticTokenType.Property);
                    break;
            }
        }

        return roles;
    }

    private static SemanticTokenType DeclarationType(DeclarationSyntax declaration) => declaration switch
    {
        QuantityDeclarationSyntax => SemanticTokenType.Type,
        UnitDeclarationSyntax => SemanticTokenType.Unit,
        EnumDeclarationSyntax => SemanticTokenType.Enum,
        FunctionDeclarationSyntax or TableDeclarationSyntax or SurrogateDeclarationSyntax => SemanticTokenType.Function,
        _ => SemanticTokenType.Class,
    };
}
