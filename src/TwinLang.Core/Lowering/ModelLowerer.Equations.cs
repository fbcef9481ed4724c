using System.Collections.Immutable;
using TwinLang.Binding;
using TwinLang.Diagnostics;
using TwinLang.Syntax;
using TwinLang.Text;

namespace TwinLang.Lowering;

// Equations: every equation of every instance, repeated over the instance's component-array dimensions and its
// own iterators as IR loops; connect equations are collected for ModelLowerer.Connections.
public sealed partial class ModelLowerer
{
    private void LowerBodies(LoweredInstance instance)
    {
        var first = _equations.Count;
        var instanceLoops = instance.Dimensions.Select((size, k) => NewLoop("c" + k.ToString(System.Globalization.CultureInfo.InvariantCulture), 1, size)).ToImmutableArray();
        var outer = instanceLoops.Select(l => (IrExpression)new IrIndex(l)).ToImmutableArray();
        foreach (var (variable, block) in instance.Blocks)
        {
            if (variable.VariableKind is VariableKind.Output or VariableKind.Variable && variable.Value is { } binding)
            {
                var scope = new LoweringScope(instance, outer, variable.Location?.Source ?? new SourceText(string.Empty));
                var own = LowerSizes(variable.Syntax.Type, scope);
                if (!own.IsEmpty)
                {
                    Report(DiagnosticCatalog.At(scope.Source, binding.Span).NotSupportedInLowering("A binding equation of an array variable"));
                    continue;
                }

                _equations.Add(new IrEquation(IrAlgebra.Variable(block, outer), LowerExpression(binding, scope), instanceLoops, OriginOf(scope.Source, variable.Syntax.Span)));
            }
        }

        foreach (var asset in instance.Type.SelfAndBases().Reverse().OfType<AssetSymbol>())
        {
            var scope = new LoweringScope(instance, outer, asset.Location?.Source ?? new SourceText(string.Empty));
            foreach (var member in asset.Declaration.Members)
            {
                switch (member)
                {
                    case EquationSectionSyntax section:
                        foreach (var equation in section.Equations)
                        {
                            LowerEquation(equation, scope, instanceLoops, section.IsInitial ? _initialEquations : _equations);
                        }

                        break;
                    case WhenSectionSyntax whenSection:
                        _events.Add(new IrEvent(LowerExpression(whenSection.Condition, scope), LowerStatements(whenSection.Statements, scope), instanceLoops, OriginOf(scope.Source, whenSection.Span)));
                        break;
                    case SampledSectionSyntax sampled:
                        var period = LowerClockTiming(sampled.Period, scope, mustBePositive: true);
                        var offset = sampled.Offset is null ? IrConstant.Zero : LowerClockTiming(sampled.Offset, scope, mustBePositive: false);
                        _clocks.Add(new IrClock(period, offset, LowerStatements(sampled.Statements, scope), instanceLoops, OriginOf(scope.Source, sampled.Span)));
                        break;
                    case CouplingSyntax coupling:
                        LowerCoupling(coupling, scope, instanceLoops);
                        break;
                }
            }
        }

        for (var e = first; e < _equations.Count; e++)
        {
            _equationOwners[_equations[e]] = instance;
        }

        foreach (var child in instance.Children.Values)
        {
            LowerBodies(child);
        }
    }

