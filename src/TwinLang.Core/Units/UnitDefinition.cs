using TwinLang.Syntax;
using TwinLang.Text;

namespace TwinLang.Units;

/// <summary>
/// One named unit of a <see cref="UnitRegistry"/>: built in (<c>m</c>, <c>kg</c>, ...) or declared by a
/// <c>unit</c> declaration, whose syntax and source are kept for hover and go-to-definition.
/// </summary>
public sealed record UnitDefinition(string Name, Unit Unit, string? Description, UnitDeclarationSyntax? Declaration = null, SourceText? Source = null)
{
    /// <summary>True for the units the compiler knows without any declaration.</summary>
    public bool IsBuiltIn => Declaration is null;

    /// <summary>
    /// False for affine units and for <c>kg</c>: the SI prefixes the gram, never the kilogram
    /// (<c>mg</c>, not <c>ukg</c>).
    /// </summary>
    public bool AcceptsPrefix => !Unit.IsAffine && Name != "kg";
}
