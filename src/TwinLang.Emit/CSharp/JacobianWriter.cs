using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using TwinLang.Lowering;
using TwinLang.Lowering.Symbolic;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace TwinLang.Emit.CSharp;

/// <summary>
/// Emits the analytic Jacobian of a model (<c>ITwinModelJacobian</c>): a generated sweep with the loop structure
/// of <c>Derivatives</c> that evaluates, per sorted assignment element, the value and the symbolic local partials
/// of its right-hand side by every state, algebraic unknown or reduction element it reads, and hands them to the
/// runtime's <c>JacobianAssembler</c>, which chains them into sparse rows (see docs/jacobians.md).
/// Loops stay loops: the code size does not depend on array sizes.
/// </summary>
internal static class JacobianWriter
{
    /// <summary>The interface the model class implements when it has an analytic Jacobian.</summary>
    public const string InterfaceName = "global::TwinLang.Runtime.ITwinModelJacobian";

    private const string Assembler = "global::TwinLang.Runtime.Jacobians.JacobianAssembler";

    /// <summary>The Jacobian members of the model class, or none when the model cannot have one (the solvers then difference).</summary>
    public static IReadOnlyList<MemberDeclarationSyntax> Members(IrModel model, Func<IrTable, string> tables)
    {
        var assignments = model.Assignments;
        if (!Supports(model, assignments))
        {
            return [];
        }

        var states = model.StateCount.ToString(CultureInfo.InvariantCulture);
        var algebraics = model.AlgebraicCount.ToString(CultureInfo.InvariantCulture);
        return
        [
            Member($"private {Assembler}? _jacobian;"),
            Member("public global::TwinLang.Runtime.SparsityPattern JacobianPattern => JacobianAssembler().Pattern;"),
            Member("""
                public void Jacobian(double t, global::System.ReadOnlySpan<double> x, global::System.Span<double> values)
                {
                    var jacobian = JacobianAssembler();
                    jacobian.Restart();
                    JacobianSweep(t, x, jacobian);
                    jacobian.CopyTo(values);
                }
                """),
            Member($$"""
                private {{Assembler}} JacobianAssembler()
                {
                    if (_jacobian is null)
                    {
                        // The first sweep records the pattern from the code's structure; the values it computes are discarded.
                        var recording = new {{Assembler}}({{states}}, {{algebraics}});
                        JacobianSweep(0.0, new double[{{states}}], recording);
                        recording.Complete();
                        _jacobian = recording;
                    }

                    return _jacobian;
                }
                """),
            Sweep(model, assignments, tables),
        ];
    }

    /// <summary>
    /// False for models without states, for models whose Jacobian structure would depend on values (an index
    /// computed from a variable), for models that compute unknowns or derivatives outside the sorted assignments
    /// (the Newton-solved unknowns of algebraic loops, see docs/jacobians.md); the solvers then difference.
    /// Discrete variables are held between events, so they enter the sweep as constants.
    /// </summary>
    private static bool Supports(IrModel model, IReadOnlyList<IrAssignment> assignments)
    {
        if (model.StateCount == 0)
        {
            return false;
        }

        var assigned = assignments.Select(a => (a.Target.Block, a.Target.IsDerivative)).ToHashSet();
        if (model.BlocksIn(IrStorage.State).Any(b => !assigned.Contains((b, true))))
        {
            // A derivative solved elsewhere (an algebraic loop) would get an empty row.
            return false;
        }

        return assignments.All(a => IrTraversal.DescendantsAndSelf(a.Value).Append(a.Target)
            .OfType<IrVariable>()
            .All(v => v.Indices.Items.All(index => !IrAlgebra.Variables(index).Any()) &&
                (!(v.IsDerivative || v.Block.Storage == IrStorage.Algebraic) || assigned.Contains((v.Block, v.IsDerivative)))));
    }

    private static MemberDeclarationSyntax Member(string text) =>
        ParseMemberDeclaration(text) ?? throw new InvalidOperationException("Invalid member template.");

