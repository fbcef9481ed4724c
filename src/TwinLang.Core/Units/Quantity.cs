using TwinLang.Syntax;
using TwinLang.Text;

namespace TwinLang.Units;

/// <summary>
/// A named dimension with its display unit: <c>quantity Voltage = V "electric potential difference"</c>.
/// Values of a quantity are held in SI; <see cref="Unit"/> is how they are shown by default.
/// </summary>
public sealed record Quantity(string Name, Unit Unit, string? Description, QuantityDeclarationSyntax? Declaration = null, SourceText? Source = null)
{
    /// <summary>The dimension every value of the quantity has.</summary>
    public Dimension Dimension => Unit.Dimension;

    /// <summary>True when the display unit could not be resolved (a diagnostic was reported).</summary>
    public bool IsError => Unit.IsError;
}
