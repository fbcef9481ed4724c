using System.Collections.Immutable;

namespace TwinLang.Lowering;

/// <summary>
/// The flattened, sorted equation system of one asset: variable blocks with their storage layout, the
/// assignments in evaluation order (one pass, with the algebraic loops solved in between, computes every algebraic
/// unknown and derivative),
/// the initial assignments of states, and what code generation does not evaluate yet (events, clocks) plus
/// the coupling partitions.
/// </summary>
public sealed class IrModel
{
    /// <summary>Creates a model and assigns every block its offset in its storage.</summary>
    public IrModel(
        string name,
        string qualifiedName,
        ImmutableArray<IrBlock> blocks,
        ImmutableArray<IrEquation> equations,
        ImmutableArray<IrAssignment> assignments,
        ImmutableArray<IrAssignment> initialAssignments,
        ImmutableArray<IrPartition> partitions,
        ImmutableArray<IrEvent> events,
        ImmutableArray<IrClock> clocks,
        string description,
        ImmutableArray<IrImplicitBlock> implicitBlocks = default,
        ImmutableArray<IrImplicitBlock> initialImplicitBlocks = default)
    {
        ImplicitBlocks = implicitBlocks.IsDefault ? [] : implicitBlocks;
        InitialImplicitBlocks = initialImplicitBlocks.IsDefault ? [] : initialImplicitBlocks;
        Name = name;
        QualifiedName = qualifiedName;
        Blocks = blocks;
        Equations = equations;
        Assignments = assignments;
        InitialAssignments = initialAssignments;
        Partitions = partitions;
        Events = events;
        Clocks = clocks;
        Description = description;
        var offsets = new Dictionary<IrStorage, int>();
        var outputs = 0;
        foreach (var block in blocks)
        {
            var offset = offsets.GetValueOrDefault(block.Storage);
            block.Offset = offset;
            offsets[block.Storage] = offset + block.Count;
            if (block.IsOutput)
            {
                block.OutputOffset = outputs;
                outputs += block.Count;
            }
        }

        StateCount = offsets.GetValueOrDefault(IrStorage.State);
        ParameterCount = offsets.GetValueOrDefault(IrStorage.Parameter);
        InputCount = offsets.GetValueOrDefault(IrStorage.Input);
        AlgebraicCount = offsets.GetValueOrDefault(IrStorage.Algebraic);
        OutputCount = outputs;
    }

    /// <summary>The asset name.</summary>
    public string Name { get; }

    /// <summary>The asset's dotted name including its package.</summary>
    public string QualifiedName { get; }

    /// <summary>The asset's documentation or an empty string.</summary>
    public string Description { get; }

    /// <summary>Every block, in declaration order (components depth-first).</summary>
    public ImmutableArray<IrBlock> Blocks { get; }

    /// <summary>The flattened acausal equations, before sorting (for inspection and the IR dump).</summary>
    public ImmutableArray<IrEquation> Equations { get; }

    /// <summary>The sorted assignments: evaluating them in order computes every unknown and derivative.</summary>
    public ImmutableArray<IrAssignment> Assignments { get; }

    /// <summary>
    /// Algebraic loops solved by Newton's method, each evaluated before the assignment its
    /// <see cref="IrImplicitBlock.InsertBefore"/> names; ordered by that index.
    /// </summary>
    public ImmutableArray<IrImplicitBlock> ImplicitBlocks { get; }

    /// <summary>Coupled or nonlinear initial equations, solved for their states; placed like <see cref="ImplicitBlocks"/> among <see cref="InitialAssignments"/>.</summary>
    public ImmutableArray<IrImplicitBlock> InitialImplicitBlocks { get; }

    /// <summary>Initial equations as assignments to states, run after the start values.</summary>
    public ImmutableArray<IrAssignment> InitialAssignments { get; }

    /// <summary>The declared couplings.</summary>
    public ImmutableArray<IrPartition> Partitions { get; }

    /// <summary>Zero-crossing events (<c>when</c> sections).</summary>
    public ImmutableArray<IrEvent> Events { get; }

    /// <summary>Clocked sections (<c>sampled</c>).</summary>
    public ImmutableArray<IrClock> Clocks { get; }

    /// <summary>Length of the state vector.</summary>
    public int StateCount { get; }

    /// <summary>Length of the parameter vector.</summary>
    public int ParameterCount { get; }

    /// <summary>Length of the input vector.</summary>
    public int InputCount { get; }

    /// <summary>Length of the work vector of algebraic unknowns.</summary>
    public int AlgebraicCount { get; }

    /// <summary>Length of the output vector.</summary>
    public int OutputCount { get; }

    /// <summary>The blocks stored in <paramref name="storage"/>, in offset order.</summary>
    public IEnumerable<IrBlock> BlocksIn(IrStorage storage) => Blocks.Where(b => b.Storage == storage);
}
