using System.Collections.Immutable;
using TwinLang.Diagnostics;
using TwinLang.Syntax;
using TwinLang.Units;

namespace TwinLang.Binding;

// Phase 2: units and quantities, then the types of every declaration (variables, parameters, results,
// components) and the base asset of each asset. Array sizes are evaluated once all scalar types exist.
public sealed partial class Binder
{
    // Replaced by BuildUnitRegistry once every file is declared; empty until then.
    private UnitSystem _units = UnitSystem.Build([], new DiagnosticBag());
    private readonly Dictionary<string, UnitSymbol> _unitSymbols = new(StringComparer.Ordinal);

    private void BuildUnitRegistry()
    {
        // The standard library goes first so its declarations win over a user's duplicate.
        var ordered = _files.OrderBy(f => f.Package.Name.StartsWith("std.", StringComparison.Ordinal) || f.Package.Name == "std" ? 0 : 1)
            .Select(f => f.Tree)
            .ToList();
        _units = UnitSystem.Build(ordered, _diagnostics);
        foreach (var file in _files.OrderBy(f => f.Package.IsPrelude ? 0 : 1))
        {
            foreach (var unit in file.Package.Members.Values.OfType<UnitSymbol>())
            {
                _unitSymbols.TryAdd(unit.Name, unit);
            }
        }

        foreach (var file in _files)
        {
            foreach (var declaration in file.Declarations)
            {
                switch (declaration)
                {
                    case UnitDeclarationSyntax { Unit: { } unit }:
                        RecordUnitReferences(file, unit);
                        break;
                    case QuantityDeclarationSyntax quantity:
                        RecordUnitReferences(file, quantity.Unit);
                        break;
                }
            }
        }

        foreach (var package in _packages.Values)
        {
            foreach (var member in package.Members.Values)
            {
                switch (member)
                {
                    case QuantitySymbol quantity when _units.Quantities.TryGet(quantity.Name, out var q) && !q.IsError:
                        quantity.Unit = q.Unit;
                        quantity.Type = new RealType(q.Dimension, quantity);
                        break;
                    case UnitSymbol unit when _units.Units.TryGetDefinition(unit.Name, out var definition) && !definition.Unit.IsError:
                        unit.Unit = definition.Unit;
                        break;
                }
            }
        }
    }

    /// <summary>Records the unit declarations that the names in a unit expression refer to (<c>mOhm</c> refers to <c>Ohm</c>), for hover and go-to-definition.</summary>
    private void RecordUnitReferences(FileContext file, UnitExpressionSyntax unit)
    {
        var pending = new Stack<UnitExpressionSyntax>();
        pending.Push(unit);
        while (pending.Count > 0)
        {
            switch (pending.Pop())
            {
                case UnitNameSyntax name:
                    if (_units.Units.Lookup(name.Name).Definition is { } definition && _unitSymbols.TryGetValue(definition.Name, out var symbol))
                    {
                        _model.AddReference(file.Source, name.Span, symbol, isDeclaration: false);
                    }

                    break;
                case UnitPowerSyntax power:
                    pending.Push(power.Base);
                    break;
                case UnitBinarySyntax binary:
                    pending.Push(binary.Right);
                    pending.Push(binary.Left);
                    break;
                case UnitParenthesizedSyntax parenthesized:
                    pending.Push(parenthesized.Inner);
                    break;
            }
        }
    }

    private void ResolveSignatures(FileContext file)
    {
        foreach (var (declaration, symbol) in NamedDeclarations(file))
        {
            switch (symbol)
            {
                case CallableSymbol callable when ReferenceEquals(callable.Syntax, declaration):
                    ResolveCallableSignature(file, callable);
                    break;
                case StructuredTypeSymbol type when ReferenceEquals(type.Syntax, declaration):
                    ResolveMemberTypes(file, type);
                    break;
            }
        }
    }

    /// <summary>
    /// Each declaration of the file with the package member its name resolves to. The member may come from
    /// another declaration of that name (a duplicate); callers check that the symbol's syntax is this one.
    /// </summary>
    private static IEnumerable<(DeclarationSyntax Declaration, Symbol Symbol)> NamedDeclarations(FileContext file)
    {
        foreach (var declaration in file.Declarations)
        {
            if (!declaration.Name.IsMissing && file.Package.Members.TryGetValue(declaration.Name.Text, out var symbol))
            {
                yield return (declaration, symbol);
            }
        }
    }

