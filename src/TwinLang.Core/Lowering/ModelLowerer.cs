using System.Collections.Immutable;
using TwinLang.Binding;
using TwinLang.Diagnostics;
using TwinLang.Syntax;
using TwinLang.Text;
using TwinLang.Units;

namespace TwinLang.Lowering;

/// <summary>The IR of one asset, or the diagnostics that prevented it.</summary>
public sealed record LoweringResult(IrModel? Model, IReadOnlyList<Diagnostic> Diagnostics)
{
    /// <summary>True when lowering reported an error (then <see cref="Model"/> is null).</summary>
    public bool HasErrors => Diagnostics.Any(d => d.IsError);
}

/// <summary>
/// Lowers a checked asset to the equation IR: instantiates and flattens components (arrays stay arrays,
/// modifiers override parameters, inheritance contributes members and equations), converts every literal to SI,
/// folds constants and structural parameters, generates connect equations, and then sorts the system
/// (<see cref="EquationSorter"/>). It reads the syntax and the semantic model; after it nothing looks at syntax.
/// </summary>
public sealed partial class ModelLowerer
{
    private readonly SemanticModel _model;
    private readonly UnitSystem _units;
    private readonly List<Diagnostic> _diagnostics = [];
    private readonly List<IrBlock> _blocks = [];
    private readonly List<IrEquation> _equations = [];
    private readonly List<IrEquation> _initialEquations = [];
    private readonly List<IrPartition> _partitions = [];
    private readonly List<IrEvent> _events = [];
    private readonly List<IrClock> _clocks = [];
    private readonly List<Connection> _connections = [];
    private readonly Dictionary<IrEquation, LoweredInstance> _equationOwners = new(ReferenceEqualityComparer.Instance);
    private readonly List<LoweredInstance> _ports = [];
    private int _loopCounter;

    private ModelLowerer(SemanticModel model)
    {
        _model = model;
        _units = UnitSystem.Build(model.Trees, new DiagnosticBag());
    }

    /// <summary>Lowers and sorts <paramref name="asset"/>. The model must be free of errors.</summary>
    public static LoweringResult Lower(SemanticModel model, AssetSymbol asset)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(asset);
        var lowerer = new ModelLowerer(model);
        var root = lowerer.Instantiate(asset, [], [], new Dictionary<string, IrExpression>(), isPort: false);
        lowerer.LowerBodies(root);
        lowerer.LowerConnections();
        lowerer.ClassifySetInputs();
        if (lowerer._diagnostics.Any(d => d.IsError))
        {
            return new LoweringResult(null, lowerer._diagnostics);
        }

        var blocks = lowerer._blocks.ToImmutableArray();
        var equations = lowerer._equations.ToImmutableArray();
        var sorter = new EquationSorter(blocks, equations, lowerer._diagnostics, asset.Location?.Source);
        var assignments = sorter.Sort();
        var initial = lowerer.LowerInitialSystem(blocks, asset.Location?.Source);
        if (lowerer._diagnostics.Any(d => d.IsError))
        {
            return new LoweringResult(null, lowerer._diagnostics);
        }

