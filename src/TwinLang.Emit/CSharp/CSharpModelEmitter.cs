using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using TwinLang.Diagnostics;
using Diagnostic = TwinLang.Diagnostics.Diagnostic;
using TwinLang.Lowering;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace TwinLang.Emit.CSharp;

/// <summary>The generated C# of one model: its text (NormalizeWhitespace'd, '\n') and the full name of its class.</summary>
public sealed record CSharpModelSource(string Text, string TypeName, IReadOnlyList<Diagnostic> Diagnostics)
{
    /// <summary>True when code generation was refused (then <see cref="Text"/> is empty).</summary>
    public bool HasErrors => Diagnostics.Any(d => d.IsError);
}

/// <summary>
/// Emits a sealed class implementing <c>TwinLang.Runtime.ITwinModel</c> from an <see cref="IrModel"/>, built
/// with <c>SyntaxFactory</c>: <c>Derivatives</c> and <c>Outputs</c> allocate nothing (the work vector of
/// algebraic unknowns is allocated once per instance), loop over contiguous blocks, and read scalar parameters
/// into locals once per call. Every assignment carries a comment with its <c>.twin</c> file and line.
/// </summary>
public static class CSharpModelEmitter
{
    /// <summary>The namespace of every generated model class.</summary>
    public const string Namespace = "TwinLang.Generated";

    private const string Runtime = "global::TwinLang.Runtime.";

    private static readonly HashSet<string> ReservedMembers = new(StringComparer.Ordinal)
    {
        "Description", "ParameterValues", "InputValues", "InitialState", "Derivatives", "Outputs", "Clone",
        "CreateDescription", "SetDefaults", "Interpolate", "ElementName", "Name",
        "JacobianPattern", "Jacobian", "JacobianSweep", "JacobianAssembler",
        "DiscreteValues", "EventIndicators", "HandleEvent", "ClockPeriod", "ClockOffset", "Tick",
    };

