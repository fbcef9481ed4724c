using System.Globalization;

namespace TwinLang.Runtime.Solvers;

/// <summary>How to integrate: the method, its tolerances and its limits.</summary>
public sealed record SolverOptions
{
    /// <summary>The method.</summary>
    public SolverKind Kind { get; init; } = SolverKind.DormandPrince5;

    /// <summary>The relative tolerance for every state, unless <see cref="RelativeTolerances"/> is given.</summary>
    public double RelativeTolerance { get; init; } = 1e-6;

    /// <summary>The absolute tolerance (SI units of each state) for every state, unless <see cref="AbsoluteTolerances"/> is given.</summary>
    public double AbsoluteTolerance { get; init; } = 1e-9;

    /// <summary>Per-state relative tolerances (one per state), overriding <see cref="RelativeTolerance"/>.</summary>
    public IReadOnlyList<double>? RelativeTolerances { get; init; }

    /// <summary>Per-state absolute tolerances (one per state), overriding <see cref="AbsoluteTolerance"/>.</summary>
    public IReadOnlyList<double>? AbsoluteTolerances { get; init; }

    /// <summary>
    /// The step size of a fixed-step run. Required for Euler and RK4; for Dormand–Prince and the Rosenbrock methods it
    /// switches error control off and takes steps of exactly this size (the last one before a time limit may be
    /// shorter); <c>auto</c> takes none.
    /// </summary>
    public double? FixedStep { get; init; }

    /// <summary>The first step of an adaptive run; chosen automatically (Hairer's algorithm) when null.</summary>
    public double? InitialStep { get; init; }

    /// <summary>The largest step an adaptive run may take.</summary>
    public double MaxStep { get; init; } = double.PositiveInfinity;

    /// <summary>The most step attempts (accepted plus rejected) one run may make.</summary>
    public long MaxSteps { get; init; } = 1_000_000;

    /// <summary>The step-size controller of an adaptive run.</summary>
    public StepSizeController Controller { get; init; } = StepSizeController.Default;

    /// <summary>Whether the run uses error control (Dormand–Prince, a Rosenbrock method or auto, without a fixed step).</summary>
    public bool IsAdaptive => HasErrorControl(Kind) && FixedStep is null;

    /// <summary>A message describing the first invalid setting for a system of <paramref name="dimension"/> states, or null.</summary>
    public string? Validate(int dimension)
    {
        if (FixedStep is { } step && !(step > 0 && double.IsFinite(step)))
        {
            return $"The fixed step must be positive and finite but is {Format(step)}.";
        }

        if (FixedStep is not null && Kind == SolverKind.Auto)
        {
            return "The solver 'auto' chooses its own steps and takes no fixed step size.";
        }

        if (FixedStep is null && !HasErrorControl(Kind))
        {
            return $"The solver '{SolverKindNames.Name(Kind)}' needs a fixed step size.";
        }

        if (InitialStep is { } initial && !(initial > 0 && double.IsFinite(initial)))
        {
            return $"The initial step must be positive and finite but is {Format(initial)}.";
        }

        if (!(MaxStep > 0))
        {
            return $"The maximum step must be positive but is {Format(MaxStep)}.";
        }

        if (MaxSteps <= 0)
        {
            return $"The maximum number of steps must be positive but is {MaxSteps.ToString(CultureInfo.InvariantCulture)}.";
        }

        return ValidateTolerances("relative", RelativeTolerance, RelativeTolerances, dimension)
            ?? ValidateTolerances("absolute", AbsoluteTolerance, AbsoluteTolerances, dimension)
            ?? Controller.Validate();
    }

    private static bool HasErrorControl(SolverKind kind) =>
        kind is SolverKind.DormandPrince5 or SolverKind.Rodas3 or SolverKind.Rodas4 or SolverKind.Auto;

    /// <summary>Expands the relative tolerances to one per state.</summary>
    internal double[] RelativeTolerancesFor(int dimension) => Expand(RelativeTolerance, RelativeTolerances, dimension);

    /// <summary>Expands the absolute tolerances to one per state.</summary>
    internal double[] AbsoluteTolerancesFor(int dimension) => Expand(AbsoluteTolerance, AbsoluteTolerances, dimension);

    private static double[] Expand(double scalar, IReadOnlyList<double>? perState, int dimension)
    {
        var values = new double[dimension];
        for (var i = 0; i < dimension; i++)
        {
            values[i] = perState is null ? scalar : perState[i];
        }

        return values;
    }

    private static string? ValidateTolerances(string which, double scalar, IReadOnlyList<double>? perState, int dimension)
    {
        if (perState is null)
        {
            return scalar >= 0 && double.IsFinite(scalar)
                ? null
                : $"The {which} tolerance must be non-negative and finite but is {Format(scalar)}.";
        }

        if (perState.Count != dimension)
        {
            return $"Expected {dimension.ToString(CultureInfo.InvariantCulture)} {which} tolerances, one per state, but found {perState.Count.ToString(CultureInfo.InvariantCulture)}.";
        }

        for (var i = 0; i < perState.Count; i++)
        {
            if (!(perState[i] >= 0 && double.IsFinite(perState[i])))
            {
                return $"The {which} tolerance of state {i.ToString(CultureInfo.InvariantCulture)} must be non-negative and finite but is {Format(perState[i])}.";
            }
        }

        return null;
    }

    private static string Format(double value) => value.ToString(CultureInfo.InvariantCulture);
}
