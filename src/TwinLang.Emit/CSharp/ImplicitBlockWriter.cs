using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using TwinLang.Lowering;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace TwinLang.Emit.CSharp;

/// <summary>
/// Generates the algebraic loops of a model: one private <c>SolveLoopK</c> method per <see cref="IrImplicitBlock"/>
/// that runs the runtime's <c>NewtonSolver</c> state machine with the residuals and the symbolic Jacobian written
/// inline (per element inside the block's loops), its solver and failure description as fields, and the calls
/// that <c>Derivatives</c> and <c>Outputs</c> make between their assignments.
/// </summary>
internal static class ImplicitBlockWriter
{
    private const string Loops = "global::TwinLang.Runtime.Loops.";

    /// <summary>A step of the evaluation order: an assignment or an algebraic loop (exactly one is set).</summary>
    public sealed record Step(IrAssignment? Assignment, IrImplicitBlock? Loop);

    /// <summary>The model's assignments with the loops inserted where they are evaluated.</summary>
    public static List<Step> Steps(IrModel model) => Steps(model.Assignments, model.ImplicitBlocks);

    /// <summary>The initial assignments with the initial loops inserted where they are evaluated.</summary>
    public static List<Step> InitialSteps(IrModel model) => Steps(model.InitialAssignments, model.InitialImplicitBlocks);

    private static List<Step> Steps(IReadOnlyList<IrAssignment> assignments, IReadOnlyList<IrImplicitBlock> loops)
    {
        var steps = new List<Step>();
        var next = 0;
        for (var a = 0; a <= assignments.Count; a++)
        {
            while (next < loops.Count && loops[next].InsertBefore == a)
            {
                steps.Add(new Step(null, loops[next++]));
            }

            if (a < assignments.Count)
            {
                steps.Add(new Step(assignments[a], null));
            }
        }

        return steps;
    }

    /// <summary>True when the loop solves for a state derivative (so <c>Outputs</c> needs a scratch derivative vector).</summary>
    public static bool HasDerivatives(IrImplicitBlock loop) => loop.Solved.Any(u => u.IsDerivative);

    /// <summary>The name of the scratch derivative vector <c>Outputs</c> passes to loops that solve for derivatives.</summary>
    public const string ScratchDerivatives = "_loopDerivatives";

    /// <summary>The call of loop <paramref name="loop"/> from a method whose derivative vector is <paramref name="derivatives"/>.</summary>
    public static StatementSyntax Call(IrModel model, IrImplicitBlock loop, string derivatives)
    {
        var initial = model.InitialImplicitBlocks.Contains(loop);
        var index = initial ? model.InitialImplicitBlocks.IndexOf(loop) : model.ImplicitBlocks.IndexOf(loop);
        var arguments = initial ? "0.0, x0" : HasDerivatives(loop) ? $"t, x, {derivatives}" : "t, x";
        return ParseStatement($"{MethodName(index, initial)}({arguments});")
            .WithLeadingTrivia(Comment("// " + CSharpNames.CommentText("algebraic loop " + string.Join(", ", loop.Equations.Select(e => e.Origin.Display)))), ElasticCarriageReturnLineFeed);
    }

    /// <summary>Fields and methods of every loop, plus the scratch derivative vector when a loop needs it.</summary>
    public static IEnumerable<MemberDeclarationSyntax> Members(IrModel model, Func<IrTable, string> tables)
    {
        foreach (var (list, initial) in new[] { (model.InitialImplicitBlocks, true), (model.ImplicitBlocks, false) })
        {
            for (var k = 0; k < list.Length; k++)
            {
                var loop = list[k];
                var field = FieldName(k, initial);
                var size = loop.Size.ToString(CultureInfo.InvariantCulture);
                yield return Member($"private readonly {Loops}NewtonSolver _{field} = new({size}, {(loop.IsLinear ? "true" : "false")});");
                var equations = string.Join(", ", loop.Equations.Select(e => Literal(Describe(e))));
                var variables = string.Join(", ", loop.Solved.Select(u => Literal(VariableName(u))));
                yield return Member($"private static readonly {Loops}AlgebraicLoopInfo s_{field} = new([{equations}], [{variables}], {(initial ? "true" : "false")});");
                yield return Method(k, initial, loop, tables);
            }
        }

        if (model.ImplicitBlocks.Any(HasDerivatives))
        {
            yield return Member($"private readonly double[] {ScratchDerivatives} = new double[{model.StateCount.ToString(CultureInfo.InvariantCulture)}];");
        }
    }

    private static string MethodName(int index, bool initial) => (initial ? "SolveInitialLoop" : "SolveLoop") + index.ToString(CultureInfo.InvariantCulture);

    private static string FieldName(int index, bool initial) => (initial ? "initialLoop" : "loop") + index.ToString(CultureInfo.InvariantCulture);

    private static string Literal(string text) => SymbolDisplay(text);

    private static string SymbolDisplay(string text) => LiteralExpression(SyntaxKind.StringLiteralExpression, Microsoft.CodeAnalysis.CSharp.SyntaxFactory.Literal(text)).ToString();

