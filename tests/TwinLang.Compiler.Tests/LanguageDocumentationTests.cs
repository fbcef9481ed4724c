using System.Text.RegularExpressions;
using TwinLang.Text;
using Xunit;

namespace TwinLang.Compiler.Tests;

/// <summary>
/// docs/language.md is the syntax contract: every <c>```twin</c> block in it parses without a diagnostic, and
/// every block marked complete (an HTML comment <c>&lt;!-- complete --&gt;</c> on the line before it) also binds
/// clean with the standard library. The other blocks are fragments that use names they do not declare.
/// </summary>
public sealed partial class LanguageDocumentationTests
{
    public static TheoryData<int> Blocks()
    {
        var data = new TheoryData<int>();
        for (var i = 0; i < LoadBlocks().Count; i++)
        {
            data.Add(i + 1);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Blocks))]
    public void LanguageDocument_TwinBlock_ParsesAndCompleteOnesBind(int number)
    {
        var (line, isComplete, code) = LoadBlocks()[number - 1];
        var compilation = Compilation.Create([new SourceText(code, $"language.md block at line {line}")]);

        Assert.True(compilation.SyntaxTrees[0].Diagnostics.IsEmpty, $"Block at line {line}: {string.Join("\n", compilation.SyntaxTrees[0].Diagnostics)}");
        if (isComplete)
        {
            Assert.True(compilation.Diagnostics.IsEmpty, $"Block at line {line}: {string.Join("\n", compilation.Diagnostics)}");
        }
    }

    [Fact]
    public void LanguageDocument_Blocks_AreFound()
    {
        var blocks = LoadBlocks();

        Assert.NotEmpty(blocks);
        Assert.Contains(blocks, b => b.IsComplete);
    }

    private static List<(int Line, bool IsComplete, string Code)> LoadBlocks()
    {
        var text = File.ReadAllText(RepositoryRoot.Combine(Path.Combine("docs", "language.md"))).ReplaceLineEndings("\n");
        return [.. TwinBlock().Matches(text).Select(m => (
            text[..m.Index].Count(c => c == '\n') + 1,
            m.Groups["complete"].Success,
            m.Groups["code"].Value))];
    }

    [GeneratedRegex(@"^(?<complete><!-- complete -->\n)?```twin\n(?<code>.*?)^```", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex TwinBlock();
}
