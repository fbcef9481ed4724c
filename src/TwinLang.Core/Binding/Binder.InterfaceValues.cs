using TwinLang.Syntax;

namespace TwinLang.Binding;

// Evaluates, once after binding, the compile-time values that interface emitters publish: every variable's
// default or start value, its min/max bounds, and the values component modifiers give to parameters. Emitters
// read these from the semantic model instead of evaluating syntax themselves (STYLE.md §1). Nothing is reported
// here: a value that is not constant simply has no entry.
public sealed partial class Binder
{
    private readonly Dictionary<VariableSymbol, VariableValues> _variableValues = [];
    private readonly Dictionary<(ComponentSymbol, VariableSymbol), ConstantValue> _modifierValues = [];
    private readonly Dictionary<CouplingSymbol, CouplingSteps> _couplingSteps = [];

    private void RecordInterfaceValues()
    {
        foreach (var type in _packages.Values.SelectMany(p => p.Members.Values).OfType<StructuredTypeSymbol>())
        {
            if (!_fileOf.TryGetValue(type, out var file))
            {
                continue;
            }

            foreach (var variable in type.OwnMembers.OfType<VariableSymbol>())
            {
                _variableValues[variable] = new VariableValues(
                    EnumItem(variable) ?? Evaluate(file, type, variable.Value),
                    Evaluate(file, type, ModifierValue(variable.Syntax.Type, "min")),
                    Evaluate(file, type, ModifierValue(variable.Syntax.Type, "max")));
            }

            foreach (var coupling in type.OwnMembers.OfType<CouplingSymbol>())
            {
                _couplingSteps[coupling] = new CouplingSteps(
                    Evaluate(file, type, coupling.Syntax.First.Step)?.Number,
                    Evaluate(file, type, coupling.Syntax.Second.Step)?.Number);
            }

            foreach (var component in type.OwnMembers.OfType<ComponentSymbol>())
            {
                if (component.ComponentType is not { } componentType)
                {
                    continue;
                }

                foreach (var modifier in component.Syntax.Type.Modifiers.OfType<ValueModifierSyntax>())
                {
                    if (componentType.LookupMember(modifier.Name.Text) is VariableSymbol target &&
                        Evaluate(file, type, modifier.Value) is { } value)
                    {
                        _modifierValues[(component, target)] = value;
                    }
                }
            }
        }
    }

    // An enumeration default (Mode.off or off) is published as the item's 1-based number, the value FMI and
    // DTDL give the item.
    private static ConstantValue? EnumItem(VariableSymbol variable)
    {
        var name = variable.Value switch
        {
            MemberAccessExpressionSyntax access => access.Member.Text,
            NameExpressionSyntax simple => simple.Name.Text,
            _ => null,
        };
        return variable.Type.ElementType is EnumType enumeration && name is not null && enumeration.Symbol.LookupMember(name) is { } item
            ? ConstantValue.FromInt(item.Ordinal + 1)
            : null;
    }

    private ConstantValue? Evaluate(FileContext file, StructuredTypeSymbol owner, ExpressionSyntax? expression) =>
        expression is null ? null : EvaluateConstant(file, owner, expression, overrides: null, report: false);

    private static ExpressionSyntax? ModifierValue(TypeSyntax type, string name) =>
        type.Modifiers.OfType<ValueModifierSyntax>().FirstOrDefault(m => m.Name.Text == name)?.Value;
}

/// <summary>
/// The compile-time values of a variable: default or start value and bounds, each in SI (an enumeration value
/// as its item's 1-based number); null when not constant.
/// </summary>
public readonly record struct VariableValues(ConstantValue? Start, ConstantValue? Min, ConstantValue? Max);

/// <summary>The time steps of a coupling's two sides in seconds; null when not given or not constant.</summary>
public readonly record struct CouplingSteps(double? First, double? Second);