    /// <summary>Generates the C# of <paramref name="model"/>.</summary>
    public static CSharpModelSource Emit(IrModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var diagnostics = new List<Diagnostic>();
        var className = ClassName(model.Name);
        if (diagnostics.Count > 0)
        {
            return new CSharpModelSource(string.Empty, Namespace + "." + className, diagnostics);
        }

        var tables = new Dictionary<IrTable, string>();
        string TableField(IrTable table)
        {
            if (!tables.TryGetValue(table, out var field))
            {
                field = "s_table" + tables.Count.ToString(CultureInfo.InvariantCulture) + "_" + CSharpNames.Mangle(table.Name);
                tables[table] = field;
            }

            return field;
        }

        var members = new List<MemberDeclarationSyntax>
        {
            Field("global::TwinLang.Runtime.ModelDescription", "s_description", isStatic: true, ParseExpression("CreateDescription()")),
            Field("double[]", "_parameters", isStatic: false, null),
            Field("double[]", "_inputs", isStatic: false, null),
            Field("double[]", "_work", isStatic: false, null),
        };
        var events = EventWriter.HasDiscreteBehaviour(model);
        if (events)
        {
            members.Add(Field("double[]", "_discrete", isStatic: false, null));
        }

        members.AddRange(Constructors(model, className));
        members.Add(Property("global::TwinLang.Runtime.ModelDescription", "Description", "s_description"));
        members.Add(Property("double[]", "ParameterValues", "_parameters"));
        members.Add(Property("double[]", "InputValues", "_inputs"));
        members.Add(ParseMember($"public {Runtime}ITwinModel Clone() => new {className}(this);"));
        members.Add(InitialState(model, TableField));
        members.Add(Derivatives(model, TableField));
        members.Add(Outputs(model, TableField));
        members.AddRange(ImplicitBlockWriter.Members(model, TableField));
        members.Add(SetDefaults(model));
        members.Add(CreateDescription(model));
        var jacobian = JacobianWriter.Members(model, TableField);
        members.AddRange(jacobian);
        if (events)
        {
            members.AddRange(EventWriter.Members(model, TableField));
        }

        if (tables.Count > 0)
        {
            foreach (var (table, field) in tables.OrderBy(t => t.Value, StringComparer.Ordinal))
            {
                members.Add(Field("double[]", field + "X", isStatic: true, DoubleArray(table.Inputs)));
                members.Add(Field("double[]", field + "Y", isStatic: true, DoubleArray(table.Outputs)));
            }

            members.Add(ParseMember(InterpolateSource));
        }

        var summary = CSharpNames.CommentText(model.QualifiedName + (model.Description.Length > 0 ? ": " + model.Description : string.Empty), 200);
        var type = ClassDeclaration(className)
            .AddModifiers(Token(SyntaxKind.PublicKeyword), Token(SyntaxKind.SealedKeyword))
            .AddBaseListTypes(SimpleBaseType(ParseTypeName(Runtime + "ITwinModel")))
            .AddBaseListTypes(jacobian.Count > 0 ? [SimpleBaseType(ParseTypeName(JacobianWriter.InterfaceName))] : [])
            .AddBaseListTypes(events ? [SimpleBaseType(ParseTypeName(EventWriter.InterfaceName))] : [])
            .AddMembers([.. members])
            .WithLeadingTrivia(Comment("// Model " + summary), ElasticCarriageReturnLineFeed);
        var unit = CompilationUnit()
            .AddMembers(FileScopedNamespaceDeclaration(ParseName(Namespace)).AddMembers(type))
            .WithLeadingTrivia(
                Comment("// <auto-generated>"), ElasticCarriageReturnLineFeed,
                Comment("// Generated by the TwinLang compiler from " + CSharpNames.CommentText(model.QualifiedName) + ". Do not edit."), ElasticCarriageReturnLineFeed,
                Comment("// </auto-generated>"), ElasticCarriageReturnLineFeed,
                Trivia(NullableDirectiveTrivia(Token(SyntaxKind.EnableKeyword), isActive: true)), ElasticCarriageReturnLineFeed);
        var text = unit.NormalizeWhitespace(eol: "\n").ToFullString() + "\n";
        return new CSharpModelSource(text, Namespace + "." + className, diagnostics);
    }

    /// <summary>The class name of a model: the mangled asset name, never clashing with a member of the class.</summary>
    public static string ClassName(string assetName)
    {
        var name = CSharpNames.Mangle(assetName);
        return ReservedMembers.Contains(name) ? name + "Model" : name;
    }

    private static MemberDeclarationSyntax ParseMember(string text) =>
        ParseMemberDeclaration(text) ?? throw new InvalidOperationException("Invalid member template.");

    private static FieldDeclarationSyntax Field(string type, string name, bool isStatic, ExpressionSyntax? initializer)
    {
        var declarator = VariableDeclarator(name);
        if (initializer is not null)
        {
            declarator = declarator.WithInitializer(EqualsValueClause(initializer));
        }

        var modifiers = isStatic
            ? new[] { Token(SyntaxKind.PrivateKeyword), Token(SyntaxKind.StaticKeyword), Token(SyntaxKind.ReadOnlyKeyword) }
            : new[] { Token(SyntaxKind.PrivateKeyword), Token(SyntaxKind.ReadOnlyKeyword) };
        return FieldDeclaration(VariableDeclaration(ParseTypeName(type)).AddVariables(declarator)).AddModifiers(modifiers);
    }

    private static PropertyDeclarationSyntax Property(string type, string name, string field) =>
        PropertyDeclaration(ParseTypeName(type), name)
            .AddModifiers(Token(SyntaxKind.PublicKeyword))
            .WithExpressionBody(ArrowExpressionClause(IdentifierName(field)))
            .WithSemicolonToken(Token(SyntaxKind.SemicolonToken));

    private static ExpressionSyntax DoubleArray(IEnumerable<double> values) =>
        ArrayCreationExpression(ArrayType(PredefinedType(Token(SyntaxKind.DoubleKeyword))).AddRankSpecifiers(ArrayRankSpecifier()))
            .WithInitializer(InitializerExpression(SyntaxKind.ArrayInitializerExpression, SeparatedList(values.Select(MethodWriter.Number))));

