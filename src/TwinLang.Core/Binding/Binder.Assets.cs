using TwinLang.Text;
using TwinLang.Syntax;

namespace TwinLang.Binding;

// Asset and connector bodies: declared values, modifiers, equations, when and sampled sections, couplings.
public sealed partial class Binder
{
    private static readonly Dictionary<string, SettingType> VariableAttributes = new(StringComparer.Ordinal)
    {
        ["fixed"] = SettingType.Bool,
        ["max"] = SettingType.Any,
        ["min"] = SettingType.Any,
        ["nominal"] = SettingType.Any,
        ["start"] = SettingType.Any,
    };

    private readonly Dictionary<AssetSymbol, AssetFacts> _assetFacts = [];

    private void BindStructuredBody(FileContext file, StructuredTypeSymbol type)
    {
        var facts = new AssetFacts();
        if (type is AssetSymbol asset)
        {
            _assetFacts[asset] = facts;
        }

        var before = _diagnostics.Count;
        var context = new BindContext(file, type);
        foreach (var member in type.OwnMembers)
        {
            switch (member)
            {
                case VariableSymbol variable:
                    BindVariableDeclaration(variable, context, facts);
                    break;
                case ComponentSymbol component:
                    BindComponentModifiers(component, context, facts);
                    break;
            }
        }

        if (type is AssetSymbol owner)
        {
            foreach (var member in owner.Declaration.Members)
            {
                switch (member)
                {
                    case EquationSectionSyntax section:
                        var sectionContext = context.WithDer(true);
                        foreach (var equation in section.Equations)
                        {
                            var tally = BindEquation(equation, sectionContext, facts);
                            if (!section.IsInitial)
                            {
                                facts.Tally.Add(tally, 1);
                            }
                        }

                        break;
                    case WhenSectionSyntax whenSection:
                        BindCondition(whenSection.Condition, context);
                        BindStatements(whenSection.Statements, context, facts, isWhen: true);
                        break;
                    case SampledSectionSyntax sampled:
                        CheckAssignable(TimeType, BindExpression(sampled.Period, context), sampled.Period.Span, context);
                        if (sampled.Offset is { } offset)
                        {
                            CheckAssignable(TimeType, BindExpression(offset, context), offset.Span, context);
                        }

                        BindStatements(sampled.Statements, context, facts, isWhen: false);
                        break;
                    case CouplingSyntax coupling when owner.LookupOwn(coupling.Name.Text) is CouplingSymbol symbol && ReferenceEquals(symbol.Syntax, coupling):
                        BindCoupling(symbol, context, facts);
                        break;
                    case ErrorMemberSyntax:
                        facts.HasErrors = true;
                        break;
                }
            }
        }

        facts.HasSyntaxErrors = file.Tree.Diagnostics.Any(d => d.IsError && type.Syntax.Span.ContainsOrTouches(d.Span.Start));
        facts.HasErrors |= _diagnostics.Count > before || facts.HasSyntaxErrors;
    }

    private void BindCondition(ExpressionSyntax condition, BindContext context)
    {
        var type = BindExpression(condition, context);
        if (!type.IsError && type is not BoolType)
        {
            Report(At(context.File, condition.Span).TypeMismatch("Bool", type.DisplayName));
        }
    }

