namespace TwinLang.Runtime.Solvers;

/// <summary>Creates the solver a <see cref="SolverOptions"/> asks for.</summary>
public static class SolverFactory
{
    /// <summary>
    /// Creates the solver for <paramref name="system"/>. The options must be valid
    /// (<see cref="SolverOptions.Validate"/> returned null).
    /// </summary>
    public static OdeSolver Create(IOdeSystem system, SolverOptions options) => options.Kind switch
    {
        SolverKind.ExplicitEuler => new ExplicitEulerSolver(system, options),
        SolverKind.RungeKutta4 => new RungeKutta4Solver(system, options),
        SolverKind.DormandPrince5 => new DormandPrince5Solver(system, options),
        SolverKind.Rodas3 => new RosenbrockSolver(system, options, RosenbrockTableau.Rodas3),
        SolverKind.Rodas4 => new RosenbrockSolver(system, options, RosenbrockTableau.Rodas4),
        SolverKind.Auto => new AutoSolver(system, options),
        _ => throw new ArgumentOutOfRangeException(nameof(options), options.Kind, "Unknown solver kind."),
    };
}
