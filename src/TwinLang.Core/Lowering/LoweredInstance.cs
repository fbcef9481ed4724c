using System.Collections.Immutable;
using TwinLang.Binding;
using TwinLang.Syntax;
using TwinLang.Text;

namespace TwinLang.Lowering;

/// <summary>
/// One instantiated asset or connector while flattening: the blocks of its variables, the values of its
/// structural members (constants, integer and Boolean parameters), and its sub-instances. An instance inside a
/// component array stands for every element: its blocks carry the array's dimensions in front of their own.
/// </summary>
internal sealed class LoweredInstance
{
    public LoweredInstance(StructuredTypeSymbol type, ImmutableArray<IrNameSegment> path, ImmutableArray<int> dimensions, IReadOnlyDictionary<string, IrExpression> overrides)
    {
        Type = type;
        Path = path;
        Dimensions = dimensions;
        Overrides = overrides;
    }

    public StructuredTypeSymbol Type { get; }

    public ImmutableArray<IrNameSegment> Path { get; }

    /// <summary>The dimensions of the component arrays this instance sits in, outermost first.</summary>
    public ImmutableArray<int> Dimensions { get; }

    /// <summary>Parameter values given by the parent's modifiers, already lowered in the parent's scope.</summary>
    public IReadOnlyDictionary<string, IrExpression> Overrides { get; }

    public Dictionary<VariableSymbol, IrBlock> Blocks { get; } = [];

    public Dictionary<VariableSymbol, double> Structural { get; } = [];

    public Dictionary<ComponentSymbol, LoweredInstance> Children { get; } = [];

    /// <summary>True for a port's connector instance.</summary>
    public bool IsPort { get; init; }

    public string DisplayName => string.Join(".", Path.Select(s => s.Rank == 0 ? s.Name : s.Name + "[]"));
}

/// <summary>What names mean while lowering one expression: the instance, its outer indices, and local bindings.</summary>
internal sealed class LoweringScope
{
    public LoweringScope(LoweredInstance instance, ImmutableArray<IrExpression> outerIndices, SourceText source)
    {
        Instance = instance;
        OuterIndices = outerIndices;
        Source = source;
    }

    public LoweredInstance Instance { get; }

    public ImmutableArray<IrExpression> OuterIndices { get; }

    public SourceText Source { get; }

    public Dictionary<Symbol, IrExpression> Locals { get; } = [];

    /// <summary>Iterators in scope by name (the innermost wins), mapped to their loop index.</summary>
    public Dictionary<string, IrExpression> Iterators { get; } = new(StringComparer.Ordinal);

    /// <summary>Loops created for <c>[*]</c> indices inside the reduction being lowered; null outside reductions.</summary>
    public List<IrLoop>? WildcardLoops { get; set; }

    public LoweringScope WithSource(SourceText source)
    {
        var scope = new LoweringScope(Instance, OuterIndices, source) { WildcardLoops = WildcardLoops };
        foreach (var (symbol, value) in Locals)
        {
            scope.Locals[symbol] = value;
        }

        foreach (var (name, value) in Iterators)
        {
            scope.Iterators[name] = value;
        }

        return scope;
    }
}
