using System.Globalization;

namespace TwinLang.Runtime.Solvers;

/// <summary>
/// A one-step ODE integrator driven step by step: <see cref="Initialize"/> once (and again to restart after a
/// discontinuity), then <see cref="Step"/> until the end time; between steps, <see cref="Interpolate"/> gives the
/// solution anywhere in the last step. Drivers (the simulator, later the event locator, the coupling master and the
/// filters) choose where to stop by the time limit they pass to <see cref="Step"/>, and sample outputs through
/// dense output, so output times never shorten steps.
/// </summary>
/// <remarks>
/// All work arrays are allocated in the constructor: stepping and interpolating allocate nothing. A failure is
/// recorded in <see cref="Failure"/>; after it, <see cref="Step"/> returns false until the next
/// <see cref="Initialize"/>.
/// </remarks>
public abstract class OdeSolver
{
    /// <summary>Allocates the state and derivative arrays for <paramref name="system"/>.</summary>
    protected OdeSolver(IOdeSystem system, SolverOptions options)
        : this(system, options, new SolverStatistics())
    {
    }

    /// <summary>Allocates the arrays and counts into <paramref name="statistics"/>, which a composite solver shares with its parts.</summary>
    private protected OdeSolver(IOdeSystem system, SolverOptions options, SolverStatistics statistics)
    {
        Statistics = statistics;
        statistics.Method = options.Kind;
        System = system;
        Options = options;
        var n = system.Dimension;
        CurrentState = new double[n];
        PreviousState = new double[n];
        CurrentDerivative = new double[n];
        PreviousDerivative = new double[n];
    }

    /// <summary>The system being integrated.</summary>
    public IOdeSystem System { get; }

    /// <summary>The options the solver was created with.</summary>
    public SolverOptions Options { get; }

    /// <summary>The counters of this solver since it was created.</summary>
    public SolverStatistics Statistics { get; }

    /// <summary>The time the solution has reached.</summary>
    public double Time { get; private protected set; }

    /// <summary>The start of the last accepted step (equal to <see cref="Time"/> before the first step).</summary>
    public double PreviousTime { get; private protected set; }

    /// <summary>The state at <see cref="Time"/>.</summary>
    public ReadOnlySpan<double> State => CurrentState;

    /// <summary>Why the solver stopped, or null while it can go on.</summary>
    public SimulationFailure? Failure { get; private protected set; }

    /// <summary>The order of the method (of the error estimate's higher-order solution).</summary>
    public abstract int Order { get; }

    /// <summary>x at <see cref="Time"/>.</summary>
    private protected double[] CurrentState { get; set; }

    /// <summary>x at <see cref="PreviousTime"/>.</summary>
    private protected double[] PreviousState { get; set; }

    /// <summary>f(t, x) at <see cref="Time"/>; every method here reuses it as the next step's first stage.</summary>
    private protected double[] CurrentDerivative { get; set; }

    /// <summary>f(t, x) at <see cref="PreviousTime"/>.</summary>
    private protected double[] PreviousDerivative { get; set; }

    /// <summary>
    /// Starts (or restarts) the integration at <paramref name="t0"/> from <paramref name="x0"/>. Returns false and
    /// sets <see cref="Failure"/> when <paramref name="x0"/> or <c>f(t0, x0)</c> is not finite.
    /// </summary>
    public bool Initialize(double t0, ReadOnlySpan<double> x0)
    {
        if (x0.Length != CurrentState.Length)
        {
            throw new ArgumentException("The initial state must have one value per state.", nameof(x0));
        }

        Failure = null;
        Time = t0;
        PreviousTime = t0;
        x0.CopyTo(CurrentState);
        x0.CopyTo(PreviousState);
        if (FailIfNotFinite(t0, CurrentState, isDerivative: false))
        {
            return false;
        }

        Evaluate(t0, CurrentState, CurrentDerivative);
        CurrentDerivative.CopyTo(PreviousDerivative, 0);
        if (FailIfNotFinite(t0, CurrentDerivative, isDerivative: true))
        {
            return false;
        }

        OnInitialized();
        return true;
    }

    /// <summary>
    /// Takes one accepted step that ends at or before <paramref name="timeLimit"/> (exactly on it when it is
    /// reached). Returns false and sets <see cref="Failure"/> when the solver cannot go on.
    /// </summary>
    public bool Step(double timeLimit)
    {
        if (Failure is not null)
        {
            return false;
        }

        if (!(timeLimit > Time))
        {
            throw new ArgumentOutOfRangeException(nameof(timeLimit), "The time limit must lie after the current time.");
        }

        return StepCore(timeLimit);
    }

    /// <summary>Writes the solution at <paramref name="t"/>, which must lie in [<see cref="PreviousTime"/>, <see cref="Time"/>].</summary>
    public void Interpolate(double t, Span<double> x)
    {
        if (t < PreviousTime || t > Time)
        {
            throw new ArgumentOutOfRangeException(nameof(t), "Dense output is available only within the last step.");
        }

        if (t == Time)
        {
            CurrentState.CopyTo(x);
            return;
        }

        if (t == PreviousTime)
        {
            PreviousState.CopyTo(x);
            return;
        }

        InterpolateCore(t, x);
    }

    /// <summary>Called at the end of a successful <see cref="Initialize"/>.</summary>
    private protected virtual void OnInitialized()
    {
    }