    private ImmutableArray<IrStatement> LowerStatements(ImmutableArray<StatementSyntax> statements, LoweringScope scope)
    {
        var result = ImmutableArray.CreateBuilder<IrStatement>();
        foreach (var statement in statements)
        {
            var origin = OriginOf(scope.Source, statement.Span);
            switch (statement)
            {
                case ReinitStatementSyntax reinit when LowerExpression(reinit.Target, scope) is IrVariable reinitTarget:
                    result.Add(new IrReinit(reinitTarget, LowerExpression(reinit.Value, scope), origin));
                    break;
                case TerminateStatementSyntax terminate:
                    result.Add(new IrTerminate(terminate.Reason?.Value ?? string.Empty, origin));
                    break;
                case AssignmentStatementSyntax assignment:
                    // The binder accepts discrete variables and outputs as targets; an output has its own equation
                    // in the sorted system, so assigning it at an event would overdetermine it.
                    if (ResolvePath(assignment.Target, scope) is BlockTarget { Block: var block } target && target.Indices.Length == block.Sizes.Length)
                    {
                        if (block.Storage != IrStorage.Discrete)
                        {
                            Report(DiagnosticCatalog.At(scope.Source, assignment.Target.Span).EventAssignmentNotDiscrete(scope.Source.ToString(assignment.Target.Span)));
                            break;
                        }

                        result.Add(new IrDiscreteAssignment(IrAlgebra.Variable(block, target.Indices), LowerExpression(assignment.Value, scope), origin));
                    }

                    break;
            }
        }

        return result.ToImmutable();
    }

    /// <summary>
    /// A clock's period or offset: constants and parameters only (TW3151), and a period that folds to a constant
    /// must be positive (TW3152); a parameter period is checked by the runtime with the run's values.
    /// </summary>
    private IrExpression LowerClockTiming(ExpressionSyntax syntax, LoweringScope scope, bool mustBePositive)
    {
        var value = LowerExpression(syntax, scope);
        var at = DiagnosticCatalog.At(scope.Source, syntax.Span);
        if (IrAlgebra.Variables(value).Any(v => v.IsDerivative || v.Block.Storage != IrStorage.Parameter) || ContainsTime(value))
        {
            Report(at.ClockTimingNotParameter(scope.Source.ToString(syntax.Span)));
            return IrConstant.Zero;
        }

        if (mustBePositive && IrAlgebra.Evaluate(value) is { } constant && !(constant > 0))
        {
            Report(at.ClockPeriodNotPositive(scope.Source.ToString(syntax.Span)));
        }

        return value;
    }

    private static bool ContainsTime(IrExpression expression) => expression switch
    {
        IrTime => true,
        IrUnary u => ContainsTime(u.Operand),
        IrBinary b => ContainsTime(b.Left) || ContainsTime(b.Right),
        IrConditional c => ContainsTime(c.Condition) || ContainsTime(c.WhenTrue) || ContainsTime(c.WhenFalse),
        IrCall call => call.Arguments.Items.Any(ContainsTime),
        IrReduction r => ContainsTime(r.Body),
        IrTableLookup t => ContainsTime(t.Argument),
        _ => false,
    };

    private void LowerEquation(EquationSyntax equation, LoweringScope scope, ImmutableArray<IrLoop> loops, List<IrEquation> into)
    {
        switch (equation)
        {
            case SimpleEquationSyntax simple:
                var inner = WithIterators(simple.Iterators, simple, scope, ref loops);
                into.Add(new IrEquation(LowerExpression(simple.Left, inner), LowerExpression(simple.Right, inner), loops, OriginOf(scope.Source, simple.Span)));
                break;
            case ForEquationSyntax forEquation:
                var body = WithIterators(forEquation.Iterators, forEquation, scope, ref loops);
                foreach (var nested in forEquation.Equations)
                {
                    LowerEquation(nested, body, loops, into);
                }

                break;
            case ConnectEquationSyntax connect:
                var connectScope = WithIterators(connect.Iterators, connect, scope, ref loops);
                var origin = OriginOf(scope.Source, connect.Span);
                if (ResolvePath(connect.First, connectScope) is InstanceTarget { Instance: { IsPort: true } first } a && a.Indices.Length == first.Dimensions.Length &&
                    ResolvePath(connect.Second, connectScope) is InstanceTarget { Instance: { IsPort: true } second } b && b.Indices.Length == second.Dimensions.Length &&
                    first.Dimensions.Length <= 1 && second.Dimensions.Length <= 1)
                {
                    _connections.Add(new Connection(first, a.Indices.FirstOrDefault(), second, b.Indices.FirstOrDefault(), loops, origin));
                }
                else
                {
                    Report(DiagnosticCatalog.At(scope.Source, connect.Span).NotSupportedInLowering("'connect' of ports in multi-dimensional component arrays"));
                }

                break;
        }
    }