    private void BindVariableDeclaration(VariableSymbol variable, BindContext context, AssetFacts facts)
    {
        var file = context.File;
        foreach (var modifier in variable.Syntax.Type.Modifiers)
        {
            if (modifier is not ValueModifierSyntax { Name.IsMissing: false } value)
            {
                continue;
            }

            if (!VariableAttributes.TryGetValue(value.Name.Text, out var attribute))
            {
                Report(At(file, value.Name.Span).UnknownModifier(value.Name.Text, variable.Syntax.Type.Name.Text, NameSuggester.Suggest(value.Name.Text, VariableAttributes.Keys)));
                BindExpression(value.Value, context);
                continue;
            }

            var found = BindExpression(value.Value, context);
            CheckAssignable(attribute == SettingType.Bool ? BoolType.Instance : variable.Type.ElementType, found, value.Value.Span, context);
        }

        if (variable.Value is not { } initial)
        {
            if (variable.VariableKind == VariableKind.Constant)
            {
                Report(At(file, variable.Syntax.Name.Span).NotConstant($"value for constant '{variable.Name}'"));
            }

            return;
        }

        var equationFacts = new EquationFacts();
        var type = BindExpression(initial, context.WithFacts(equationFacts));
        if (!CheckAssignable(variable.Type, type, initial.Span, context, allowFill: true) || type.IsError)
        {
            return;
        }

        switch (variable.VariableKind)
        {
            case VariableKind.Parameter or VariableKind.Constant when equationFacts.OwnMentions.Any(m => m.VariableKind is not (VariableKind.Parameter or VariableKind.Constant)):
                // Parameters are fixed for a run, so their defaults may use only other parameters and constants.
                Report(At(file, initial.Span).NotConstant($"value for {variable.VariableKind.ToString().ToLowerInvariant()} '{variable.Name}'"));
                break;
            case VariableKind.Constant when GetConstantValue(variable) is null:
                Report(At(file, initial.Span).NotConstant($"value for constant '{variable.Name}'"));
                break;
            case VariableKind.Output or VariableKind.Variable:
                // A binding equation: one equation per element.
                facts.Tally.AddEquations(ElementCount(variable.Type));
                facts.Merge(equationFacts);
                facts.OwnMentions.Add(variable);
                break;
        }
    }

    private void BindComponentModifiers(ComponentSymbol component, BindContext context, AssetFacts facts)
    {
        var file = context.File;
        var overrides = new Dictionary<VariableSymbol, ConstantValue?>();
        ValueModifierSyntax? sizeModifier = null;
        foreach (var modifier in component.Syntax.Type.Modifiers)
        {
            if (component.ComponentType is not { } type)
            {
                if (modifier is ValueModifierSyntax skipped)
                {
                    BindExpression(skipped.Value, context);
                }

                continue;
            }

            if (modifier is UnitModifierSyntax unitModifier)
            {
                Report(At(file, unitModifier.Span).UnknownModifier("unit", type.Name, null));
                continue;
            }

            if (modifier is not ValueModifierSyntax { Name.IsMissing: false } value)
            {
                continue;
            }

            var member = type.LookupMember(value.Name.Text);
            var found = BindExpression(value.Value, context);
            if (member is not VariableSymbol { VariableKind: VariableKind.Parameter or VariableKind.Constant or VariableKind.Input } target)
            {
                var candidates = type.Variables.Where(v => v.VariableKind is VariableKind.Parameter or VariableKind.Input).Select(v => v.Name);
                Report(At(file, value.Name.Span).UnknownModifier(value.Name.Text, type.Name, NameSuggester.Suggest(value.Name.Text, candidates)));
                continue;
            }

            _model.AddReference(file.Source, value.Name.Span, target, isDeclaration: false);
            if (!CheckAssignable(target.Type, found, value.Value.Span, context, allowFill: true) || found.IsError)
            {
                continue;
            }

            if (target.VariableKind == VariableKind.Input)
            {
                facts.Tally.AddEquations(ElementCount(target.Type) * ElementCount(component.Type));
                facts.SetInputs.Add((component, target));
                facts.ComponentMentions.Add((component, target));
            }
            else if (target.Type is IntType)
            {
                overrides[target] = EvaluateConstant(file, context.Owner, value.Value, null, report: false);
                sizeModifier ??= value;
            }
        }

        if (sizeModifier is not null && component.ComponentType is { } componentType && _fileOf.TryGetValue(componentType, out var typeFile))
        {
            CheckOverriddenSizes(componentType, typeFile, overrides, At(file, sizeModifier.Value.Span));
        }
    }

    /// <summary>Re-evaluates the array sizes of a component's type with the modifier's values, so <c>Pack(n = -1)</c> is caught at the modifier.</summary>
    private void CheckOverriddenSizes(StructuredTypeSymbol type, FileContext typeFile, Dictionary<VariableSymbol, ConstantValue?> overrides, Diagnostics.DiagnosticBuilder at)
    {
        foreach (var member in type.AllMembers)
        {
            var dimensions = member switch
            {
                VariableSymbol v => v.Syntax.Type.Dimensions,
                ComponentSymbol c => c.Syntax.Type.Dimensions,
                _ => [],
            };
            foreach (var dimension in dimensions)
            {
                if (EvaluateConstant(typeFile, type, dimension, overrides, report: false) is { Boolean: null } size && size.Number < 0)
                {
                    Report(at.NegativeArraySize((long)size.Number));
                    return;
                }
            }
        }
    }