    private static MethodDeclarationSyntax Sweep(IrModel model, IReadOnlyList<IrAssignment> assignments, Func<IrTable, string> tables)
    {
        var writer = new MethodWriter(tables);
        var jacobian = writer.Local("jacobian");
        var context = new SweepContext(writer, jacobian, model.AlgebraicCount, Varying(assignments));
        var readsRates = assignments.Any(a => IrAlgebra.Variables(a.Value).Any(v => v.IsDerivative));

        // Backwards liveness per block: a row is built only when a derivative depends on it, and a value is
        // computed only when a later value or a partial derivative reads it (most algebraic values only feed
        // constants such as 1 / heat_capacity; outputs nothing reads are left out).
        var valueLive = new HashSet<IrBlock>();
        var rowLive = new HashSet<IrBlock>();
        var computeValue = new bool[assignments.Count];
        var hasRow = new bool[assignments.Count];
        for (var k = assignments.Count - 1; k >= 0; k--)
        {
            var assignment = assignments[k];
            var target = assignment.Target;
            hasRow[k] = context.IsUnknown(target) && (target.IsDerivative || rowLive.Contains(target.Block));
            computeValue[k] = target.IsDerivative ? readsRates : valueLive.Contains(target.Block);
            if (hasRow[k])
            {
                rowLive.UnionWith(AlgebraicBlocks([assignment.Value]));
                valueLive.UnionWith(AlgebraicBlocks(context.PartialExpressions(assignment)));
            }

            if (computeValue[k])
            {
                valueLive.UnionWith(AlgebraicBlocks([assignment.Value]));
            }
        }

        var body = assignments.Select((a, k) => context.Assignment(a, computeValue[k], hasRow[k])).OfType<StatementSyntax>().ToList();
        var statements = new List<StatementSyntax>
        {
            ParseStatement("var p = _parameters;"),
            ParseStatement("var u = _inputs;"),
            ParseStatement($"var w = {jacobian}.Work;"),
            ParseStatement($"var dxdt = {jacobian}.Rates;"),
        };
        if (EventWriter.HasDiscreteBehaviour(model))
        {
            statements.Add(ParseStatement("var d = _discrete;"));
        }

        statements.AddRange(writer.ParameterReads);
        statements.AddRange(body);
        var method = (MethodDeclarationSyntax)Member($"private void JacobianSweep(double t, global::System.ReadOnlySpan<double> x, {Assembler} {jacobian}) {{ }}");
        return method.WithBody(Block(statements));
    }

    /// <summary>The statements of the sweep for one model.</summary>
    private sealed class SweepContext(MethodWriter writer, string jacobian, int algebraics, HashSet<IrBlock> varying)
    {
        /// <summary>What the row of an assignment evaluates: its partials, and whole reductions whose elements it differentiates (conservative).</summary>
        public IEnumerable<IrExpression> PartialExpressions(IrAssignment assignment)
        {
            if (!IsUnknown(assignment.Target))
            {
                return [];
            }

            var value = assignment.Value;
            var (references, reductions) = Inputs(value, required: null, IsUnknown);
            return references.Select(r => IrDifferentiator.DifferentiateByAtom(value, r))
                .Concat(reductions.Select(r => IrDifferentiator.DifferentiateByAtom(value, r)))
                .Concat(reductions);
        }

        /// <summary>
        /// One assignment: its value (when later code reads it), then the row of its target with one
        /// contribution per distinct reference and a loop per reduction over elements it reads; null when it
        /// contributes nothing (no value needed, no row).
        /// </summary>
        public StatementSyntax? Assignment(IrAssignment assignment, bool primal, bool row)
        {
            var statements = new List<StatementSyntax>();
            var hoisted = new Dictionary<IrExpression, string>();
            var allowed = assignment.Loops.ToHashSet();
            var value = assignment.Value;
            var (references, reductions) = row ? Inputs(value, required: null, IsUnknown) : ([], []);
            var partials = references.Select(r => (Reference: r, Partial: IrDifferentiator.DifferentiateByAtom(value, r))).Where(p => !IsZero(p.Partial)).ToList();
            var outers = reductions.Select(r => (Reduction: r, Partial: IrDifferentiator.DifferentiateByAtom(value, r))).Where(p => !IsZero(p.Partial)).ToList();
            var roots = (primal ? [value] : Enumerable.Empty<IrExpression>()).Concat(partials.Select(p => p.Partial)).Concat(outers.Select(o => o.Partial)).ToList();
            HoistReductions(roots, allowed, hoisted, statements);
            Hoist(IrCommonSubexpressions.Find(roots, e => FreeLoops(e).IsSubsetOf(allowed), hoisted.Keys.ToHashSet()), hoisted, statements);
            if (primal)
            {
                var target = writer.Element(assignment.Target);
                statements.Add(MethodWriter.Assign(target, writer.Value(value, hoisted, statements)));
            }

            if (row)
            {
                statements.Add(Call("BeginRow", Row(assignment.Target)));
            }

            foreach (var (reference, partial) in partials)
            {
                statements.Add(Contribution(reference, writer.Value(partial, hoisted, statements)));
            }

            foreach (var (reduction, partial) in outers)
            {
                ReductionEntries(reduction, partial, allowed, hoisted, statements, IsUnknown);
            }

            if (statements.Count == 0)
            {
                return null;
            }

            StatementSyntax statement = Block(statements);
            statement = writer.WrapInLoops(statement, assignment.Loops);
            return statement.WithLeadingTrivia(Comment("// " + CSharpNames.CommentText(assignment.Origin.Display + ": " + assignment.Origin.Text)), ElasticCarriageReturnLineFeed);
        }