    private LoweringScope WithIterators(ImmutableArray<IteratorSyntax> iterators, SyntaxNode body, LoweringScope scope, ref ImmutableArray<IrLoop> loops)
    {
        if (iterators.IsEmpty)
        {
            return scope;
        }

        var inner = scope.WithSource(scope.Source);
        foreach (var iterator in iterators)
        {
            var loop = LowerIterator(iterator, body, inner);
            loops = loops.Add(loop);
            inner.Iterators[iterator.Name.Text] = new IrIndex(loop);
        }

        return inner;
    }

    private void LowerCoupling(CouplingSyntax coupling, LoweringScope scope, ImmutableArray<IrLoop> loops)
    {
        var up = new List<IrEquation>();
        var down = new List<IrEquation>();
        foreach (var transfer in coupling.Items.OfType<CouplingTransferSyntax>())
        {
            var transferLoops = loops;
            var inner = WithIterators(transfer.Iterators, transfer, scope, ref transferLoops);
            var equation = new IrEquation(LowerExpression(transfer.Target, inner), LowerExpression(transfer.Value, inner), transferLoops, OriginOf(scope.Source, transfer.Span));
            (transfer.Direction == CouplingDirection.Up ? up : down).Add(equation);
            _equations.Add(equation);
        }

        double? Step(CouplingEndSyntax end) => end.Step is null ? null : IrAlgebra.Evaluate(LowerExpression(end.Step, scope));
        _partitions.Add(new IrPartition(
            coupling.Name.Text,
            scope.Source.ToString(coupling.First.Target.Span),
            Step(coupling.First),
            scope.Source.ToString(coupling.Second.Target.Span),
            Step(coupling.Second),
            [.. up],
            [.. down],
            OriginOf(scope.Source, coupling.Span)));
    }

    /// <summary>
    /// Sub-component inputs that an equation outside the sub-component sets (one side is exactly the input) become
    /// unknowns. The component's own equations only read its input (a source's <c>p.v - n.v = v</c>), so an input
    /// given by a modifier (<c>VoltageSource(v = 5 V)</c>) stays an input.
    /// </summary>
    private void ClassifySetInputs()
    {
        foreach (var equation in _equations)
        {
            var owner = _equationOwners.GetValueOrDefault(equation);
            foreach (var side in new[] { equation.Left, equation.Right })
            {
                if (side is IrVariable { IsDerivative: false, Block: { Storage: IrStorage.Input } block } && block.NameSegments.Length > 1 &&
                    !(owner is not null && owner.Path.SequenceEqual(block.NameSegments[..^1])))
                {
                    block.Storage = IrStorage.Algebraic;
                    block.Start = null;
                }
            }
        }
    }

    /// <summary>
    /// Sorts the initial equations like the model's equations, with the states they mention as unknowns: explicit
    /// ones become assignments, coupled or nonlinear ones implicit blocks solved when the initial state is computed.
    /// </summary>
    private (ImmutableArray<IrAssignment> Assignments, ImmutableArray<IrImplicitBlock> Loops) LowerInitialSystem(ImmutableArray<IrBlock> blocks, Text.SourceText? root)
    {
        foreach (var equation in _initialEquations)
        {
            var computed = IrAlgebra.Variables(equation.Left).Concat(IrAlgebra.Variables(equation.Right))
                .FirstOrDefault(v => v.IsDerivative || v.Block.Storage == IrStorage.Algebraic);
            if (computed is not null)
            {
                var name = computed.IsDerivative ? $"der({computed.Block.DisplayName})" : computed.Block.DisplayName;
                Report(DiagnosticCatalog.At(equation.Origin.Source, equation.Origin.Span).InitialEquationNotOnStates(name));
            }
        }

        if (_initialEquations.Count == 0 || _diagnostics.Any(d => d.IsError))
        {
            return ([], []);
        }

        var sorter = EquationSorter.ForInitialEquations(blocks, [.. _initialEquations], _diagnostics, root);
        var assignments = sorter.Sort();
        return (assignments, sorter.ImplicitBlocks);
    }
}