    private static ExpressionSyntax NewArray(int length) => ParseExpression($"new double[{length.ToString(CultureInfo.InvariantCulture)}]");

    private static IEnumerable<MemberDeclarationSyntax> Constructors(IrModel model, string className)
    {
        // Discrete values are set to their start values by InitialState, so a clone needs only the storage.
        StatementSyntax[] discrete = EventWriter.HasDiscreteBehaviour(model) ? [MethodWriter.Assign(IdentifierName("_discrete"), NewArray(EventWriter.DiscreteCount(model)))] : [];
        var create = ConstructorDeclaration(className).AddModifiers(Token(SyntaxKind.PublicKeyword)).WithBody(Block((StatementSyntax[])[
            MethodWriter.Assign(IdentifierName("_parameters"), NewArray(model.ParameterCount)),
            MethodWriter.Assign(IdentifierName("_inputs"), NewArray(model.InputCount)),
            MethodWriter.Assign(IdentifierName("_work"), NewArray(model.AlgebraicCount)),
            .. discrete,
            ExpressionStatement(InvocationExpression(IdentifierName("SetDefaults")))]));
        var copy = ConstructorDeclaration(className).AddModifiers(Token(SyntaxKind.PrivateKeyword))
            .AddParameterListParameters(Parameter(Identifier("source")).WithType(IdentifierName(className)))
            .WithBody(Block((StatementSyntax[])[
                MethodWriter.Assign(IdentifierName("_parameters"), ParseExpression("(double[])source._parameters.Clone()")),
                MethodWriter.Assign(IdentifierName("_inputs"), ParseExpression("(double[])source._inputs.Clone()")),
                MethodWriter.Assign(IdentifierName("_work"), NewArray(model.AlgebraicCount)),
                .. discrete]));
        return [create, copy];
    }

    /// <summary>A method from its signature: the prologue, the parameter reads the writer collected, then the body.</summary>
    internal static MethodDeclarationSyntax Method(string signature, IEnumerable<StatementSyntax> prologue, MethodWriter writer, IEnumerable<StatementSyntax> body)
    {
        var method = (MethodDeclarationSyntax)ParseMember(signature + " { }");
        var statements = prologue.ToList();
        var bodyList = body.ToList();
        statements.AddRange(writer.ParameterReads);
        statements.AddRange(bodyList);
        return method.WithBody(Block(statements));
    }

    /// <summary>Locals for the value arrays a method reads (<c>p</c>, <c>u</c>, <c>w</c>, <c>d</c>).</summary>
    internal static IEnumerable<StatementSyntax> Locals(params string[] names) => names.Select(name => (StatementSyntax)ParseStatement(name switch
    {
        MethodWriter.ParametersName => "var p = _parameters;",
        MethodWriter.InputsName => "var u = _inputs;",
        MethodWriter.DiscreteName => "var d = _discrete;",
        _ => "var w = _work;",
    }));

    /// <summary>The value arrays of the model's methods: <c>d</c> only for a model with discrete variables.</summary>
    private static string[] ModelLocals(IrModel model) => EventWriter.HasDiscreteBehaviour(model) ? ["p", "u", "w", "d"] : ["p", "u", "w"];