        /// <summary>
        /// One algebraic loop (after its values are solved): per element, the residuals' partials by what they read
        /// outside the loop and by the loop's unknowns, from which the runtime forms the unknowns' rows by the
        /// implicit function theorem.
        /// </summary>
        public StatementSyntax ImplicitBlock(IReadOnlyList<IrVariable> unknowns, IReadOnlyList<IrExpression> residuals, IReadOnlyList<IrLoop> loops, string comment)
        {
            var statements = new List<StatementSyntax>();
            var hoisted = new Dictionary<IrExpression, string>();
            var allowed = loops.ToHashSet();
            bool IsInput(IrVariable v) => IsUnknown(v) && !unknowns.Contains(v);
            var perResidual = residuals.Select(f =>
            {
                var (references, reductions) = Inputs(f, required: null, IsInput);
                return (
                    Partials: references.Select(r => (Reference: r, Partial: IrDifferentiator.DifferentiateByAtom(f, r))).Where(p => !IsZero(p.Partial)).ToList(),
                    Outers: reductions.Select(r => (Reduction: r, Partial: IrDifferentiator.DifferentiateByAtom(f, r))).Where(p => !IsZero(p.Partial)).ToList(),
                    ByUnknown: unknowns.Select(z => IrDifferentiator.DifferentiateByAtom(f, z)).ToList());
            }).ToList();
            var roots = perResidual.SelectMany(r => r.Partials.Select(p => p.Partial).Concat(r.Outers.Select(o => o.Partial)).Concat(r.ByUnknown)).ToList();
            HoistReductions(roots, allowed, hoisted, statements);
            Hoist(IrCommonSubexpressions.Find(roots, e => FreeLoops(e).IsSubsetOf(allowed), hoisted.Keys.ToHashSet()), hoisted, statements);
            statements.Add(Call("BeginBlock", MethodWriter.Int(unknowns.Count)));
            for (var u = 0; u < unknowns.Count; u++)
            {
                statements.Add(Call("BlockUnknown", MethodWriter.Int(u), Row(unknowns[u])));
            }

            for (var r = 0; r < perResidual.Count; r++)
            {
                statements.Add(Call("BeginResidual", MethodWriter.Int(r)));
                foreach (var (reference, partial) in perResidual[r].Partials)
                {
                    statements.Add(Contribution(reference, writer.Value(partial, hoisted, statements)));
                }

                foreach (var (reduction, partial) in perResidual[r].Outers)
                {
                    ReductionEntries(reduction, partial, allowed, hoisted, statements, IsInput);
                }

                for (var u = 0; u < unknowns.Count; u++)
                {
                    if (!IsZero(perResidual[r].ByUnknown[u]))
                    {
                        statements.Add(Call("BlockPartial", MethodWriter.Int(r), MethodWriter.Int(u), writer.Value(perResidual[r].ByUnknown[u], hoisted, statements)));
                    }
                }
            }

            statements.Add(Call("EndBlock"));
            StatementSyntax statement = writer.WrapInLoops(Block(statements), loops);
            return statement.WithLeadingTrivia(Comment("// " + CSharpNames.CommentText(comment)), ElasticCarriageReturnLineFeed);
        }