    private static long? ElementCount(TwinType type) => type is ArrayType array ? array.ElementCount : 1;

    private static long? IteratorCount(IEnumerable<IteratorSymbol> iterators)
    {
        long? count = 1;
        foreach (var iterator in iterators)
        {
            count *= iterator.Count;
        }

        return count;
    }

    /// <summary>Binds one equation and returns what it counts for (per iteration of any enclosing for).</summary>
    private EquationTally BindEquation(EquationSyntax equation, BindContext context, AssetFacts facts)
    {
        var tally = new EquationTally();
        switch (equation)
        {
            case SimpleEquationSyntax simple:
                {
                    var (inner, iterators) = DeclareIterators(simple.Iterators, context, context.Owner);
                    var equationFacts = new EquationFacts();
                    inner = inner.WithFacts(equationFacts);
                    var left = BindExpression(simple.Left, inner);
                    var right = BindExpression(simple.Right, inner);
                    CheckIteratorsInferred(iterators, context);
                    CheckAssignable(left, right, simple.Right.Span, inner);
                    CheckEquationTarget(simple.Left, inner);
                    facts.Merge(equationFacts);
                    RecordSetInput(simple.Left, inner, facts);
                    RecordSetInput(simple.Right, inner, facts);
                    var count = IteratorCount(iterators) * ElementCount(left.IsError ? right : left);
                    tally.AddEquations(count);
                    foreach (var state in equationFacts.Derivatives)
                    {
                        tally.AddDerivative(state, count);
                    }

                    break;
                }

            case ConnectEquationSyntax connect:
                {
                    var (inner, iterators) = DeclareIterators(connect.Iterators, context, context.Owner);
                    var equationFacts = new EquationFacts();
                    inner = inner.WithFacts(equationFacts);
                    var first = BindConnectEnd(connect.First, inner, facts);
                    var second = BindConnectEnd(connect.Second, inner, facts);
                    CheckIteratorsInferred(iterators, context);
                    if (first is { } a && second is { } b)
                    {
                        if (!ReferenceEquals(a.Connector, b.Connector))
                        {
                            Report(At(context.File, connect.Span).ConnectTypeMismatch(a.Connector.Name, b.Connector.Name));
                        }
                        else
                        {
                            var potentials = a.Connector.Variables.Where(v => v.VariableKind != VariableKind.Flow).Sum(v => ElementCount(v.Type));
                            var flows = a.Connector.Variables.Where(v => v.VariableKind == VariableKind.Flow).Sum(v => ElementCount(v.Type));
                            tally.AddConnectExcess((potentials - flows) * IteratorCount(iterators) * ElementCount(a.Type));
                        }
                    }

                    break;
                }

            case ForEquationSyntax loop:
                {
                    var (inner, iterators) = DeclareIterators(loop.Iterators, context, context.Owner);
                    var body = new EquationTally();
                    foreach (var item in loop.Equations)
                    {
                        body.Add(BindEquation(item, inner, facts), 1);
                    }

                    CheckIteratorsInferred(iterators, context);
                    tally.Add(body, IteratorCount(iterators));
                    break;
                }

            case ErrorEquationSyntax:
                facts.HasErrors = true;
                break;
        }

        return tally;
    }

    /// <summary>Reports an equation whose left side is an input or a fixed value of the asset itself.</summary>
    private void CheckEquationTarget(ExpressionSyntax left, BindContext context)
    {
        var target = left;
        while (target is IndexExpressionSyntax index)
        {
            target = index.Target;
        }

        if (target is not NameExpressionSyntax name || context.LookupLocal(name.Name.Text) is not null ||
            context.Owner?.LookupMember(name.Name.Text) is not VariableSymbol variable)
        {
            return;
        }

        switch (variable.VariableKind)
        {
            case VariableKind.Input:
                Report(At(context.File, left.Span).InputAssigned(variable.Name));
                break;
            case VariableKind.Parameter or VariableKind.Constant:
                Report(At(context.File, left.Span).EquationForFixedValue(variable.Name, KindName(variable)));
                break;
        }
    }

