namespace TwinLang.Runtime.Solvers;

/// <summary>
/// The available integration methods. Stiff methods: the Rosenbrock <see cref="Rodas3"/> and <see cref="Rodas4"/>;
/// <see cref="Auto"/> starts explicit and switches to <see cref="Rodas4"/> when the problem turns stiff.
/// </summary>
public enum SolverKind
{
    /// <summary>Fixed-step explicit Euler, order 1 (<c>euler</c>).</summary>
    ExplicitEuler,

    /// <summary>Fixed-step classic Runge–Kutta, order 4 (<c>rk4</c>).</summary>
    RungeKutta4,

    /// <summary>Dormand–Prince 5(4) with error control and dense output, or fixed-step order 5 (<c>dopri5</c>).</summary>
    DormandPrince5,

    /// <summary>Rosenbrock RODAS3 for stiff systems, order 3 with error control, or fixed-step (<c>rodas3</c>).</summary>
    Rodas3,

    /// <summary>Rosenbrock RODAS4 for stiff systems, order 4 with error control and dense output, or fixed-step (<c>rodas4</c>).</summary>
    Rodas4,

    /// <summary>Dormand–Prince 5(4) until stiffness is detected, then RODAS4 (<c>auto</c>).</summary>
    Auto,
}