        /// <summary>
        /// The contributions of the elements a reduction reads: for each element <c>b_i</c>,
        /// <c>factor · ∂R/∂b_i · ∂b_i/∂r</c> per reference <c>r</c> that uses the reduction's index, in a loop
        /// over the reduction's range (nested reductions recurse).
        /// </summary>
        private void ReductionEntries(IrReduction reduction, IrExpression factor, HashSet<IrLoop> allowed, Dictionary<IrExpression, string> hoisted, List<StatementSyntax> statements, Func<IrVariable, bool> isInput)
        {
            var innerAllowed = new HashSet<IrLoop>(allowed) { reduction.Loop };
            var body = reduction.Body;
            var scale = Product(factor, IrDifferentiator.ElementWeight(reduction, body));
            var (references, reductions) = Inputs(body, required: reduction.Loop, isInput);
            var partials = references.Select(r => (Reference: r, Partial: Product(scale, IrDifferentiator.DifferentiateByAtom(body, r)))).Where(p => !IsZero(p.Partial)).ToList();
            var outers = reductions.Select(r => (Reduction: r, Partial: Product(scale, IrDifferentiator.DifferentiateByAtom(body, r)))).Where(p => !IsZero(p.Partial)).ToList();
            var roots = partials.Select(p => p.Partial).Concat(outers.Select(o => o.Partial)).ToList();

            // The factor and every reduction that does not use this loop's index (a min/max weight reads the
            // reduction itself) are computed once, before the loop.
            HoistReductions(roots, allowed, hoisted, statements);
            if (!IsLeaf(factor) && !hoisted.ContainsKey(factor))
            {
                Hoist([factor], hoisted, statements);
            }

            var inner = new Dictionary<IrExpression, string>(hoisted);
            var loopBody = new List<StatementSyntax>();
            HoistReductions(roots, innerAllowed, inner, loopBody);
            Hoist(IrCommonSubexpressions.Find(roots, e => FreeLoops(e).IsSubsetOf(innerAllowed), inner.Keys.ToHashSet()), inner, loopBody);
            foreach (var (reference, partial) in partials)
            {
                loopBody.Add(Contribution(reference, writer.Value(partial, inner, loopBody)));
            }

            foreach (var (nested, partial) in outers)
            {
                ReductionEntries(nested, partial, innerAllowed, inner, loopBody, isInput);
            }

            if (loopBody.Count > 0)
            {
                statements.Add(writer.WrapInLoops(Block(loopBody), [reduction.Loop]));
            }
        }

        /// <summary>
        /// Computes into locals, innermost first, every reduction in <paramref name="roots"/> (also inside other
        /// reductions' bodies) that reads no loop index outside <paramref name="allowed"/>: a reduction evaluated
        /// inside another loop would cost O(n) per element.
        /// </summary>
        private void HoistReductions(IEnumerable<IrExpression> roots, HashSet<IrLoop> allowed, Dictionary<IrExpression, string> hoisted, List<StatementSyntax> statements)
        {
            var found = roots.SelectMany(IrTraversal.DescendantsAndSelf).OfType<IrReduction>().Reverse().Distinct()
                .Where(r => !hoisted.ContainsKey(r) && FreeLoops(r).IsSubsetOf(allowed))
                .ToList();
            Hoist([.. found.Cast<IrExpression>()], hoisted, statements);
        }

        private void Hoist(IReadOnlyList<IrExpression> expressions, Dictionary<IrExpression, string> hoisted, List<StatementSyntax> statements)
        {
            foreach (var expression in expressions)
            {
                var value = writer.Value(expression, hoisted, statements);
                if (value is IdentifierNameSyntax accumulator)
                {
                    // A reduction's accumulator is already a local.
                    hoisted[expression] = accumulator.Identifier.ValueText;
                    continue;
                }

                var local = writer.Local(expression is IrReduction r ? r.Kind.ToString().ToLowerInvariant() : "cse");
                statements.Add(LocalDeclarationStatement(VariableDeclaration(IdentifierName("var")).AddVariables(
                    VariableDeclarator(local).WithInitializer(EqualsValueClause(value)))));
                hoisted[expression] = local;
            }
        }

        /// <summary>True for what has a row or a column: states, their derivatives and algebraic unknowns that depend on states.</summary>
        public bool IsUnknown(IrVariable variable) =>
            variable.IsDerivative || variable.Block.Storage == IrStorage.State || varying.Contains(variable.Block);

        private StatementSyntax Contribution(IrVariable reference, ExpressionSyntax partial) =>
            reference.Block.Storage == IrStorage.State && !reference.IsDerivative
                ? Call("AddState", writer.FlatIndex(reference.Block, reference.Indices.Items), partial)
                : Call("AddRow", Row(reference), partial);

