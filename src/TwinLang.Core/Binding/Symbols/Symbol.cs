using System.Collections.Immutable;
using TwinLang.Syntax;
using TwinLang.Text;

namespace TwinLang.Binding;

/// <summary>What a symbol declares.</summary>
public enum SymbolKind
{
    /// <summary>A package (dotted name, version).</summary>
    Package,

    /// <summary>A named quantity (a dimension with its display unit).</summary>
    Quantity,

    /// <summary>A declared unit.</summary>
    Unit,

    /// <summary>A built-in type: Real, Int, Bool, String.</summary>
    BuiltinType,

    /// <summary>An enumeration type.</summary>
    Enum,

    /// <summary>A literal of an enumeration.</summary>
    EnumMember,

    /// <summary>A pure function.</summary>
    Function,

    /// <summary>A lookup table.</summary>
    Table,

    /// <summary>A data-driven surrogate term.</summary>
    Surrogate,

    /// <summary>A parameter of a function, table or surrogate.</summary>
    FunctionParameter,

    /// <summary>A <c>let</c> inside a function body.</summary>
    Local,

    /// <summary>A connector type.</summary>
    Connector,

    /// <summary>An asset type.</summary>
    Asset,

    /// <summary>A variable of an asset or connector (any <see cref="VariableKind"/>).</summary>
    Variable,

    /// <summary>A sub-component of an asset.</summary>
    Component,

    /// <summary>A port (connector instance) of an asset.</summary>
    Port,

    /// <summary>A multiscale coupling inside an asset.</summary>
    Coupling,

    /// <summary>A data-assimilation declaration.</summary>
    Assimilation,

    /// <summary>An observation of an assimilation.</summary>
    Observation,

    /// <summary>A scenario (experiment).</summary>
    Scenario,

    /// <summary>An iterator of a for-equation or reduction.</summary>
    Iterator,
}

/// <summary>Where a symbol is declared or used: a source and a span in it.</summary>
public readonly record struct SymbolLocation(SourceText Source, TextSpan Span);

/// <summary>
/// Base of every declared thing. A symbol is created once per declaration and shared by all uses;
/// built-in symbols have no <see cref="Location"/>.
/// </summary>
public abstract class Symbol
{
    private protected Symbol(string name, Symbol? container, SymbolLocation? location)
    {
        Name = name;
        Container = container;
        Location = location;
    }

    /// <summary>The simple name.</summary>
    public string Name { get; }

    /// <summary>What the symbol declares.</summary>
    public abstract SymbolKind Kind { get; }

    /// <summary>The enclosing symbol (package of a top-level declaration, asset of a member), if any.</summary>
    public Symbol? Container { get; }

    /// <summary>The declaring name's location; null for built-ins.</summary>
    public SymbolLocation? Location { get; }

    /// <summary>The <c>///</c> documentation, if any.</summary>
    public string? DocComment { get; init; }

    /// <summary>The annotations written on the declaration (<c>@semantic("...")</c>).</summary>
    public ImmutableArray<AnnotationSyntax> Annotations { get; init; } = ImmutableArray<AnnotationSyntax>.Empty;

    /// <summary>The value of <c>@semantic("...")</c>, if present.</summary>
    public string? SemanticId =>
        Annotations.FirstOrDefault(a => a.Name.Text == "semantic") is { Arguments: [{ Value: StringLiteralSyntax s }, ..] } ? s.Value : null;

    /// <summary>The dotted name from the package down, e.g. <c>energy.battery.Cell.soc</c>.</summary>
    public string QualifiedName =>
        Container is null || Container.Name.Length == 0 ? Name : $"{Container.QualifiedName}.{Name}";

    /// <inheritdoc />
    public override string ToString() => $"{Kind} {QualifiedName}";
}