    private void ResolveCallableSignature(FileContext file, CallableSymbol callable)
    {
        var (parameters, returnType) = callable.Syntax switch
        {
            FunctionDeclarationSyntax f => (f.Parameters, f.ReturnType),
            TableDeclarationSyntax t => (t.Parameters, t.ReturnType),
            SurrogateDeclarationSyntax s => (s.Parameters, s.ReturnType),
            _ => (ImmutableArray<ParameterSyntax>.Empty, (TypeSyntax?)null),
        };

        var symbols = new List<FunctionParameterSymbol>();
        var seen = new Dictionary<string, FunctionParameterSymbol>(StringComparer.Ordinal);
        foreach (var parameter in parameters)
        {
            if (parameter.Name.IsMissing)
            {
                continue;
            }

            var symbol = new FunctionParameterSymbol(callable, LocationOf(file, parameter.Name), parameter.Name.Text, symbols.Count)
            {
                Type = ResolveType(file, parameter.Type).Type,
            };
            if (!seen.TryAdd(symbol.Name, symbol))
            {
                ReportDuplicate(file, parameter.Name, seen[symbol.Name]);
                continue;
            }

            symbols.Add(symbol);
            _model.AddReference(file.Source, parameter.Name.Span, symbol, isDeclaration: true);
        }

        callable.Parameters = symbols;
        callable.ReturnType = returnType is null ? ErrorType.Instance : ResolveType(file, returnType).Type;
    }

    private void ResolveMemberTypes(FileContext file, StructuredTypeSymbol type)
    {
        if (type is AssetSymbol { Declaration.BaseType: { } baseSyntax } asset)
        {
            var baseSymbol = ResolveName(file, baseSyntax.Name);
            if (baseSymbol is AssetSymbol baseAsset)
            {
                asset.BaseAsset = baseAsset;
            }
            else if (baseSymbol is not null)
            {
                Report(At(file, baseSyntax.Name.Span).NotAnAsset(baseSyntax.Name.Text, KindName(baseSymbol)));
            }
        }

        foreach (var member in type.OwnMembers)
        {
            switch (member)
            {
                case VariableSymbol variable:
                    var (scalar, unit) = ResolveType(file, variable.Syntax.Type);
                    variable.Type = scalar;
                    variable.DisplayUnit = unit;
                    if (scalar is ObjectType)
                    {
                        Report(At(file, variable.Syntax.Type.Name.Span).WrongComponentType(variable.Name, "a Real, Int, Bool, String, quantity or enumeration", Article("asset or connector") + " (declare it with 'component' or 'port')"));
                        variable.Type = ErrorType.Instance;
                    }

                    break;
                case ComponentSymbol component:
                    ResolveComponentType(file, component);
                    break;
            }
        }
    }

    private void ResolveComponentType(FileContext file, ComponentSymbol component)
    {
        var symbol = ResolveName(file, component.Syntax.Type.Name);
        switch (symbol)
        {
            case null:
                return;
            case ConnectorSymbol connector when component.IsPort:
                component.ComponentType = connector;
                component.Type = connector.Type;
                break;
            case AssetSymbol asset when !component.IsPort:
                component.ComponentType = asset;
                component.Type = asset.Type;
                break;
            default:
                Report(At(file, component.Syntax.Type.Name.Span).WrongComponentType(
                    component.Name,
                    component.IsPort ? "a connector" : "an asset",
                    $"{Quote(component.Syntax.Type.Name.Text)}, {KindName(symbol)}"));
                break;
        }
    }

    /// <summary>
    /// The scalar type a <see cref="TypeSyntax"/> names and its display unit; dimensions (array sizes) are
    /// applied later, once constants can be evaluated, because they need constant evaluation.
    /// </summary>
    private (TwinType Type, Unit? Unit) ResolveType(FileContext file, TypeSyntax syntax)
    {
        var symbol = ResolveName(file, syntax.Name);
        TwinType type;
        Unit? unit = null;
        switch (symbol)
        {
            case null:
                return (ErrorType.Instance, null);
            case BuiltinTypeSymbol builtin:
                type = builtin.Type;
                break;
            case QuantitySymbol quantity:
                type = quantity.Unit is null ? ErrorType.Instance : quantity.Type;
                unit = quantity.Unit;
                break;
            case EnumSymbol enumeration:
                type = enumeration.Type;
                break;
            case StructuredTypeSymbol structured:
                type = structured.Type;
                break;
            default:
                Report(At(file, syntax.Name.Span).NotAType(syntax.Name.Text, KindName(symbol)));
                return (ErrorType.Instance, null);
        }

        foreach (var modifier in syntax.Modifiers)
        {
            if (modifier is not UnitModifierSyntax unitModifier)
            {
                continue;
            }

            var resolved = _units.Resolve(unitModifier.Unit, file.Source, _diagnostics);
            RecordUnitReferences(file, unitModifier.Unit);
            if (resolved.IsError)
            {
                continue;
            }

            if (type is RealType { Quantity: null } plain && plain.Dimension.IsDimensionless && symbol == BuiltinTypeSymbol.Real)
            {
                // Real(unit = W/(m^2*K)): the unit gives a plain Real its dimension.
                type = new RealType(resolved.Dimension, null);
                unit = resolved;
            }
            else if (type is RealType real)
            {
                if (real.Dimension != resolved.Dimension)
                {
                    Report(At(file, unitModifier.Unit.Span).UnitDoesNotMatchQuantity(resolved.Symbol, DescribeType(real), _units.Describe(resolved.Dimension)));
                }
                else
                {
                    unit = resolved;
                }
            }
            else if (!type.IsError)
            {
                Report(At(file, unitModifier.Span).TypeMismatch("Real", type.DisplayName));
            }
        }

        return (type, unit);
    }

    private static string Quote(string text) => $"'{text}'";
}
