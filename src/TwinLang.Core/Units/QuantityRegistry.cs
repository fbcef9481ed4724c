using System.Diagnostics.CodeAnalysis;

namespace TwinLang.Units;

/// <summary>
/// The quantities of one compilation by name, and the reverse: the quantity to name a dimension by in
/// messages. Several quantities can share a dimension (<c>Energy</c> and <c>Torque</c>); the first one
/// defined names it, so the standard library lists the more common quantity first.
/// </summary>
public sealed class QuantityRegistry
{
    private readonly Dictionary<string, Quantity> _byName = new(StringComparer.Ordinal);
    private readonly Dictionary<Dimension, Quantity> _byDimension = [];

    /// <summary>Every name, ordinal order; for completion lists.</summary>
    public IReadOnlyList<string> Names => _byName.Keys.Order(StringComparer.Ordinal).ToList();

    /// <summary>Adds a quantity; false (and nothing changes) when the name is already defined.</summary>
    public bool Define(Quantity quantity)
    {
        if (!_byName.TryAdd(quantity.Name, quantity))
        {
            return false;
        }

        if (!quantity.IsError)
        {
            _byDimension.TryAdd(quantity.Dimension, quantity);
        }

        return true;
    }

    /// <summary>The quantity named <paramref name="name"/>.</summary>
    public bool TryGet(string name, [NotNullWhen(true)] out Quantity? quantity) => _byName.TryGetValue(name, out quantity);

    /// <summary>The quantity that names <paramref name="dimension"/> in messages, or null when none has it.</summary>
    public Quantity? FindByDimension(Dimension dimension) => _byDimension.GetValueOrDefault(dimension);

    /// <summary>
    /// A dimension as messages show it: <c>'Voltage' (V)</c> when a quantity has it, else its SI base form
    /// <c>'kg*m^2/(s^3*A)'</c>.
    /// </summary>
    public string Describe(Dimension dimension) =>
        FindByDimension(dimension) is { } quantity
            ? $"'{quantity.Name}' ({quantity.Unit.Symbol})"
            : $"'{dimension}'";
}
