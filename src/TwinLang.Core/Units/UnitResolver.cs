using TwinLang.Diagnostics;
using TwinLang.Syntax;
using TwinLang.Text;

namespace TwinLang.Units;

/// <summary>
/// Evaluates unit expressions (<c>W/(m^2*K)</c>, <c>mOhm</c>, <c>1/s</c>) against a <see cref="UnitRegistry"/>.
/// Every problem is reported once, at the smallest node; a unit built from an erroneous part is
/// <see cref="Unit.Error"/> and reports nothing more.
/// </summary>
public sealed class UnitResolver
{
    /// <summary>The largest exponent magnitude accepted in <c>u^n</c>; beyond it units overflow doubles for no gain.</summary>
    public const int MaxExponent = 12;

    private readonly UnitRegistry _registry;

    /// <summary>Creates a resolver over <paramref name="registry"/>.</summary>
    public UnitResolver(UnitRegistry registry)
    {
        _registry = registry;
    }

    /// <summary>
    /// The unit <paramref name="syntax"/> denotes. An affine unit stays affine only when it is the whole
    /// expression (<c>degC</c>); inside a product, quotient or power it counts as a difference (<c>degC/s</c>).
    /// </summary>
    public Unit Resolve(UnitExpressionSyntax syntax, SourceText source, DiagnosticBag diagnostics)
    {
        switch (syntax)
        {
            case UnitNameSyntax name:
                return ResolveName(name, source, diagnostics);
            case UnitOneSyntax:
                return Unit.One;
            case UnitParenthesizedSyntax parenthesized:
                return Resolve(parenthesized.Inner, source, diagnostics);
            case UnitPowerSyntax power:
                return ResolvePower(power, source, diagnostics);
            case UnitBinarySyntax binary:
                var left = Resolve(binary.Left, source, diagnostics);
                var right = Resolve(binary.Right, source, diagnostics);
                if (left.IsError || right.IsError)
                {
                    return Unit.Error;
                }

                return CheckScale(binary.IsDivision ? left.Divide(right) : left.Multiply(right), binary, source, diagnostics);
            case MissingUnitSyntax:
                // The parser reported the missing unit already.
                return Unit.Error;
            default:
                throw new InvalidOperationException($"Unexpected unit syntax {syntax.GetType().Name}.");
        }
    }

    /// <summary>
    /// Converts a number literal and its optional unit to SI; a literal without unit is a dimensionless number.
    /// </summary>
    public UnitLiteral ResolveLiteral(NumberLiteralSyntax literal, SourceText source, DiagnosticBag diagnostics)
    {
        var unit = literal.Unit is null ? Unit.One : Resolve(literal.Unit, source, diagnostics);
        return new UnitLiteral(unit.IsError ? literal.Value : unit.ToSi(literal.Value), unit);
    }

    private Unit ResolveName(UnitNameSyntax name, SourceText source, DiagnosticBag diagnostics)
    {
        var lookup = _registry.Lookup(name.Name);
        switch (lookup.Status)
        {
            case UnitLookupStatus.Found:
                return CheckScale(lookup.Unit, name, source, diagnostics);
            case UnitLookupStatus.PrefixOnAffineUnit:
                var prefix = lookup.Prefix?.Symbol ?? string.Empty;
                var unit = lookup.Definition?.Name ?? name.Name;
                diagnostics.Add(DiagnosticCatalog.At(source, name.Span).PrefixOnAffineUnit(name.Name, prefix, unit));
                return Unit.Error;
            case UnitLookupStatus.Unknown:
                diagnostics.Add(DiagnosticCatalog.At(source, name.Span).UnknownUnit(name.Name, _registry.Suggest(name.Name)));
                return Unit.Error;
            default:
                throw new InvalidOperationException($"Unexpected lookup status {lookup.Status}.");
        }
    }

    private Unit ResolvePower(UnitPowerSyntax power, SourceText source, DiagnosticBag diagnostics)
    {
        var baseUnit = Resolve(power.Base, source, diagnostics);
        if (power.Exponent == 0 || Math.Abs(power.Exponent) > MaxExponent)
        {
            diagnostics.Add(DiagnosticCatalog.At(source, power.Span).InvalidUnitExponent(power.Exponent));
            return Unit.Error;
        }

        if (baseUnit.IsError)
        {
            return Unit.Error;
        }

        if (baseUnit.IsAffine && power.Exponent != 1)
        {
            diagnostics.Add(DiagnosticCatalog.At(source, power.Span).PowerOfAffineUnit(baseUnit.Symbol, power.Exponent));
            return Unit.Error;
        }

        return power.Exponent == 1 ? baseUnit : CheckScale(baseUnit.Pow(power.Exponent), power, source, diagnostics);
    }

    private static Unit CheckScale(Unit unit, SyntaxNode syntax, SourceText source, DiagnosticBag diagnostics)
    {
        if (double.IsFinite(unit.Scale) && unit.Scale > 0)
        {
            return unit;
        }

        diagnostics.Add(DiagnosticCatalog.At(source, syntax.Span).UnitScaleOutOfRange(unit.Symbol));
        return Unit.Error;
    }
}