    private static string Describe(IrEquation equation)
    {
        var text = equation.Origin.Text.ReplaceLineEndings(" ");
        return $"'{(text.Length > 60 ? text[..57] + "..." : text)}' ({equation.Origin.Display})";
    }

    private static string VariableName(IrVariable unknown)
    {
        var name = unknown.Block.DisplayName;
        return unknown.IsDerivative ? $"der({name})" : name;
    }

    private static MemberDeclarationSyntax Member(string text) =>
        ParseMemberDeclaration(text) ?? throw new InvalidOperationException("Invalid member template.");

    private static MethodDeclarationSyntax Method(int index, bool initial, IrImplicitBlock loop, Func<IrTable, string> tables)
    {
        var writer = new MethodWriter(tables);
        var field = FieldName(index, initial);
        var newton = writer.Local("newton");
        var z = writer.Local("z");
        var f = writer.Local("f");
        var jacobian = writer.Local("jac");
        var status = writer.Local("status");

        ExpressionSyntax At(string array, int i) => ElementAccessExpression(IdentifierName(array)).AddArgumentListArguments(Argument(MethodWriter.Int(i)));

        var iteration = new List<StatementSyntax>();
        for (var j = 0; j < loop.Size; j++)
        {
            iteration.Add(MethodWriter.Assign(writer.Element(loop.Unknowns[j]), At(z, j)));
        }

        // Torn equations: computed from the tear variables before the residuals read them.
        var torn = loop.Torn.Select(a => writer.Assignment(a with { Loops = [] })).ToList();
        iteration.AddRange(torn);
        var values = writer.Values([.. loop.Residuals, .. loop.Jacobian], loop.Loops, iteration);
        for (var i = 0; i < loop.Residuals.Length; i++)
        {
            iteration.Add(MethodWriter.Assign(At(f, i), values[i]).WithLeadingTrivia(Comment("// " + CSharpNames.CommentText(loop.Equations[i].Origin.Display + ": " + loop.Equations[i].Origin.Text)), ElasticCarriageReturnLineFeed));
        }

        for (var e = 0; e < loop.Jacobian.Length; e++)
        {
            if (loop.Jacobian[e] is IrConstant { Value: 0 })
            {
                // Structural zeros: the solver's Jacobian array starts zeroed and factors a copy of it.
                continue;
            }

            iteration.Add(MethodWriter.Assign(At(jacobian, e), values[loop.Residuals.Length + e]));
        }

        var element = loop.Loops.IsEmpty ? "0" : writer.LoopName(loop.Loops[0]);
        iteration.Add(ParseStatement($"var {status} = {newton}.Next();"));
        iteration.Add(ParseStatement($"if ({status} == {Loops}NewtonStatus.Converged) {{ break; }}"));
        iteration.Add(ParseStatement($"if ({status} == {Loops}NewtonStatus.Failed) {{ throw new {Loops}AlgebraicLoopException(s_{field}, t, {element}, {newton}.FailureReason); }}"));

        var perElement = new List<StatementSyntax>();
        for (var j = 0; j < loop.Size; j++)
        {
            perElement.Add(MethodWriter.Assign(At(z, j), writer.Element(loop.Unknowns[j])));
        }

        perElement.Add(ParseStatement($"{newton}.Start();"));
        perElement.Add(WhileStatement(LiteralExpression(SyntaxKind.TrueLiteralExpression), Block(iteration)));
        for (var j = 0; j < loop.Size; j++)
        {
            perElement.Add(MethodWriter.Assign(writer.Element(loop.Unknowns[j]), At(z, j)));
        }

        // A converged small step is not evaluated again: recompute the torn variables from the final tears.
        perElement.AddRange(loop.Torn.Select(a => writer.Assignment(a with { Loops = [] })));

        var statements = new List<StatementSyntax>
        {
            ParseStatement("var p = _parameters;"),
            ParseStatement("var u = _inputs;"),
            ParseStatement("var w = _work;"),
            ParseStatement($"var {newton} = _{field};"),
            ParseStatement($"var {z} = {newton}.Unknowns;"),
            ParseStatement($"var {f} = {newton}.Residuals;"),
            ParseStatement($"var {jacobian} = {newton}.Jacobian;"),
        };
        var body = writer.WrapInLoops(Block(perElement), loop.Loops);
        statements.AddRange(writer.ParameterReads);
        statements.Add(body);
        // An initial loop solves for states, so it writes the state vector it is given.
        var signature = initial
            ? $"private void {MethodName(index, initial)}(double t, global::System.Span<double> x) {{ }}"
            : HasDerivatives(loop)
            ? $"private void {MethodName(index, initial)}(double t, global::System.ReadOnlySpan<double> x, global::System.Span<double> dxdt) {{ }}"
            : $"private void {MethodName(index, initial)}(double t, global::System.ReadOnlySpan<double> x) {{ }}";
        var method = (MethodDeclarationSyntax)Member(signature);
        return method.WithBody(Block(statements));
    }
}