    /// <summary>Takes one accepted step towards <paramref name="timeLimit"/>.</summary>
    private protected abstract bool StepCore(double timeLimit);

    /// <summary>Dense output strictly inside the last step.</summary>
    private protected abstract void InterpolateCore(double t, Span<double> x);

    /// <summary>Evaluates the right-hand side and counts the evaluation.</summary>
    private protected void Evaluate(double t, ReadOnlySpan<double> x, Span<double> dxdt)
    {
        Statistics.FunctionEvaluations++;
        System.Evaluate(t, x, dxdt);
    }

    /// <summary>Makes the step from <see cref="Time"/> to <paramref name="newTime"/> current by swapping buffers.</summary>
    private protected void AcceptStep(double newTime, ref double[] newState, ref double[] newDerivative)
    {
        (PreviousState, CurrentState, newState) = (CurrentState, newState, PreviousState);
        (PreviousDerivative, CurrentDerivative, newDerivative) = (CurrentDerivative, newDerivative, PreviousDerivative);
        Statistics.LastStepSize = newTime - Time;
        Statistics.AcceptedSteps++;
        PreviousTime = Time;
        Time = newTime;
    }

    /// <summary>Returns false and records <see cref="SimulationFailureKind.MaxStepsExceeded"/> when no attempt is left.</summary>
    private protected bool TryBeginAttempt()
    {
        if (Statistics.Steps < Options.MaxSteps)
        {
            return true;
        }

        Failure = new SimulationFailure(
            SimulationFailureKind.MaxStepsExceeded,
            Time,
            VariableKind.State,
            -1,
            string.Empty,
            $"The solver reached its limit of {Options.MaxSteps.ToString(CultureInfo.InvariantCulture)} steps at t = {FormatTime(Time)}; raise the step limit or loosen the tolerances.");
        return false;
    }

    /// <summary>Records a <see cref="SimulationFailureKind.NonFiniteValue"/> failure when <paramref name="values"/> holds NaN or infinity.</summary>
    private protected bool FailIfNotFinite(double t, ReadOnlySpan<double> values, bool isDerivative)
    {
        var index = FirstNonFinite(values);
        if (index < 0)
        {
            return false;
        }

        Failure = NonFiniteFailure(t, index, values[index], isDerivative);
        return true;
    }

    /// <summary>
    /// Describes a step whose new state is not finite: the first non-finite stage derivative (in stage order) is
    /// where the trouble began; failing that, the state itself overflowed.
    /// </summary>
    private protected SimulationFailure DescribeNonFinite(double t, ReadOnlySpan<double[]> stageDerivatives, ReadOnlySpan<double> newState)
    {
        foreach (var stage in stageDerivatives)
        {
            var stageIndex = FirstNonFinite(stage);
            if (stageIndex >= 0)
            {
                return NonFiniteFailure(t, stageIndex, stage[stageIndex], isDerivative: true);
            }
        }

        var index = Math.Max(FirstNonFinite(newState), 0);
        return NonFiniteFailure(t, index, newState.IsEmpty ? double.NaN : newState[index], isDerivative: false);
    }

    /// <summary>Describes a NaN or infinite state (or derivative) value.</summary>
    private protected SimulationFailure NonFiniteFailure(double t, int index, double value, bool isDerivative)
    {
        var name = System.StateName(index);
        var displayName = isDerivative ? $"der({name})" : name;
        var what = double.IsNaN(value) ? "NaN" : "infinite";
        return new SimulationFailure(
            SimulationFailureKind.NonFiniteValue,
            t,
            VariableKind.State,
            index,
            displayName,
            $"The value of '{displayName}' became {what} at t = {FormatTime(t)}.");
    }

    /// <summary>
    /// Describes a step size that fell too small to advance time, blaming the state whose scaled error
    /// (<paramref name="scaledError"/>, from the last attempt) was largest.
    /// </summary>
    private protected SimulationFailure UnderflowFailure(double h, ReadOnlySpan<double> scaledError)
    {
        var index = LargestMagnitude(scaledError);
        var name = index >= 0 ? System.StateName(index) : string.Empty;
        var blame = index >= 0 ? $" The state '{name}' contributes the largest error." : string.Empty;
        return new SimulationFailure(
            SimulationFailureKind.StepSizeUnderflow,
            Time,
            VariableKind.State,
            index,
            name,
            $"The step size fell to {h.ToString("G3", CultureInfo.InvariantCulture)} at t = {FormatTime(Time)}, too small to advance time.{blame}");
    }

    /// <summary>The index of the largest magnitude (NaN counting as largest), or -1 for an empty span.</summary>
    private protected static int LargestMagnitude(ReadOnlySpan<double> values)
    {
        var index = -1;
        var largest = -1.0;
        for (var i = 0; i < values.Length; i++)
        {
            var magnitude = Math.Abs(values[i]);
            if (magnitude > largest || double.IsNaN(magnitude))
            {
                largest = double.IsNaN(magnitude) ? double.PositiveInfinity : magnitude;
                index = i;
            }
        }

        return index;
    }

    /// <summary>The index of the first NaN or infinite value, or -1.</summary>
    private protected static int FirstNonFinite(ReadOnlySpan<double> values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            if (!double.IsFinite(values[i]))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Formats a time for a message: six significant digits, invariant culture.</summary>
    private protected static string FormatTime(double t) => t.ToString("G6", CultureInfo.InvariantCulture);
}