        var ir = new IrModel(
            asset.Name,
            QualifiedName(asset),
            blocks,
            equations,
            assignments,
            initial.Assignments,
            [.. lowerer._partitions],
            [.. lowerer._events],
            [.. lowerer._clocks],
            asset.Declaration.DocComment ?? string.Empty,
            sorter.ImplicitBlocks,
            initial.Loops);
        return new LoweringResult(ir, lowerer._diagnostics);
    }

    private static string QualifiedName(Symbol symbol)
    {
        var package = symbol.Container is PackageSymbol p && p.Name.Length > 0 ? p.Name + "." : string.Empty;
        return package + symbol.Name;
    }

    private void Report(Diagnostic diagnostic) => _diagnostics.Add(diagnostic);

    private static IrOrigin OriginOf(SourceText source, TextSpan span)
    {
        var line = source.GetLinePosition(span.Start).Line + 1;
        var text = source.ToString(span);
        return new IrOrigin(source.Path, line, text, source, span);
    }

    private IrLoop NewLoop(string name, int start, int end)
    {
        _loopCounter++;
        return new IrLoop(name, start, end);
    }

    private LoweredInstance Instantiate(StructuredTypeSymbol type, ImmutableArray<IrNameSegment> path, ImmutableArray<int> dimensions, IReadOnlyDictionary<string, IrExpression> overrides, bool isPort)
    {
        var instance = new LoweredInstance(type, path, dimensions, overrides) { IsPort = isPort };
        if (isPort)
        {
            _ports.Add(instance);
        }

        var source = type.Location?.Source ?? new SourceText(string.Empty);
        var scope = new LoweringScope(instance, [], source);
        foreach (var member in type.AllMembers)
        {
            switch (member)
            {
                case VariableSymbol variable:
                    DeclareVariable(instance, variable, scope.WithSource(variable.Location?.Source ?? source));
                    break;
                case ComponentSymbol component when component.ComponentType is { } componentType:
                    var memberScope = scope.WithSource(component.Location?.Source ?? source);
                    var sizes = LowerSizes(component.Syntax.Type, memberScope);
                    var childOverrides = new Dictionary<string, IrExpression>(StringComparer.Ordinal);
                    foreach (var modifier in component.Syntax.Type.Modifiers.OfType<ValueModifierSyntax>())
                    {
                        childOverrides[modifier.Name.Text] = LowerExpression(modifier.Value, memberScope);
                    }

                    var child = Instantiate(componentType, path.Add(new IrNameSegment(component.Name, sizes.Length)), dimensions.AddRange(sizes), childOverrides, component.IsPort);
                    instance.Children[component] = child;
                    break;
            }
        }

        return instance;
    }

    private ImmutableArray<int> LowerSizes(TypeSyntax type, LoweringScope scope)
    {
        var sizes = ImmutableArray.CreateBuilder<int>();
        foreach (var dimension in type.Dimensions)
        {
            var value = FoldStructural(LowerExpression(dimension, scope), dimension, scope);
            sizes.Add(value is { } v ? Math.Max(0, (int)Math.Round(v)) : 0);
        }

        return sizes.ToImmutable();
    }

    private double? FoldStructural(IrExpression expression, ExpressionSyntax syntax, LoweringScope scope)
    {
        if (IrAlgebra.Evaluate(expression) is { } value)
        {
            return value;
        }

        Report(DiagnosticCatalog.At(scope.Source, syntax.Span).NonConstantStructure(scope.Source.ToString(syntax.Span)));
        return null;
    }

    private void DeclareVariable(LoweredInstance instance, VariableSymbol variable, LoweringScope scope)
    {
        var elementType = variable.Type.ElementType;
        var isStructural = variable.VariableKind == VariableKind.Constant ||
            (variable.VariableKind == VariableKind.Parameter && elementType is IntType or BoolType or EnumType);
        IrExpression? start = null;
        if (instance.Overrides.TryGetValue(variable.Name, out var overridden))
        {
            start = overridden;
        }
        else if (variable.Value is { } value && variable.VariableKind is not (VariableKind.Output or VariableKind.Variable))
        {
            start = LowerExpression(value, scope);
        }

        if (isStructural)
        {
            if (variable.Type is ArrayType)
            {
                Report(DiagnosticCatalog.At(scope.Source, variable.Syntax.Name.Span).NotSupportedInLowering("An array constant or integer parameter"));
                return;
            }

            if (start is null || variable.Value is null && !instance.Overrides.ContainsKey(variable.Name))
            {
                Report(DiagnosticCatalog.At(scope.Source, variable.Syntax.Name.Span).NonConstantStructure(variable.Name));
                return;
            }

            var folded = variable.Value is { } v ? FoldStructural(start, v, scope) : IrAlgebra.Evaluate(start);
            instance.Structural[variable] = folded ?? 0;
            return;
        }

        if (elementType is not (RealType or IntType or BoolType or EnumType))
        {
            Report(DiagnosticCatalog.At(scope.Source, variable.Syntax.Name.Span).NotSupportedInLowering($"A variable of type '{variable.Type.DisplayName}'"));
            return;
        }

        var ownSizes = LowerSizes(variable.Syntax.Type, scope);
        var storage = variable.VariableKind switch
        {
            VariableKind.State => IrStorage.State,
            VariableKind.Parameter => IrStorage.Parameter,
            VariableKind.Input => IrStorage.Input,
            VariableKind.Discrete => IrStorage.Discrete,
            _ => IrStorage.Algebraic,
        };
        var block = new IrBlock(
            instance.Path.Add(new IrNameSegment(variable.Name, ownSizes.Length)),
            instance.Dimensions.AddRange(ownSizes),
            storage,
            isOutput: variable.VariableKind == VariableKind.Output && instance.Path.IsEmpty,
            UnitText(variable.Type.ElementType),
            variable.Description ?? variable.Syntax.DocComment ?? string.Empty,
            OriginOf(scope.Source, variable.Syntax.Span));
        if (storage is IrStorage.Parameter or IrStorage.Input)
        {
            block.Start = start is null ? IrConstant.Zero : new IrConstant(IrAlgebra.Evaluate(start) ?? Report(scope, variable.Value ?? variable.Syntax.Value, start));
        }
        else if (storage is IrStorage.State or IrStorage.Discrete)
        {
            block.Start = start ?? IrConstant.Zero;
        }

        instance.Blocks[variable] = block;
        _blocks.Add(block);
    }

    private double Report(LoweringScope scope, ExpressionSyntax? syntax, IrExpression expression)
    {
        _ = expression;
        var span = syntax?.Span ?? new TextSpan(0, 0);
        Report(DiagnosticCatalog.At(scope.Source, span).NonConstantStructure(scope.Source.ToString(span)));
        return 0;
    }

    /// <summary>
    /// The unit of a variable's SI values: the coherent named unit of its quantity when there is one (W, not
    /// kg*m^2/s^3), else the SI base-unit form. Display units with a scale or offset don't apply: values are SI.
    /// </summary>
    private string UnitText(TwinType type)
    {
        if (type is not RealType real || real.Dimension.IsDimensionless)
        {
            return string.Empty;
        }

        var named = _units.Quantities.FindByDimension(real.Dimension)?.Unit;
        return named is { IsError: false, Scale: 1, Offset: 0 } ? named.Symbol : real.Dimension.ToString();
    }
}
