namespace TwinLang.Runtime.Solvers;

/// <summary>
/// The <c>auto</c> solver: integrates with <see cref="DormandPrince5Solver"/> while the problem is non-stiff and
/// switches to <see cref="RosenbrockTableau.Rodas4"/> for the rest of the run once DOPRI5's stiffness test fires
/// (<see cref="DormandPrince5Solver.LooksStiff"/>), as LSODA-style codes do. Both parts count into this solver's
/// <see cref="OdeSolver.Statistics"/>, which records the switch time and the method that took the last step. The
/// stiff part is created at the switch, so a non-stiff run never allocates its matrix.
/// </summary>
/// <remarks>
/// It never switches back: a stiff phase that ends costs Rodas4 a few more Jacobians but never an unstable step,
/// and switching back and forth on a borderline problem would cost more than it saves.
/// </remarks>
public sealed class AutoSolver : OdeSolver
{
    private readonly DormandPrince5Solver _explicit;
    private RosenbrockSolver? _stiff;
    private readonly bool _canSwitch;
    private OdeSolver _active;

    /// <summary>Creates the explicit part; the options must be valid for the system.</summary>
    public AutoSolver(IOdeSystem system, SolverOptions options)
        : base(system, options)
    {
        _explicit = new DormandPrince5Solver(system, options with { Kind = SolverKind.DormandPrince5 }, Statistics);
        _active = _explicit;
        _canSwitch = RosenbrockMatrix.CanCreate(system);
        Statistics.Method = SolverKind.DormandPrince5;
    }

    /// <summary>Whether the run has switched to the stiff method.</summary>
    public bool IsStiff => ReferenceEquals(_active, _stiff);

    /// <inheritdoc/>
    public override int Order => _active.Order;

    /// <inheritdoc/>
    private protected override void OnInitialized()
    {
        // A restart (after an event) keeps the method: stiffness is a property of the model, not of the step.
        if (!_active.Initialize(Time, CurrentState))
        {
            Failure = _active.Failure;
        }
    }

    /// <inheritdoc/>
    private protected override bool StepCore(double timeLimit)
    {
        if (Failure is not null)
        {
            return false;
        }

        // A large model without a sparsity pattern stays explicit: the stiff method would need a dense matrix.
        if (!IsStiff && _explicit.LooksStiff && _canSwitch)
        {
            var stiff = _stiff ??= new RosenbrockSolver(System, Options with { Kind = SolverKind.Rodas4 }, RosenbrockTableau.Rodas4, Statistics);
            Statistics.StiffSwitchTime ??= Time;
            Statistics.Method = SolverKind.Rodas4;
            _active = stiff;
            if (!stiff.Initialize(Time, CurrentState))
            {
                Failure = stiff.Failure;
                return false;
            }
        }

        if (!_active.Step(timeLimit))
        {
            Failure = _active.Failure;
            return false;
        }

        (PreviousState, CurrentState) = (CurrentState, PreviousState);
        _active.State.CopyTo(CurrentState);
        PreviousTime = _active.PreviousTime;
        Time = _active.Time;
        return true;
    }

    /// <inheritdoc/>
    private protected override void InterpolateCore(double t, Span<double> x) => _active.Interpolate(t, x);
}
