using System.Runtime.ExceptionServices;
using TwinLang.Diagnostics;
using TwinLang.Syntax;
using TwinLang.Text;

namespace TwinLang.Compiler;

/// <summary>
/// Runs each phase so that no input can take the host down: binding runs on a thread with a large stack
/// (long operator chains make deep trees even where the parser bounds bracket nesting), and an exception
/// from a phase becomes one TW9001 diagnostic instead of a crash, as Roslyn and Bicep do.
/// </summary>
internal static class CompilerPhases
{
    // 100 000 nested parentheses need well over the default 1 MB (8 MB on Linux); the memory is only reserved.
    private const int PhaseStackSize = 512 * 1024 * 1024;

    public static SyntaxTree Parse(SourceText text)
    {
        try
        {
            // The parser bounds nesting and runs on its own large stack.
            return Parsing.TwinParser.Parse(text);
        }
        catch (Exception e)
        {
            var crash = DiagnosticCatalog.At(text, default).InternalError("parsing", Describe(e));
            var root = new CompilationUnitSyntax(new TextSpan(0, text.Length), null, [], []);
            return new SyntaxTree(text, root, [], [crash]);
        }
    }

    public static T RunWithLargeStack<T>(Func<T> phase)
    {
        T? result = default;
        ExceptionDispatchInfo? failure = null;
        var thread = new Thread(
            () =>
            {
                try
                {
                    result = phase();
                }
                catch (Exception e)
                {
                    failure = ExceptionDispatchInfo.Capture(e);
                }
            },
            PhaseStackSize);
        thread.Start();
        thread.Join();
        failure?.Throw();
        return result ?? throw new InvalidOperationException("The phase returned no result.");
    }

    public static string Describe(Exception e) => $"{e.GetType().Name}: {e.Message.TrimEnd('.')}";
}
