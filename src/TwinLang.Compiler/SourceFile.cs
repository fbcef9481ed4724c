using TwinLang.Syntax;
using TwinLang.Text;

namespace TwinLang.Compiler;

/// <summary>
/// A source text and its syntax tree, parsed at most once on first use. Compilations that share a file share
/// this object, so an editor rebuilding the compilation after one keystroke re-parses one file only.
/// </summary>
internal sealed class SourceFile
{
    private readonly Lazy<SyntaxTree> _tree;

    public SourceFile(SourceText text)
    {
        Text = text;
        _tree = new Lazy<SyntaxTree>(() => CompilerPhases.Parse(text), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public SourceText Text { get; }

    public SyntaxTree Tree => _tree.Value;
}
