using TwinLang.Syntax;

namespace TwinLang.Binding;

/// <summary><c>coupling thermal between cells (step 1 s) and coolant (step 60 s) { ... }</c>.</summary>
public sealed class CouplingSymbol : Symbol
{
    internal CouplingSymbol(AssetSymbol container, SymbolLocation location, CouplingSyntax syntax)
        : base(syntax.Name.Text, container, location)
    {
        Syntax = syntax;
    }

    /// <inheritdoc />
    public override SymbolKind Kind => SymbolKind.Coupling;

    /// <summary>The declaration.</summary>
    public CouplingSyntax Syntax { get; }

    /// <summary>The first (usually fine-grained) side's component, when it resolved.</summary>
    public ComponentSymbol? First { get; internal set; }

    /// <summary>The second (usually coarse) side's component, when it resolved.</summary>
    public ComponentSymbol? Second { get; internal set; }
}

/// <summary><c>assimilation PackEstimator for Pack { ... }</c>.</summary>
public sealed class AssimilationSymbol : Symbol
{
    private readonly List<ObservationSymbol> _observations = [];

    internal AssimilationSymbol(Symbol container, SymbolLocation location, AssimilationDeclarationSyntax syntax)
        : base(syntax.Name.Text, container, location)
    {
        Syntax = syntax;
    }

    /// <inheritdoc />
    public override SymbolKind Kind => SymbolKind.Assimilation;

    /// <summary>The declaration.</summary>
    public AssimilationDeclarationSyntax Syntax { get; }

    /// <summary>The asset being estimated, when it resolved.</summary>
    public AssetSymbol? Target { get; internal set; }

    /// <summary>The observations in order.</summary>
    public IReadOnlyList<ObservationSymbol> Observations => _observations;

    /// <summary>The filter name (ekf, ukf, ensemble, letkf, particle), when written.</summary>
    public string? FilterName { get; internal set; }

    internal void Add(ObservationSymbol observation) => _observations.Add(observation);
}

/// <summary><c>observe v_meas ~ normal(...)</c>: one measured signal.</summary>
public sealed class ObservationSymbol : Symbol
{
    internal ObservationSymbol(AssimilationSymbol container, SymbolLocation location, ObserveSyntax syntax)
        : base(syntax.Name.Text, container, location)
    {
        Syntax = syntax;
    }

    /// <inheritdoc />
    public override SymbolKind Kind => SymbolKind.Observation;

    /// <summary>The declaration.</summary>
    public ObserveSyntax Syntax { get; }

    /// <summary>The type of the observed quantity (the distribution's mean).</summary>
    public TwinType Type { get; internal set; } = ErrorType.Instance;
}

/// <summary><c>scenario Discharge for Cell { ... }</c>.</summary>
public sealed class ScenarioSymbol : Symbol
{
    internal ScenarioSymbol(Symbol container, SymbolLocation location, ScenarioDeclarationSyntax syntax)
        : base(syntax.Name.Text, container, location)
    {
        Syntax = syntax;
    }

    /// <inheritdoc />
    public override SymbolKind Kind => SymbolKind.Scenario;

    /// <summary>The declaration.</summary>
    public ScenarioDeclarationSyntax Syntax { get; }

    /// <summary>The asset simulated, when it resolved.</summary>
    public AssetSymbol? Target { get; internal set; }

    /// <summary>The solver name, when written.</summary>
    public string? SolverName { get; internal set; }
}
