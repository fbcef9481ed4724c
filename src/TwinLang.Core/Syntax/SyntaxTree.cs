using System.Collections.Immutable;
using TwinLang.Diagnostics;
using TwinLang.Text;

namespace TwinLang.Syntax;

/// <summary>
/// The result of parsing one file: the root, every token (comments included) and the syntax diagnostics.
/// A tree always exists, even for garbage input; broken constructs become Missing/Error nodes.
/// </summary>
public sealed record SyntaxTree(SourceText Text, CompilationUnitSyntax Root, ImmutableArray<SyntaxToken> Tokens, ImmutableArray<Diagnostic> Diagnostics);
