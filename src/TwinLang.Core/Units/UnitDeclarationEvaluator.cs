using TwinLang.Diagnostics;
using TwinLang.Syntax;
using TwinLang.Text;

namespace TwinLang.Units;

/// <summary>
/// Defines the unit and quantity declarations of a whole compilation. Units may refer to units declared
/// later or in other files, so they are defined in dependency order (depth first, in declaration order
/// for determinism); a cycle is reported once and its members become <see cref="Unit.Error"/> so that
/// nothing downstream reports again. Quantities come after all units.
/// </summary>
internal sealed class UnitDeclarationEvaluator
{
    private readonly UnitRegistry _units = new();
    private readonly QuantityRegistry _quantities = new();
    private readonly UnitResolver _resolver;
    private readonly DiagnosticBag _diagnostics;
    private readonly Dictionary<string, (SourceText Source, UnitDeclarationSyntax Declaration)> _pending = new(StringComparer.Ordinal);
    private readonly HashSet<string> _visiting = new(StringComparer.Ordinal);
    private readonly List<string> _stack = [];

    private UnitDeclarationEvaluator(DiagnosticBag diagnostics)
    {
        _diagnostics = diagnostics;
        _resolver = new UnitResolver(_units);
    }

    /// <summary>Evaluates the declarations of <paramref name="trees"/>, in the order given.</summary>
    public static (UnitRegistry Units, QuantityRegistry Quantities) Evaluate(IEnumerable<SyntaxTree> trees, DiagnosticBag diagnostics)
    {
        var evaluator = new UnitDeclarationEvaluator(diagnostics);
        var treeList = trees.ToList();
        var unitDeclarations = Declarations<UnitDeclarationSyntax>(treeList);
        evaluator.DefineUnits(unitDeclarations);
        evaluator.DefineQuantities(Declarations<QuantityDeclarationSyntax>(treeList));
        return (evaluator._units, evaluator._quantities);
    }

    private static List<(SourceText Source, T Declaration)> Declarations<T>(List<SyntaxTree> trees)
        where T : DeclarationSyntax =>
        trees.SelectMany(t => t.Root.Members.OfType<T>()
                .Where(d => !d.Name.IsMissing && d.Name.Text.Length > 0)
                .Select(d => (t.Text, d)))
            .ToList();

    private void DefineUnits(List<(SourceText Source, UnitDeclarationSyntax Declaration)> declarations)
    {
        var order = new List<string>();
        foreach (var (source, declaration) in declarations)
        {
            var name = declaration.Name.Text;
            if (_units.TryGetDefinition(name, out var builtIn) || _pending.ContainsKey(name))
            {
                _diagnostics.Add(DiagnosticCatalog.At(source, declaration.Name.Span).DuplicateUnit(name, builtIn is not null));
                continue;
            }

            _pending.Add(name, (source, declaration));
            order.Add(name);
        }

        foreach (var name in order)
        {
            Visit(name);
        }
    }

    private void Visit(string name)
    {
        if (_units.IsDefined(name))
        {
            return;
        }

        if (_visiting.Contains(name))
        {
            ReportCycle(name);
            return;
        }

        _visiting.Add(name);
        _stack.Add(name);
        foreach (var dependency in Dependencies(_pending[name].Declaration))
        {
            Visit(dependency);
        }

        _stack.RemoveAt(_stack.Count - 1);
        _visiting.Remove(name);
        if (!_units.IsDefined(name))
        {
            var (source, declaration) = _pending[name];
            _units.Define(new UnitDefinition(name, Evaluate(source, declaration), Describe(declaration), declaration, source));
        }
    }

    private void ReportCycle(string name)
    {
        var members = _stack.Skip(_stack.IndexOf(name)).ToList();
        var (source, declaration) = _pending[name];
        _diagnostics.Add(DiagnosticCatalog.At(source, declaration.Name.Span).UnitCycle(name, [.. members, name]));
        foreach (var member in members)
        {
            var (memberSource, memberDeclaration) = _pending[member];
            _units.Define(new UnitDefinition(member, Unit.Error, Describe(memberDeclaration), memberDeclaration, memberSource));
        }
    }

