using System.Globalization;
using System.Text;

namespace TwinLang.Lowering;

/// <summary>A readable, deterministic dump of an <see cref="IrModel"/> (the <c>main.ir.txt</c> golden form).</summary>
public static class IrPrinter
{
    /// <summary>Blocks with their storage and offsets, then the sorted assignments, partitions, events and clocks.</summary>
    public static string Print(IrModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var text = new StringBuilder();
        text.Append("model ").Append(model.QualifiedName).Append('\n');
        foreach (var block in model.Blocks)
        {
            text.Append("  ").Append(block.Storage.ToString().ToLowerInvariant()).Append(' ').Append(block.DisplayName);
            if (!block.Sizes.IsEmpty)
            {
                text.Append(" [").Append(string.Join(", ", block.Sizes.Select(s => s.ToString(CultureInfo.InvariantCulture)))).Append(']');
            }

            text.Append(" @").Append(block.Offset.ToString(CultureInfo.InvariantCulture));
            if (block.IsOutput)
            {
                text.Append(" output@").Append(block.OutputOffset.ToString(CultureInfo.InvariantCulture));
            }

            if (block.Start is { } start)
            {
                text.Append(" = ").Append(Expression(start));
            }

            text.Append(block.Unit.Length > 0 ? " (" + block.Unit + ")" : string.Empty).Append('\n');
        }

        Section(text, "initial", model.InitialAssignments);
        Section(text, "assignments", model.Assignments);
        foreach (var (block, initial) in model.InitialImplicitBlocks.Select(b => (b, true)).Concat(model.ImplicitBlocks.Select(b => (b, false))))
        {
            text.Append(initial ? "initial " : string.Empty).Append("implicit before #").Append(block.InsertBefore.ToString(CultureInfo.InvariantCulture)).Append(block.IsLinear ? " linear" : " nonlinear");
            foreach (var loop in block.Loops)
            {
                text.Append(" for ").Append(loop);
            }

            text.Append(": solve ").Append(string.Join(", ", block.Unknowns.Select(Expression))).Append('\n');
            foreach (var torn in block.Torn)
            {
                text.Append("  ").Append(Expression(torn.Target)).Append(" := ").Append(Expression(torn.Value)).Append("  // ").Append(torn.Origin.Display).Append('\n');
            }

            foreach (var (equation, residual) in block.Equations.Zip(block.Residuals))
            {
                text.Append("  0 = ").Append(Expression(residual)).Append("  // ").Append(equation.Origin.Display).Append('\n');
            }
        }

        foreach (var partition in model.Partitions)
        {
            text.Append("partition ").Append(partition.Name).Append(": ").Append(partition.FirstMember).Append(" step ").Append(Number(partition.FirstStep))
                .Append(", ").Append(partition.SecondMember).Append(" step ").Append(Number(partition.SecondStep))
                .Append(", ").Append(partition.Up.Length.ToString(CultureInfo.InvariantCulture)).Append(" up, ")
                .Append(partition.Down.Length.ToString(CultureInfo.InvariantCulture)).Append(" down\n");
        }

        foreach (var e in model.Events)
        {
            text.Append("event when ").Append(e.Condition is null ? "?" : Expression(e.Condition)).Append(" (").Append(e.Origin.Display).Append(")\n");
        }

        foreach (var clock in model.Clocks)
        {
            text.Append("clock every ").Append(Expression(clock.Period)).Append(" offset ").Append(Expression(clock.Offset)).Append(" (").Append(clock.Origin.Display).Append(")\n");
        }

        return text.ToString();
    }

    private static void Section(StringBuilder text, string title, IEnumerable<IrAssignment> assignments)
    {
        var list = assignments.ToList();
        if (list.Count == 0)
        {
            return;
        }

        text.Append(title).Append('\n');
        foreach (var assignment in list)
        {
            text.Append("  ");
            foreach (var loop in assignment.Loops)
            {
                text.Append("for ").Append(loop).Append(": ");
            }

            text.Append(Expression(assignment.Target)).Append(" := ").Append(Expression(assignment.Value))
                .Append("  // ").Append(assignment.Origin.Display).Append('\n');
        }
    }

    private static string Number(double? value) => value?.ToString("R", CultureInfo.InvariantCulture) ?? "?";

    /// <summary>An expression in a compact infix form with full parentheses.</summary>
    public static string Expression(IrExpression expression) => expression switch
    {
        IrConstant c => Number(c.Value),
        IrBoolean b => b.Value ? "true" : "false",
        IrTime => "time",
        IrIndex i => i.Loop.Name,
        IrVariable v => (v.IsDerivative ? "der(" : string.Empty) + v.Block.DisplayName.Replace("[]", string.Empty, StringComparison.Ordinal) +
            (v.Indices.Items.IsEmpty ? string.Empty : "[" + string.Join(", ", v.Indices.Items.Select(Expression)) + "]") + (v.IsDerivative ? ")" : string.Empty),
        IrUnary { Operator: IrUnaryOperator.Negate } u => "-" + Expression(u.Operand),
        IrUnary u => "not " + Expression(u.Operand),
        IrBinary b => "(" + Expression(b.Left) + " " + Symbol(b.Operator) + " " + Expression(b.Right) + ")",
        IrConditional c => "(if " + Expression(c.Condition) + " then " + Expression(c.WhenTrue) + " else " + Expression(c.WhenFalse) + ")",
        IrCall call => call.Function.ToString().ToLowerInvariant() + "(" + string.Join(", ", call.Arguments.Items.Select(Expression)) + ")",
        IrReduction r => r.Kind.ToString().ToLowerInvariant() + "(" + Expression(r.Body) + " for " + r.Loop + ")",
        IrTableLookup t => t.Table.Name + "(" + Expression(t.Argument) + ")",
        _ => expression.GetType().Name,
    };

    private static string Symbol(IrBinaryOperator op) => op switch
    {
        IrBinaryOperator.Add => "+",
        IrBinaryOperator.Subtract => "-",
        IrBinaryOperator.Multiply => "*",
        IrBinaryOperator.Divide => "/",
        IrBinaryOperator.Power => "^",
        IrBinaryOperator.Less => "<",
        IrBinaryOperator.LessOrEqual => "<=",
        IrBinaryOperator.Greater => ">",
        IrBinaryOperator.GreaterOrEqual => ">=",
        IrBinaryOperator.Equal => "==",
        IrBinaryOperator.NotEqual => "!=",
        IrBinaryOperator.And => "and",
        _ => "or",
    };
}