    /// <summary>Records a sub-component input written as a whole side of an equation (<c>cells[i].current = current</c>).</summary>
    private static void RecordSetInput(ExpressionSyntax side, BindContext context, AssetFacts facts)
    {
        if (side is MemberAccessExpressionSyntax access && RootComponent(access.Target, context) is { } component &&
            component.ComponentType?.LookupMember(access.Member.Text) is VariableSymbol { VariableKind: VariableKind.Input } input)
        {
            facts.SetInputs.Add((component, input));
        }
    }

    private (ConnectorSymbol Connector, TwinType Type)? BindConnectEnd(ExpressionSyntax end, BindContext context, AssetFacts facts)
    {
        var type = BindExpression(end, context);
        if (type.IsError)
        {
            return null;
        }

        if (type.ElementType is not ObjectType { Symbol: ConnectorSymbol connector })
        {
            Report(At(context.File, end.Span).ConnectNonConnector(context.File.Source.ToString(end.Span)));
            return null;
        }

        var root = end;
        while (root is IndexExpressionSyntax index)
        {
            root = index.Target;
        }

        if (root is NameExpressionSyntax name && context.LookupLocal(name.Name.Text) is null &&
            context.Owner?.LookupMember(name.Name.Text) is ComponentSymbol { IsPort: true } port)
        {
            facts.ConnectedOwnPorts.Add(port);
        }

        return (connector, type);
    }

    private void BindStatements(IEnumerable<StatementSyntax> statements, BindContext context, AssetFacts facts, bool isWhen)
    {
        foreach (var statement in statements)
        {
            switch (statement)
            {
                case AssignmentStatementSyntax assignment:
                    {
                        var target = BindExpression(assignment.Target, context);
                        var value = BindExpression(assignment.Value, context);
                        if (target.IsError)
                        {
                            break;
                        }

                        var variable = TargetVariable(assignment.Target, context);
                        switch (variable)
                        {
                            case { VariableKind: VariableKind.Discrete }:
                                break;
                            case { VariableKind: VariableKind.Output }:
                                facts.AssignedOutputs.Add(variable);
                                break;
                            case { VariableKind: VariableKind.Input }:
                                Report(At(context.File, assignment.Target.Span).InputAssigned(variable.Name));
                                continue;
                            default:
                                Report(At(context.File, assignment.Target.Span).InvalidAssignmentTarget(
                                    context.File.Source.ToString(assignment.Target.Span),
                                    variable is null ? "not a variable of this asset" : KindName(variable)));
                                continue;
                        }

                        CheckAssignable(target, value, assignment.Value.Span, context);
                        break;
                    }

                case ReinitStatementSyntax reinit:
                    {
                        var target = BindExpression(reinit.Target, context);
                        var value = BindExpression(reinit.Value, context);
                        if (!isWhen)
                        {
                            Report(At(context.File, reinit.Span).ReinitOutsideWhen());
                            break;
                        }

                        if (target.IsError)
                        {
                            break;
                        }

                        var variable = TargetVariable(reinit.Target, context);
                        if (variable is not { VariableKind: VariableKind.State })
                        {
                            Report(At(context.File, reinit.Target.Span).ReinitOfNonState(
                                context.File.Source.ToString(reinit.Target.Span),
                                variable is null ? "not a variable of this asset" : KindName(variable)));
                            break;
                        }

                        CheckAssignable(target, value, reinit.Value.Span, context);
                        break;
                    }

                case ErrorStatementSyntax:
                    facts.HasErrors = true;
                    break;
            }
        }
    }

    /// <summary>The own variable a target such as <c>x</c> or <c>x[2]</c> names, if any.</summary>
    private static VariableSymbol? TargetVariable(ExpressionSyntax target, BindContext context)
    {
        while (target is IndexExpressionSyntax index)
        {
            target = index.Target;
        }

        return target is NameExpressionSyntax name && context.LookupLocal(name.Name.Text) is null
            ? context.Owner?.LookupMember(name.Name.Text) as VariableSymbol
            : null;
    }
}