    private static MethodDeclarationSyntax InitialState(IrModel model, Func<IrTable, string> tables)
    {
        var writer = new MethodWriter(tables);
        var body = new List<StatementSyntax>();
        foreach (var block in model.BlocksIn(IrStorage.State))
        {
            var loops = block.Sizes.Select((size, k) => new IrLoop("k" + k.ToString(CultureInfo.InvariantCulture), 1, size)).ToList();
            var target = IrAlgebra.Variable(block, [.. loops.Select(l => (IrExpression)new IrIndex(l))]);
            body.Add(writer.Assignment(new IrAssignment(target, block.Start ?? IrConstant.Zero, [.. loops], block.Origin), "x0"));
        }

        foreach (var step in ImplicitBlockWriter.InitialSteps(model))
        {
            body.Add(step.Assignment is { } assignment ? writer.Assignment(assignment, "x0") : Statement(model, writer, step, MethodWriter.DerivativesName));
        }

        body.AddRange(EventWriter.DiscreteStarts(model, writer));

        // Initial equations may read the states set before them.
        var prologue = Locals(ModelLocals(model)).ToList();
        if (!model.InitialAssignments.IsEmpty || !model.InitialImplicitBlocks.IsEmpty)
        {
            prologue.Add(ParseStatement("global::System.ReadOnlySpan<double> x = x0;"));
        }

        return Method("public void InitialState(global::System.Span<double> x0)", prologue, writer, body);
    }

    private static MethodDeclarationSyntax Derivatives(IrModel model, Func<IrTable, string> tables)
    {
        var writer = new MethodWriter(tables);
        var body = NeededForDerivatives(model).Select(step => Statement(model, writer, step, MethodWriter.DerivativesName)).ToList();
        return Method("public void Derivatives(double t, global::System.ReadOnlySpan<double> x, global::System.Span<double> dxdt)", Locals(ModelLocals(model)), writer, body);
    }

    /// <summary>The statement of one step: an assignment, or the call that solves an algebraic loop.</summary>
    internal static StatementSyntax Statement(IrModel model, MethodWriter writer, ImplicitBlockWriter.Step step, string derivatives) =>
        step.Assignment is { } assignment ? writer.Assignment(assignment) : ImplicitBlockWriter.Call(model, step.Loop ?? throw new InvalidOperationException("A step is an assignment or a loop."), derivatives);

    /// <summary>The assignments and loops the derivatives depend on (outputs nothing reads are left to <c>Outputs</c>), in order.</summary>
    private static List<ImplicitBlockWriter.Step> NeededForDerivatives(IrModel model) => Needed(model, [], derivatives: true);

    /// <summary>The assignments and loops that the algebraic variables read by <paramref name="reads"/> depend on, in order.</summary>
    internal static List<ImplicitBlockWriter.Step> NeededFor(IrModel model, IEnumerable<IrExpression> reads) => Needed(model, reads, derivatives: false);

    private static List<ImplicitBlockWriter.Step> Needed(IrModel model, IEnumerable<IrExpression> reads, bool derivatives)
    {
        var needed = reads.SelectMany(IrAlgebra.Variables).Where(v => v.Block.Storage == IrStorage.Algebraic && !v.IsDerivative).Select(v => v.Block).ToHashSet();
        var kept = new List<ImplicitBlockWriter.Step>();
        foreach (var step in Enumerable.Reverse(ImplicitBlockWriter.Steps(model)))
        {
            var targets = step.Assignment is { } a ? [a.Target] : step.Loop?.Solved ?? [];
            if (!targets.Any(target => (derivatives && target.IsDerivative) || needed.Contains(target.Block)))
            {
                continue;
            }

            kept.Add(step);
            var values = step.Assignment is { } assignment ? [assignment.Value] : step.Loop?.Reads ?? [];
            foreach (var read in values.SelectMany(IrAlgebra.Variables))
            {
                if (read.Block.Storage == IrStorage.Algebraic && !read.IsDerivative)
                {
                    needed.Add(read.Block);
                }
            }
        }

        kept.Reverse();
        return kept;
    }

    private static MethodDeclarationSyntax Outputs(IrModel model, Func<IrTable, string> tables)
    {
        var writer = new MethodWriter(tables);
        var body = ImplicitBlockWriter.Steps(model)
            .Where(step => step.Assignment is not { Target.IsDerivative: true })
            .Select(step => Statement(model, writer, step, ImplicitBlockWriter.ScratchDerivatives))
            .ToList();
        foreach (var block in model.Blocks.Where(b => b.IsOutput))
        {
            var loops = block.Sizes.Select((size, k) => new IrLoop("k" + k.ToString(CultureInfo.InvariantCulture), 1, size)).ToList();
            var indices = loops.Select(l => (IrExpression)new IrIndex(l)).ToList();
            var source = writer.Element(IrAlgebra.Variable(block, [.. indices]));
            var target = ElementAccessExpression(IdentifierName("y")).AddArgumentListArguments(Argument(OutputIndex(writer, block, indices)));
            body.Add(writer.WrapInLoops(MethodWriter.Assign(target, source), loops));
        }

        return Method("public void Outputs(double t, global::System.ReadOnlySpan<double> x, global::System.Span<double> y)", Locals(ModelLocals(model)), writer, body);
    }