    // The pending declarations a declaration's unit expression may refer to. The set of names is known before
    // any is defined, but whether a prefix reading is valid (the named unit is not affine) is not, so every
    // pending prefix reading counts: whichever UnitRegistry.Lookup picks is then defined first.
    private IEnumerable<string> Dependencies(UnitDeclarationSyntax declaration)
    {
        IEnumerable<SyntaxNode> roots = [.. OptionalNode(declaration.Scale?.Unit), .. OptionalNode(declaration.Unit)];
        foreach (var name in roots.SelectMany(r => r.DescendantsAndSelf()).OfType<UnitNameSyntax>())
        {
            if (_pending.ContainsKey(name.Name) || _units.IsDefined(name.Name))
            {
                yield return name.Name;
                continue;
            }

            foreach (var (_, target) in UnitRegistry.PrefixReadings(name.Name).Where(r => _pending.ContainsKey(r.Name)))
            {
                yield return target;
            }
        }
    }

    private static IEnumerable<SyntaxNode> OptionalNode(SyntaxNode? node) => node is null ? [] : [node];

    private Unit Evaluate(SourceText source, UnitDeclarationSyntax declaration)
    {
        var name = declaration.Name.Text;
        var expression = declaration.Unit ?? declaration.Scale?.Unit;
        var baseUnit = expression is null ? Unit.One : _resolver.Resolve(expression, source, _diagnostics);
        if (declaration.Unit is not null && declaration.Scale?.Unit is { } scaleUnit)
        {
            // A parser may attach the unit to the factor's literal ("3600 s") and leave Unit empty, or split
            // them; when both are present they multiply.
            baseUnit = baseUnit.Multiply(_resolver.Resolve(scaleUnit, source, _diagnostics));
        }

        if (baseUnit.IsError)
        {
            return Unit.Error;
        }

        var scale = declaration.Scale?.Value ?? 1.0;
        if (declaration.Scale is { } scaleSyntax && !(double.IsFinite(scale) && scale > 0))
        {
            _diagnostics.Add(DiagnosticCatalog.At(source, scaleSyntax.Span).NonPositiveUnitScale(name, scaleSyntax.Text));
            return Unit.Error;
        }

        Unit unit;
        if (declaration.Offset is { } offset)
        {
            var span = expression?.Span ?? offset.Span;
            if (Unwrap(expression) is not UnitNameSyntax || baseUnit.IsAffine)
            {
                _diagnostics.Add(DiagnosticCatalog.At(source, span).OffsetOnDerivedUnit(name, baseUnit.Symbol));
                return Unit.Error;
            }

            if (baseUnit.Dimension != Dimension.TemperatureDimension)
            {
                _diagnostics.Add(DiagnosticCatalog.At(source, span).OffsetOnNonTemperatureUnit(name, $"'{baseUnit.Dimension}'"));
                return Unit.Error;
            }

            // "unit degF = degR offset 459.67": x degF is (x + 459.67) degR, so the SI offset is the offset
            // times the unit's own factor.
            var siScale = scale * baseUnit.Scale;
            unit = new Unit(name, baseUnit.Dimension, siScale, offset.Value * siScale);
        }
        else if (baseUnit.IsAffine)
        {
            if (declaration.Scale is not null)
            {
                _diagnostics.Add(DiagnosticCatalog.At(source, declaration.Scale.Span.Union(expression?.Span ?? declaration.Scale.Span)).ScaledAffineUnit(name, baseUnit.Symbol));
                return Unit.Error;
            }

            unit = baseUnit.WithSymbol(name);
        }
        else
        {
            unit = new Unit(name, baseUnit.Dimension, scale * baseUnit.Scale);
        }

        if (!double.IsFinite(unit.Scale) || unit.Scale <= 0 || !double.IsFinite(unit.Offset))
        {
            _diagnostics.Add(DiagnosticCatalog.At(source, declaration.Name.Span).UnitScaleOutOfRange(name));
            return Unit.Error;
        }

        return unit;
    }

    private void DefineQuantities(List<(SourceText Source, QuantityDeclarationSyntax Declaration)> declarations)
    {
        foreach (var (source, declaration) in declarations)
        {
            var name = declaration.Name.Text;
            if (_quantities.TryGet(name, out _))
            {
                _diagnostics.Add(DiagnosticCatalog.At(source, declaration.Name.Span).DuplicateQuantity(name));
                continue;
            }

            var unit = _resolver.Resolve(declaration.Unit, source, _diagnostics);
            _quantities.Define(new Quantity(name, unit, declaration.Description?.Value ?? declaration.DocComment, declaration, source));
        }
    }

    private static UnitExpressionSyntax? Unwrap(UnitExpressionSyntax? expression) =>
        expression is UnitParenthesizedSyntax parenthesized ? Unwrap(parenthesized.Inner) : expression;

    private static string? Describe(UnitDeclarationSyntax declaration) =>
        declaration.Description?.Value ?? declaration.DocComment;
}