        /// <summary>The assembler row of an algebraic element (its work index) or of a state derivative (after the algebraics).</summary>
        private ExpressionSyntax Row(IrVariable variable)
        {
            var flat = writer.FlatIndex(variable.Block, variable.Indices.Items);
            if (!variable.IsDerivative || algebraics == 0)
            {
                return flat;
            }

            return flat is LiteralExpressionSyntax { Token.Value: int constant }
                ? MethodWriter.Int(algebraics + constant)
                : BinaryExpression(SyntaxKind.AddExpression, MethodWriter.Int(algebraics), ParenthesizedExpression(flat));
        }

        private StatementSyntax Call(string method, params ExpressionSyntax[] arguments) =>
            ExpressionStatement(InvocationExpression(
                MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, IdentifierName(jacobian), IdentifierName(method)),
                ArgumentList(SeparatedList(arguments.Select(Argument)))));
    }

    /// <summary>
    /// What <paramref name="expression"/> reads that the Jacobian depends on: distinct references to states,
    /// algebraic unknowns and state derivatives whose indices use no loop bound inside the expression (and use
    /// <paramref name="required"/> when given), and the outermost reductions whose bodies read such elements
    /// through the reduction's own index.
    /// </summary>
    private static (List<IrVariable> References, List<IrReduction> Reductions) Inputs(IrExpression expression, IrLoop? required, Func<IrVariable, bool> isUnknown)
    {
        var references = new List<IrVariable>();
        var reductions = new List<IrReduction>();
        void Walk(IrExpression e, HashSet<IrLoop> bound)
        {
            switch (e)
            {
                case IrVariable v when isUnknown(v):
                    var loops = FreeLoops(v);
                    if (!loops.Overlaps(bound) && (required is null || loops.Contains(required)) && !references.Contains(v))
                    {
                        references.Add(v);
                    }

                    return;
                case IrVariable:
                    return;
                case IrReduction r:
                    if (bound.Count == 0 && !reductions.Contains(r) && IrAlgebra.Variables(r.Body).Any(v => isUnknown(v) && IrSubstitution.UsesLoop(v, r.Loop)))
                    {
                        reductions.Add(r);
                    }

                    Walk(r.Body, [.. bound, r.Loop]);
                    return;
            }

            foreach (var child in IrTraversal.Children(e))
            {
                Walk(child, bound);
            }
        }

        Walk(expression, []);
        return (references, reductions);
    }

    /// <summary>
    /// The algebraic blocks whose values depend on the states (per block, so conservative): the others are
    /// constants for the Jacobian and get no row.
    /// </summary>
    private static IEnumerable<IrBlock> AlgebraicBlocks(IEnumerable<IrExpression> expressions) =>
        expressions.SelectMany(IrAlgebra.Variables).Where(v => v.Block.Storage == IrStorage.Algebraic && !v.IsDerivative).Select(v => v.Block);

    private static HashSet<IrBlock> Varying(IReadOnlyList<IrAssignment> needed)
    {
        var varying = new HashSet<IrBlock>();
        foreach (var assignment in needed)
        {
            if (IrAlgebra.Variables(assignment.Value).Any(v => v.IsDerivative || v.Block.Storage == IrStorage.State || varying.Contains(v.Block)))
            {
                varying.Add(assignment.Target.Block);
            }
        }

        return varying;
    }

    /// <summary>The loops whose index <paramref name="expression"/> reads without binding it.</summary>
    private static HashSet<IrLoop> FreeLoops(IrExpression expression)
    {
        var loops = new HashSet<IrLoop>();
        void Walk(IrExpression e, HashSet<IrLoop> bound)
        {
            switch (e)
            {
                case IrIndex i when !bound.Contains(i.Loop):
                    loops.Add(i.Loop);
                    return;
                case IrReduction r:
                    Walk(r.Body, [.. bound, r.Loop]);
                    return;
            }

            foreach (var child in IrTraversal.Children(e))
            {
                Walk(child, bound);
            }
        }

        Walk(expression, []);
        return loops;
    }

    /// <summary><c>a * b</c> without rearranging <paramref name="a"/>, so a hoisted factor stays a recognisable subtree.</summary>
    private static IrExpression Product(IrExpression a, IrExpression b) => (a, b) switch
    {
        _ when IsZero(a) || IsZero(b) => IrConstant.Zero,
        (IrConstant { Value: 1 }, _) => b,
        (_, IrConstant { Value: 1 }) => a,
        _ => new IrBinary(a, IrBinaryOperator.Multiply, b),
    };

    private static bool IsZero(IrExpression e) => e is IrConstant { Value: 0 };

    private static bool IsLeaf(IrExpression e) => e is IrConstant or IrVariable or IrIndex or IrTime;
}
