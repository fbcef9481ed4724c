using System.Collections.Immutable;
using Antlr4.Runtime;
using Antlr4.Runtime.Atn;
using Antlr4.Runtime.Misc;
using TwinLang.Diagnostics;
using TwinLang.Parsing.Generated;
using TwinLang.Syntax;
using TwinLang.Text;

namespace TwinLang.Parsing;

/// <summary>
/// Parses one <c>.twin</c> file into Core's immutable <see cref="SyntaxTree"/>. Never throws on user input:
/// every problem becomes a TW0xxx diagnostic and every input yields a tree.
/// </summary>
public static class TwinParser
{
    /// <summary>Brackets nested deeper than this are reported (TW0005) and skipped before parsing.</summary>
    public const int MaxBracketDepth = 256;

    // Parsing runs on its own thread with a large stack, so deep (but allowed) nesting cannot exhaust
    // a small caller stack such as a thread-pool thread's; the depth limits bound what it needs.
    private const int ParserStackSize = 64 * 1024 * 1024;

    /// <summary>Parses <paramref name="text"/>. The result holds the root, every token (comments too) and the syntax diagnostics.</summary>
    public static SyntaxTree Parse(SourceText text)
    {
        ArgumentNullException.ThrowIfNull(text);
        SyntaxTree? tree = null;
        Exception? failure = null;
        var thread = new Thread(
            () =>
            {
                try
                {
                    tree = ParseOnThisThread(text);
                }
#pragma warning disable CA1031 // A crash becomes TW9001 instead of taking the host down (STYLE.md §3).
                catch (Exception e)
#pragma warning restore CA1031
                {
                    failure = e;
                }
            },
            ParserStackSize)
        {
            Name = "TwinLang parser",
            IsBackground = true,
        };
        thread.Start();
        thread.Join();

        if (tree is not null)
        {
            return tree;
        }

        var root = new CompilationUnitSyntax(new TextSpan(0, text.Length), null, [], []);
        var error = DiagnosticCatalog.At(text, new TextSpan(0, 0)).InternalError("parsing", failure?.GetType().Name ?? "no result");
        return new SyntaxTree(text, root, [], [error]);
    }

    private static SyntaxTree ParseOnThisThread(SourceText text)
    {
        var diagnostics = new List<Diagnostic>();
        var lexed = TokenScanner.Scan(text, diagnostics);
        var parserTokens = NestingLimiter.Limit(text, lexed.ParserTokens, diagnostics, out var skipped);

        (TwinLangParser.CompilationUnitContext Unit, CommonTokenStream Stream)? parsed = null;
        var parseDiagnostics = new List<(IToken Token, Diagnostic Diagnostic)>();
        for (var attempt = 0; parsed is null; attempt++)
        {
            try
            {
                parseDiagnostics.Clear();
                parsed = ParseTwoStage(text, parserTokens, parseDiagnostics);
            }
            catch (NestingTooDeepException e) when (attempt < 4)
            {
                // Cut the file at the token where the rule depth ran out and parse again: the tree keeps
                // everything before it.
                var cut = Math.Clamp(e.TokenIndex, 0, parserTokens.Count - 1);
                var at = parserTokens[cut];
                diagnostics.Add(DiagnosticCatalog.At(text, new TextSpan(Math.Max(0, at.StartIndex), 0)).NestingTooDeep(MaxBracketDepth));
                skipped.Add((Math.Max(0, at.StartIndex), text.Length));
                parserTokens = [.. parserTokens.Take(cut), parserTokens[^1]];
            }
        }

        // Syntax errors after an over-deep part was cut are mostly echoes of the cut (a header whose
        // block was dropped, brackets that no longer pair up), so they are not reported.
        var firstCut = skipped.Count == 0 ? int.MaxValue : skipped.Min(range => range.Start);
        foreach (var (token, diagnostic) in parseDiagnostics)
        {
            var offset = token.Type == TokenConstants.EOF ? text.Length : token.StartIndex;
            if (offset < firstCut)
            {
                diagnostics.Add(diagnostic);
            }
        }

        var builder = new CstToAstBuilder(text, parsed.Value.Stream, diagnostics);
        var root = builder.Build(parsed.Value.Unit);
        return new SyntaxTree(text, root, lexed.Tokens, Deduplicate(diagnostics));
    }

    /// <summary>
    /// SLL prediction first, which is fast and right for nearly all input; only when it fails is the file
    /// parsed again with full LL prediction and the recovering strategy that reports errors.
    /// </summary>
    private static (TwinLangParser.CompilationUnitContext Unit, CommonTokenStream Stream) ParseTwoStage(
        SourceText text, List<IToken> tokens, List<(IToken, Diagnostic)> diagnostics)
    {
        var stream = new CommonTokenStream(new ListTokenSource(tokens));
        var parser = new TwinLangParser(stream);
        parser.RemoveErrorListeners();
        parser.Interpreter.PredictionMode = PredictionMode.SLL;
        parser.ErrorHandler = new BailErrorStrategy();
        try
        {
            return (parser.compilationUnit(), stream);
        }
        catch (ParseCanceledException)
        {
        }

        stream = new CommonTokenStream(new ListTokenSource(tokens));
        parser = new TwinLangParser(stream);
        parser.RemoveErrorListeners();
        parser.Interpreter.PredictionMode = PredictionMode.LL;
        parser.ErrorHandler = new SyntaxErrorStrategy(text, (token, diagnostic) => diagnostics.Add((token, diagnostic)));
        return (parser.compilationUnit(), stream);
    }

    /// <summary>Sorted by position; of several errors at one offset only the first is kept (no cascades).</summary>
    private static ImmutableArray<Diagnostic> Deduplicate(List<Diagnostic> diagnostics)
    {
        var result = ImmutableArray.CreateBuilder<Diagnostic>();
        var seen = new HashSet<int>();
        foreach (var diagnostic in diagnostics.OrderBy(d => d.Span.Start).ThenBy(d => d.Code, StringComparer.Ordinal))
        {
            if (seen.Add(diagnostic.Span.Start))
            {
                result.Add(diagnostic);
            }
        }

        return result.ToImmutable();
    }
}
