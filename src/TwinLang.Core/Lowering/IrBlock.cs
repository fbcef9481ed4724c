using System.Collections.Immutable;
using System.Globalization;
using System.Text;

namespace TwinLang.Lowering;

/// <summary>Where the values of a block live in the generated model.</summary>
public enum IrStorage
{
    /// <summary>A continuous state: the state vector; its derivative goes to the derivative vector.</summary>
    State,

    /// <summary>A parameter: <c>ParameterValues</c>, overridable before a run.</summary>
    Parameter,

    /// <summary>An input of the flattened model: <c>InputValues</c>, written by the driver.</summary>
    Input,

    /// <summary>A discrete variable: changes only in events and clock ticks, held (known) in between.</summary>
    Discrete,

    /// <summary>An unknown computed by the sorted equations (outputs, variables, set sub-component inputs, port variables).</summary>
    Algebraic,
}

/// <summary>One segment of a flattened name: <c>cells</c> with one dimension, then <c>soc</c> with none.</summary>
public sealed record IrNameSegment(string Name, int Rank);

/// <summary>
/// A variable of the flattened model with all its elements: a scalar, or every element of a component array
/// (<c>cells[1..n].soc</c>) stored contiguously. Blocks keep arrays as arrays: the IR never holds one entry per
/// element, so its size does not grow with array sizes.
/// </summary>
public sealed class IrBlock
{
    /// <summary>Creates a block.</summary>
    public IrBlock(ImmutableArray<IrNameSegment> name, ImmutableArray<int> sizes, IrStorage storage, bool isOutput, string unit, string description, IrOrigin origin)
    {
        NameSegments = name;
        Sizes = sizes;
        Storage = storage;
        IsOutput = isOutput;
        Unit = unit;
        Description = description;
        Origin = origin;
    }

    /// <summary>The flattened name, one segment per component level.</summary>
    public ImmutableArray<IrNameSegment> NameSegments { get; }

    /// <summary>The size of each dimension, outermost first (empty for a scalar).</summary>
    public ImmutableArray<int> Sizes { get; }

    /// <summary>Where the values live.</summary>
    public IrStorage Storage { get; internal set; }

    /// <summary>True when the block is reported in the model's outputs.</summary>
    public bool IsOutput { get; }

    /// <summary>The SI unit of the values (empty for dimensionless).</summary>
    public string Unit { get; }

    /// <summary>The description or documentation, as the user wrote it (never trusted as code).</summary>
    public string Description { get; }

    /// <summary>The declaration.</summary>
    public IrOrigin Origin { get; }

    /// <summary>Offset of element 0 within its storage, assigned by <see cref="IrModel"/>.</summary>
    public int Offset { get; internal set; }

    /// <summary>Offset of element 0 within the output vector, or -1.</summary>
    public int OutputOffset { get; internal set; } = -1;

    /// <summary>
    /// The start value (state), default (parameter, input). May read parameters (states' start values are
    /// evaluated in <c>InitialState</c>); for parameters and inputs it is a constant.
    /// </summary>
    public IrExpression? Start { get; internal set; }

    /// <summary>The number of elements.</summary>
    public int Count
    {
        get
        {
            var count = 1;
            foreach (var size in Sizes)
            {
                count = checked(count * size);
            }

            return count;
        }
    }

    /// <summary>The name without indices, e.g. <c>cells[].soc</c>.</summary>
    public string DisplayName => string.Join(".", NameSegments.Select(s => s.Rank == 0 ? s.Name : s.Name + "[]"));

    /// <summary>The name of element <paramref name="flatIndex"/> (0-based, row-major), e.g. <c>cells[3].soc</c>.</summary>
    public string ElementName(int flatIndex)
    {
        var indices = new int[Sizes.Length];
        for (var k = Sizes.Length - 1; k >= 0; k--)
        {
            indices[k] = (flatIndex % Sizes[k]) + 1;
            flatIndex /= Sizes[k];
        }

        var builder = new StringBuilder();
        var next = 0;
        foreach (var segment in NameSegments)
        {
            if (builder.Length > 0)
            {
                builder.Append('.');
            }

            builder.Append(segment.Name);
            if (segment.Rank > 0)
            {
                builder.Append('[');
                for (var r = 0; r < segment.Rank; r++)
                {
                    builder.Append(r > 0 ? ", " : string.Empty).Append(indices[next++].ToString(CultureInfo.InvariantCulture));
                }

                builder.Append(']');
            }
        }

        return builder.ToString();
    }

    /// <inheritdoc />
    public override string ToString() => DisplayName;
}

/// <summary>A loop index with a constant range (inclusive); sizes are structural, so ranges are known when lowering.</summary>
public sealed class IrLoop
{
    /// <summary>Creates a loop.</summary>
    public IrLoop(string name, int start, int end)
    {
        Name = name;
        Start = start;
        End = end;
    }

    /// <summary>The iterator name from the source (or a generated one).</summary>
    public string Name { get; }

    /// <summary>First value.</summary>
    public int Start { get; }

    /// <summary>Last value (inclusive).</summary>
    public int End { get; }

    /// <summary>The number of iterations (0 when empty).</summary>
    public int Count => Math.Max(0, End - Start + 1);

    /// <inheritdoc />
    public override string ToString() => $"{Name} in {Start.ToString(CultureInfo.InvariantCulture)}..{End.ToString(CultureInfo.InvariantCulture)}";
}

/// <summary>A lookup table: strictly increasing abscissae with their values, in SI.</summary>
public sealed record IrTable(string Name, ImmutableArray<double> Inputs, ImmutableArray<double> Outputs, bool Hold, bool ExtrapolateLinearly)
{
    /// <inheritdoc />
    public bool Equals(IrTable? other) => ReferenceEquals(this, other);

    /// <inheritdoc />
    public override int GetHashCode() => System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(this);
}

/// <summary>Where an IR element came from: file path, 1-based line and the source text of the construct (for comments and messages).</summary>
public sealed record IrOrigin(string Path, int Line, string Text, TwinLang.Text.SourceText Source, TwinLang.Text.TextSpan Span)
{
    /// <summary>"file:line" for comments in generated code.</summary>
    public string Display => $"{(Path.Length == 0 ? "<input>" : System.IO.Path.GetFileName(Path))}:{Line.ToString(CultureInfo.InvariantCulture)}";
}
