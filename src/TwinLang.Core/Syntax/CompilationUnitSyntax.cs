using System.Collections.Immutable;
using TwinLang.Text;

namespace TwinLang.Syntax;

/// <summary>A whole file: optional package header, imports, then top-level declarations.</summary>
public sealed record CompilationUnitSyntax(TextSpan Span, PackageDeclarationSyntax? Package, ImmutableArray<ImportSyntax> Imports, ImmutableArray<DeclarationSyntax> Members) : SyntaxNode(Span);

/// <summary>An identifier occurrence. <see cref="IsMissing"/> marks one the parser had to invent.</summary>
public sealed record NameSyntax(TextSpan Span, string Text, bool IsMissing = false) : SyntaxNode(Span);

/// <summary>A dotted name such as <c>energy.battery.Cell</c>.</summary>
public sealed record QualifiedNameSyntax(TextSpan Span, ImmutableArray<NameSyntax> Parts) : SyntaxNode(Span)
{
    /// <summary>The dotted text.</summary>
    public string Text => string.Join('.', Parts.Select(p => p.Text));
}

/// <summary><c>package energy.battery version "1.0.0"</c>.</summary>
public sealed record PackageDeclarationSyntax(TextSpan Span, QualifiedNameSyntax Name, StringLiteralSyntax? Version) : SyntaxNode(Span);

/// <summary><c>import std.units.*</c>, <c>import a.b.C</c> or <c>import a.b.C as D</c>.</summary>
public sealed record ImportSyntax(TextSpan Span, QualifiedNameSyntax Name, bool IsWildcard, NameSyntax? Alias) : SyntaxNode(Span);

/// <summary><c>@semantic("0173-1#02-AAB381#003")</c>: metadata on a declaration (semantic ids, IRIs, deprecation).</summary>
public sealed record AnnotationSyntax(TextSpan Span, NameSyntax Name, ImmutableArray<ArgumentSyntax> Arguments) : SyntaxNode(Span);

/// <summary><c>key = value</c> in a <c>with</c> clause, a coupling body or a scenario.</summary>
public sealed record SettingSyntax(TextSpan Span, NameSyntax Key, ExpressionSyntax Value) : SyntaxNode(Span);
