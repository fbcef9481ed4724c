using System.Collections.Immutable;

namespace TwinLang.Lowering;

/// <summary>An immutable list of expressions with structural equality, so IR records compare by value.</summary>
public sealed class IrExpressionList : IEquatable<IrExpressionList>
{
    /// <summary>Wraps <paramref name="items"/>.</summary>
    public IrExpressionList(ImmutableArray<IrExpression> items) => Items = items;

    /// <summary>The expressions.</summary>
    public ImmutableArray<IrExpression> Items { get; }

    /// <inheritdoc />
    public bool Equals(IrExpressionList? other) => other is not null && Items.SequenceEqual(other.Items);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as IrExpressionList);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var item in Items)
        {
            hash.Add(item);
        }

        return hash.ToHashCode();
    }
}

/// <summary>The indices of a variable reference (one per block dimension), with structural equality.</summary>
public sealed class IrIndexList : IEquatable<IrIndexList>
{
    /// <summary>No indices (a scalar).</summary>
    public static readonly IrIndexList Empty = new([]);

    /// <summary>Wraps <paramref name="items"/>.</summary>
    public IrIndexList(ImmutableArray<IrExpression> items) => Items = items;

    /// <summary>The 1-based index expressions.</summary>
    public ImmutableArray<IrExpression> Items { get; }

    /// <inheritdoc />
    public bool Equals(IrIndexList? other) => other is not null && Items.SequenceEqual(other.Items);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as IrIndexList);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var item in Items)
        {
            hash.Add(item);
        }

        return hash.ToHashCode();
    }
}
