using System.Collections.Immutable;
using System.Globalization;
using TwinLang.Units;

namespace TwinLang.Binding;

/// <summary>
/// The type of a variable or expression. Units are part of types: a real carries its dimension and,
/// when declared with one, its quantity (STYLE.md: the bound tree follows the semantics).
/// </summary>
public abstract class TwinType
{
    /// <summary>The type as messages and hovers show it.</summary>
    public abstract string DisplayName { get; }

    /// <summary>True for <see cref="ErrorType"/>: the expression already has a reported error.</summary>
    public bool IsError => this is ErrorType;

    /// <summary>True for Real and Int (numbers that take part in arithmetic).</summary>
    public bool IsNumeric => this is RealType or IntType;

    /// <summary>The element type of an array, or the type itself.</summary>
    public TwinType ElementType => this is ArrayType a ? a.Element : this;

    /// <inheritdoc />
    public override string ToString() => DisplayName;
}

/// <summary>A real number with a dimension; <see cref="Quantity"/> names it when declared so.</summary>
public sealed class RealType : TwinType
{
    /// <summary>Dimensionless <c>Real</c>.</summary>
    public static readonly RealType Dimensionless = new(Dimension.None, null);

    /// <summary>Creates a real of the given dimension.</summary>
    public RealType(Dimension dimension, QuantitySymbol? quantity)
    {
        Dimension = dimension;
        Quantity = quantity;
    }

    /// <summary>The physical dimension.</summary>
    public Dimension Dimension { get; }

    /// <summary>The declared quantity, if the variable was declared with one.</summary>
    public QuantitySymbol? Quantity { get; }

    /// <inheritdoc />
    public override string DisplayName => Quantity?.Name ?? "Real";
}

/// <summary>An integer (dimensionless).</summary>
public sealed class IntType : TwinType
{
    /// <summary>The one instance.</summary>
    public static readonly IntType Instance = new();

    private IntType()
    {
    }

    /// <inheritdoc />
    public override string DisplayName => "Int";
}

/// <summary>A Boolean.</summary>
public sealed class BoolType : TwinType
{
    /// <summary>The one instance.</summary>
    public static readonly BoolType Instance = new();

    private BoolType()
    {
    }

    /// <inheritdoc />
    public override string DisplayName => "Bool";
}

/// <summary>A string.</summary>
public sealed class StringType : TwinType
{
    /// <summary>The one instance.</summary>
    public static readonly StringType Instance = new();

    private StringType()
    {
    }

    /// <inheritdoc />
    public override string DisplayName => "String";
}

/// <summary>An enumeration.</summary>
public sealed class EnumType : TwinType
{
    internal EnumType(EnumSymbol symbol) => Symbol = symbol;

    /// <summary>The enumeration declaration.</summary>
    public EnumSymbol Symbol { get; }

    /// <inheritdoc />
    public override string DisplayName => Symbol.Name;
}

/// <summary>An asset or connector instance.</summary>
public sealed class ObjectType : TwinType
{
    internal ObjectType(StructuredTypeSymbol symbol) => Symbol = symbol;

    /// <summary>The asset or connector declaration.</summary>
    public StructuredTypeSymbol Symbol { get; }

    /// <inheritdoc />
    public override string DisplayName => Symbol.Name;
}

/// <summary>An array; a size is null when it is not a known constant.</summary>
public sealed class ArrayType : TwinType
{
    /// <summary>Creates an array type; nested arrays are flattened into one element type with more sizes.</summary>
    public ArrayType(TwinType element, ImmutableArray<int?> sizes)
    {
        if (element is ArrayType inner)
        {
            Element = inner.Element;
            Sizes = sizes.AddRange(inner.Sizes);
        }
        else
        {
            Element = element;
            Sizes = sizes;
        }
    }

    /// <summary>The scalar element type.</summary>
    public TwinType Element { get; }

    /// <summary>The size of each dimension, outermost first.</summary>
    public ImmutableArray<int?> Sizes { get; }

    /// <summary>Number of dimensions.</summary>
    public int Rank => Sizes.Length;

    /// <summary>The number of elements, or null when a size is unknown.</summary>
    public long? ElementCount
    {
        get
        {
            long count = 1;
            foreach (var size in Sizes)
            {
                if (size is not { } known)
                {
                    return null;
                }

                count *= known;
            }

            return count;
        }
    }

    /// <inheritdoc />
    public override string DisplayName =>
        $"{Element.DisplayName}[{string.Join(", ", Sizes.Select(s => s?.ToString(CultureInfo.InvariantCulture) ?? "?"))}]";
}

/// <summary>The type of an expression that already has an error; nothing more is reported about it.</summary>
public sealed class ErrorType : TwinType
{
    /// <summary>The one instance.</summary>
    public static readonly ErrorType Instance = new();

    private ErrorType()
    {
    }

    /// <inheritdoc />
    public override string DisplayName => "?";
}