    private static ExpressionSyntax OutputIndex(MethodWriter writer, IrBlock block, List<IrExpression> indices)
    {
        // The output vector holds the output blocks back to back; reuse the flat-index arithmetic with the
        // block's output offset in place of its storage offset.
        var storageOffset = block.Offset;
        var flat = writer.FlatIndex(block, [.. indices]);
        var delta = block.OutputOffset - storageOffset;
        return delta switch
        {
            0 => flat,
            > 0 => BinaryExpression(SyntaxKind.AddExpression, ParenthesizedExpression(flat), MethodWriter.Int(delta)),
            _ => BinaryExpression(SyntaxKind.SubtractExpression, ParenthesizedExpression(flat), MethodWriter.Int(-delta)),
        };
    }

    private static MethodDeclarationSyntax SetDefaults(IrModel model)
    {
        var body = new List<StatementSyntax>();
        foreach (var block in model.Blocks.Where(b => b.Storage is IrStorage.Parameter or IrStorage.Input))
        {
            var array = block.Storage == IrStorage.Parameter ? "_parameters" : "_inputs";
            var value = MethodWriter.Number(IrAlgebra.Evaluate(block.Start ?? IrConstant.Zero) ?? 0);
            body.Add(block.Count == 1
                ? MethodWriter.Assign(ElementAccessExpression(IdentifierName(array)).AddArgumentListArguments(Argument(MethodWriter.Int(block.Offset))), value)
                : ExpressionStatement(ParseExpression($"global::System.Array.Fill({array}, 0.0, {block.Offset.ToString(CultureInfo.InvariantCulture)}, {block.Count.ToString(CultureInfo.InvariantCulture)})")
                    is InvocationExpressionSyntax fill
                    ? fill.WithArgumentList(fill.ArgumentList.WithArguments(fill.ArgumentList.Arguments.Replace(fill.ArgumentList.Arguments[1], Argument(value))))
                    : throw new InvalidOperationException("Invalid template.")));
        }

        return ((MethodDeclarationSyntax)ParseMember("private void SetDefaults() { }")).WithBody(Block(body));
    }

    private static MethodDeclarationSyntax CreateDescription(IrModel model)
    {
        var body = new List<StatementSyntax>();
        var events = EventWriter.HasDiscreteBehaviour(model);
        var kinds = new List<(string, IrStorage, bool)> { ("states", IrStorage.State, false), ("parameters", IrStorage.Parameter, false), ("inputs", IrStorage.Input, false), ("outputs", IrStorage.Algebraic, true) };
        if (events)
        {
            kinds.Add(("discretes", IrStorage.Discrete, false));
        }

        foreach (var (name, storage, outputs) in kinds)
        {
            var blocks = outputs ? model.Blocks.Where(b => b.IsOutput).ToList() : model.BlocksIn(storage).ToList();
            var count = blocks.Sum(b => b.Count);
            body.Add(ParseStatement($"var {name} = new {Runtime}VariableInfo[{count.ToString(CultureInfo.InvariantCulture)}];"));
            foreach (var block in blocks)
            {
                var offset = outputs ? block.OutputOffset : block.Offset;
                body.Add(DescribeBlock(name, block, offset));
            }
        }

        ArgumentSyntax[] discrete = events ? [Argument(IdentifierName("discretes")), Argument(EventWriter.EventInfos(model)), Argument(EventWriter.ClockInfos(model))] : [];
        body.Add(ReturnStatement(ObjectCreationExpression(ParseTypeName(Runtime + "ModelDescription")).AddArgumentListArguments([
            Argument(LiteralExpression(SyntaxKind.StringLiteralExpression, Literal(model.Name))),
            Argument(IdentifierName("states")),
            Argument(IdentifierName("parameters")),
            Argument(IdentifierName("inputs")),
            Argument(IdentifierName("outputs")),
            .. discrete])));
        return ((MethodDeclarationSyntax)ParseMember($"private static {Runtime}ModelDescription CreateDescription() {{ }}")).WithBody(Block(body));
    }

