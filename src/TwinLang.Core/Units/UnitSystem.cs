using TwinLang.Diagnostics;
using TwinLang.Syntax;
using TwinLang.Text;

namespace TwinLang.Units;

/// <summary>
/// The units and quantities of one compilation, and the entry point the binder uses: build it once from
/// every syntax tree (standard library first), then resolve unit expressions and literals against it.
/// Unit and quantity names are global to the compilation, whatever the package: the standard ones are a
/// prelude, in scope without an import.
/// </summary>
public sealed class UnitSystem
{
    private readonly UnitResolver _resolver;

    private UnitSystem(UnitRegistry units, QuantityRegistry quantities)
    {
        Units = units;
        Quantities = quantities;
        _resolver = new UnitResolver(units);
    }

    /// <summary>The named units (built-in and declared).</summary>
    public UnitRegistry Units { get; }

    /// <summary>The named quantities.</summary>
    public QuantityRegistry Quantities { get; }

    /// <summary>
    /// Defines every <c>unit</c> and <c>quantity</c> declaration of <paramref name="trees"/> and reports
    /// TW2000..TW2049 problems into <paramref name="diagnostics"/>. Trees are read in the order given: on a
    /// duplicate name the first declaration wins and the later one is reported, so pass the standard
    /// library's trees first.
    /// </summary>
    public static UnitSystem Build(IEnumerable<SyntaxTree> trees, DiagnosticBag diagnostics)
    {
        var (units, quantities) = UnitDeclarationEvaluator.Evaluate(trees, diagnostics);
        return new UnitSystem(units, quantities);
    }

    /// <summary>
    /// The unit <paramref name="syntax"/> denotes, or <see cref="Unit.Error"/> after reporting why not.
    /// Used for <c>unit = ...</c> modifiers and any unit written apart from a literal.
    /// </summary>
    public Unit Resolve(UnitExpressionSyntax syntax, SourceText source, DiagnosticBag diagnostics) =>
        _resolver.Resolve(syntax, source, diagnostics);

    /// <summary>
    /// A number literal in SI: its value, dimension, and whether it is an absolute affine value
    /// (<c>25 degC</c> → 298.15, absolute; <c>0.5 degC/s</c> → 0.5, a rate).
    /// </summary>
    public UnitLiteral ResolveLiteral(NumberLiteralSyntax literal, SourceText source, DiagnosticBag diagnostics) =>
        _resolver.ResolveLiteral(literal, source, diagnostics);

    /// <summary>
    /// A dimension for messages: <c>'Voltage' (V)</c> when a quantity has it, else <c>'kg*m^2/(s^3*A)'</c>.
    /// </summary>
    public string Describe(Dimension dimension) => Quantities.Describe(dimension);
}