    /// <summary>Fills the infos of one block; array blocks build element names in a loop, never one line per element.</summary>
    private static StatementSyntax DescribeBlock(string array, IrBlock block, int offset)
    {
        ExpressionSyntax Str(string s) => LiteralExpression(SyntaxKind.StringLiteralExpression, Literal(s));
        ExpressionSyntax Info(ExpressionSyntax name) => ObjectCreationExpression(ParseTypeName(Runtime + "VariableInfo")).AddArgumentListArguments(
            Argument(name), Argument(Str(block.Unit)), Argument(Str(block.Description)));
        if (block.Sizes.IsEmpty)
        {
            return MethodWriter.Assign(ElementAccessExpression(IdentifierName(array)).AddArgumentListArguments(Argument(MethodWriter.Int(offset))), Info(Str(block.DisplayName)));
        }

        // Element names: literal text between the indices, each index formatted with the invariant culture.
        var loops = block.Sizes.Select((size, k) => new IrLoop("k" + k.ToString(CultureInfo.InvariantCulture), 1, size)).ToList();
        var writer = new MethodWriter(_ => string.Empty);
        var parts = new List<ExpressionSyntax>();
        var text = new System.Text.StringBuilder();
        var next = 0;
        foreach (var segment in block.NameSegments)
        {
            text.Append(text.Length > 0 || parts.Count > 0 ? "." : string.Empty).Append(segment.Name);
            for (var r = 0; r < segment.Rank; r++)
            {
                text.Append(r == 0 ? "[" : ", ");
                parts.Add(Str(text.ToString()));
                text.Clear();
                parts.Add(ParseExpression(writer.LoopName(loops[next++]) + ".ToString(global::System.Globalization.CultureInfo.InvariantCulture)"));
            }

            if (segment.Rank > 0)
            {
                text.Append(']');
            }
        }

        if (text.Length > 0)
        {
            parts.Add(Str(text.ToString()));
        }

        var concat = InvocationExpression(ParseExpression("string.Concat"), ArgumentList(SeparatedList(parts.Select(Argument))));
        var flat = writer.FlatIndex(block, [.. loops.Select(l => (IrExpression)new IrIndex(l))]);
        var shift = offset - block.Offset;
        ExpressionSyntax index = shift == 0 ? flat : BinaryExpression(SyntaxKind.AddExpression, ParenthesizedExpression(flat), MethodWriter.Int(shift));
        var assign = MethodWriter.Assign(ElementAccessExpression(IdentifierName(array)).AddArgumentListArguments(Argument(index)), Info(concat));
        return writer.WrapInLoops(assign, loops);
    }

    private const string InterpolateSource = """
        private static double Interpolate(double[] xs, double[] ys, double x, bool hold, bool extrapolate)
        {
            var last = xs.Length - 1;
            if (last <= 0 || (!extrapolate && x <= xs[0]))
            {
                return ys[0];
            }

            if (!extrapolate && x >= xs[last])
            {
                return ys[last];
            }

            var low = 0;
            var high = last;
            while (high - low > 1)
            {
                var middle = (low + high) / 2;
                if (xs[middle] <= x)
                {
                    low = middle;
                }
                else
                {
                    high = middle;
                }
            }

            if (hold)
            {
                return x >= xs[high] ? ys[high] : ys[low];
            }

            return ys[low] + ((ys[high] - ys[low]) * (x - xs[low]) / (xs[high] - xs[low]));
        }
        """;
}
