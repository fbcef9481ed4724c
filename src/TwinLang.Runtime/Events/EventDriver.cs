using System.Globalization;
using TwinLang.Runtime.Solvers;

namespace TwinLang.Runtime.Events;

/// <summary>
/// The event side of one run of an <see cref="ITwinModelEvents"/> model, driven by <see cref="Simulator"/>:
/// after every accepted step it looks for indicators whose condition became true, locates the earliest crossing by
/// the Illinois method (regula falsi with halving of a retained end) on the solver's dense output, and stops
/// steps exactly on clock ticks. At an event time it runs the due ticks, then event iteration over the
/// <c>when</c> conditions, and restarts the solver from the new state.
/// </summary>
/// <remarks>
/// Every array is allocated in the constructor, so steps without events allocate nothing; only the event list
/// grows, once per event. A <c>when</c> fires on the rising edge of its condition: conditions already true at the
/// start time do not fire, and a condition must become false again before it can fire again.
/// </remarks>
internal sealed class EventDriver
{
    private const int MaxLocatorIterations = 200;

    /// <summary>Zeno detection: this many successive event times, each closer than <see cref="ZenoGapTolerances"/> time tolerances to the previous one.</summary>
    private const int ZenoEvents = 5;

    private const double ZenoGapTolerances = 100;

    private readonly ITwinModel _model;
    private readonly ITwinModelEvents _events;
    private readonly ModelDescription _description;
    private readonly IInputProvider? _inputs;
    private readonly OdeSolver _solver;
    private readonly EventOptions _options;
    private readonly double _timeTolerance;
    private readonly double _chatteringWindow;
    private readonly double[] _x;
    private readonly double[] _probe;
    private readonly double[] _indicators;
    private readonly double[] _atEnd;
    private readonly bool[] _conditions;
    private readonly bool[] _fired;
    private readonly int[] _sectionOf;
    private readonly double[] _periods;
    private readonly double[] _offsets;
    private readonly long[] _ticks;
    private readonly double[] _recent;
    private readonly List<SimulationEvent> _log = [];
    private int _recentCount;
    private int _closeEvents;
    private double _closeStart;

    public EventDriver(ITwinModel model, ITwinModelEvents events, SimulationOptions options, OdeSolver solver)
    {
        _model = model;
        _events = events;
        _description = model.Description;
        _inputs = options.Inputs;
        _solver = solver;
        _options = options.Events;
        var span = options.StopTime - options.StartTime;
        _timeTolerance = _options.TimeTolerance ?? 1e-12 * Math.Max(1, Math.Max(Math.Abs(options.StartTime), Math.Abs(options.StopTime)));
        _chatteringWindow = _options.ChatteringWindow ?? 1e-8 * span;
        _x = new double[_description.States.Count];
        _probe = new double[_description.States.Count];
        var count = _description.EventIndicatorCount;
        _indicators = new double[count];
        _atEnd = new double[count];
        _conditions = new bool[count];
        _fired = new bool[count];
        _sectionOf = new int[count];
        for (var s = 0; s < _description.Events.Count; s++)
        {
            var section = _description.Events[s];
            Array.Fill(_sectionOf, s, section.FirstIndicator, section.IndicatorCount);
        }

        var clocks = _description.Clocks.Count;
        _periods = new double[clocks];
        _offsets = new double[clocks];
        _ticks = new long[clocks];
        _recent = new double[_options.ChatteringEvents];
        NextTick = double.PositiveInfinity;
    }

    /// <summary>The time of the next clock tick (infinity without clocks); steps must not pass it.</summary>
    public double NextTick { get; private set; }

    /// <summary>The events handled so far.</summary>
    public IReadOnlyList<SimulationEvent> Log => _log;

    /// <summary>Set when a <c>terminate</c> statement ended the run.</summary>
    public SimulationTermination? Termination { get; private set; }

    /// <summary>
    /// Prepares the run at <paramref name="t0"/> from the initial state <paramref name="x0"/> (updated in place):
    /// resolves the clocks, records which conditions hold, then runs the ticks due at the start and event iteration.
    /// </summary>
    public SimulationFailure? Start(double t0, Span<double> x0)
    {
        for (var c = 0; c < _periods.Length; c++)
        {
            var period = _events.ClockPeriod(c);
            var offset = _events.ClockOffset(c);
            if (!(period > 0 && double.IsFinite(period) && double.IsFinite(offset)))
            {
                var clock = _description.Clocks[c];
                return new SimulationFailure(
                    SimulationFailureKind.InvalidSetup,
                    t0,
                    VariableKind.State,
                    -1,
                    string.Empty,
                    $"The clock at {clock.Origin} needs a positive, finite period and a finite offset but has period {Format(period)} s and offset {Format(offset)} s.");
            }

            _periods[c] = period;
            _offsets[c] = offset;
            _ticks[c] = offset >= t0 ? 0 : (long)Math.Ceiling((t0 - offset) / period);
            while (TickTime(c) < t0)
            {
                _ticks[c]++;
            }
        }

        UpdateNextTick();
        x0.CopyTo(_x);
        EvaluateIndicators(t0, _x);
        for (var i = 0; i < _indicators.Length; i++)
        {
            _conditions[i] = _indicators[i] > 0;
        }

        var failure = RunEvents(t0);
        _x.CopyTo(x0);
        return failure;
    }

    /// <summary>
    /// After an accepted step: the time of the earliest event in the step (a located crossing or a tick reached at
    /// its end), or NaN when there is none. The caller records the outputs before that time, then calls <see cref="Handle"/>.
    /// </summary>
    public double Detect()
    {
        var end = _solver.Time;
        EvaluateIndicators(end, _solver.State);
        _indicators.CopyTo(_atEnd, 0);
        var earliest = double.PositiveInfinity;
        for (var i = 0; i < _atEnd.Length; i++)
        {
            if (!_conditions[i] && _atEnd[i] > 0)
            {
                earliest = Math.Min(earliest, Locate(i, _atEnd[i]));
            }
        }

        if (double.IsFinite(earliest))
        {
            return earliest;
        }

        for (var i = 0; i < _atEnd.Length; i++)
        {
            _conditions[i] = _atEnd[i] > 0;
        }

        return end >= NextTick ? end : double.NaN;
    }

    /// <summary>Handles the events at <paramref name="t"/> (from <see cref="Detect"/>) and restarts the solver there.</summary>
    public SimulationFailure? Handle(double t)
    {
        _solver.Interpolate(t, _x);
        var failure = RunEvents(t);
        if (failure is not null)
        {
            return failure;
        }

        return _solver.Initialize(t, _x) ? null : _solver.Failure;
    }

    /// <summary>The due clock ticks at <paramref name="t"/>, then rounds of <c>when</c> events until no condition rises.</summary>
    private SimulationFailure? RunEvents(double t)
    {
        _inputs?.Evaluate(t, _model.InputValues);
        for (var c = 0; c < _periods.Length; c++)
        {
            if (TickTime(c) > t)
            {
                continue;
            }

            _log.Add(new SimulationEvent(t, SimulationEventKind.ClockTick, c, 0, _description.Clocks[c].Origin));
            var reason = _events.Tick(c, t, _x);
            while (TickTime(c) <= t)
            {
                _ticks[c]++;
            }

            if (reason is not null)
            {
                Termination = new SimulationTermination(t, reason, _description.Clocks[c].Origin);
                return null;
            }
        }

        UpdateNextTick();
        var counted = false;
        for (var round = 0; round < _options.MaxIterations; round++)
        {
            EvaluateIndicators(t, _x);
            var any = false;
            for (var i = 0; i < _indicators.Length; i++)
            {
                var holds = _indicators[i] > 0;
                _fired[i] = holds && !_conditions[i];
                _conditions[i] = holds;
                any |= _fired[i];
            }

            if (!any)
            {
                return null;
            }

            for (var i = 0; i < _fired.Length; i++)
            {
                if (!_fired[i])
                {
                    continue;
                }

                var section = _description.Events[_sectionOf[i]];
                _log.Add(new SimulationEvent(t, SimulationEventKind.StateEvent, _sectionOf[i], i - section.FirstIndicator, section.Origin));
                // Chattering counts event times, not handlers: the rounds of one event iteration are bounded by MaxIterations.
                if (!counted && Chattering(t, section) is { } chattering)
                {
                    return chattering;
                }

                counted = true;

                if (_events.HandleEvent(i, t, _x) is { } reason)
                {
                    Termination = new SimulationTermination(t, reason, section.Origin);
                    return null;
                }
            }
        }

        var last = _description.Events[_sectionOf[Array.IndexOf(_fired, true)]];
        return new SimulationFailure(
            SimulationFailureKind.EventIterationLimit,
            t,
            VariableKind.State,
            -1,
            string.Empty,
            $"Event iteration did not end at t = {Format(t)} s: after {Format(_options.MaxIterations)} rounds the 'when' at {last.Origin} ('{Cut(last.Text)}') still fired. Make sure a handler does not keep making conditions true.")
        {
            Event = last,
            EventCount = _options.MaxIterations,
        };
    }

    /// <summary>
    /// Fails the run when the last <see cref="EventOptions.ChatteringEvents"/> event times all fell within the
    /// window, or when <see cref="ZenoEvents"/> successive event times were each closer to the previous one than
    /// <see cref="ZenoGapTolerances"/> time tolerances: events accumulating at one time (Zeno behaviour, the
    /// bouncing ball coming to rest) would otherwise go on until the state sinks through the condition unseen.
    /// </summary>
    private SimulationFailure? Chattering(double t, EventSectionInfo section)
    {
        var size = _recent.Length;
        var oldest = _recent[_recentCount % size];
        var previous = _recentCount == 0 ? double.NegativeInfinity : _recent[(_recentCount - 1) % size];
        _recent[_recentCount % size] = t;
        _recentCount++;
        _closeEvents = t - previous < ZenoGapTolerances * _timeTolerance ? _closeEvents + 1 : 0;
        if (_closeEvents == 1)
        {
            _closeStart = previous;
        }

        if (_closeEvents >= ZenoEvents)
        {
            return ChatteringFailure(t, section, ZenoEvents + 1, _closeStart);
        }

        if (_recentCount <= size || t - oldest > _chatteringWindow)
        {
            return null;
        }

        return ChatteringFailure(t, section, size, oldest);
    }

    private SimulationFailure ChatteringFailure(double t, EventSectionInfo section, int count, double first) =>
        new(
            SimulationFailureKind.Chattering,
            t,
            VariableKind.State,
            -1,
            string.Empty,
            $"The 'when' at {section.Origin} ('{Cut(section.Text)}') chatters: {Format(count)} events between t = {Format(first)} s and t = {Format(t)} s. Add a hysteresis to the condition, or 'terminate' the run.")
        {
            Event = section,
            EventCount = count,
            EventSpan = t - first,
        };

    /// <summary>
    /// The right end of a bracket no wider than the time tolerance around the first crossing of indicator
    /// <paramref name="indicator"/> in the last step: there the condition holds.
    /// </summary>
    private double Locate(int indicator, double atEnd)
    {
        var a = _solver.PreviousTime;
        var b = _solver.Time;
        var fa = Probe(a, indicator);
        var fb = atEnd;
        var side = 0;
        for (var iteration = 0; iteration < MaxLocatorIterations && b - a > _timeTolerance; iteration++)
        {
            var c = (a * fb - b * fa) / (fb - fa);
            var margin = 0.25 * _timeTolerance;
            if (!(c > a + margin && c < b - margin))
            {
                c = double.IsFinite(c) && c <= a + margin ? a + margin : double.IsFinite(c) && c >= b - margin ? b - margin : 0.5 * (a + b);
            }

            var fc = Probe(c, indicator);
            if (fc > 0)
            {
                b = c;
                fb = fc;
                if (side == 1)
                {
                    fa *= 0.5;
                }

                side = 1;
            }
            else
            {
                a = c;
                fa = fc;
                if (side == -1)
                {
                    fb *= 0.5;
                }

                side = -1;
            }
        }

        return b;
    }

    private double Probe(double t, int indicator)
    {
        _solver.Interpolate(t, _probe);
        EvaluateIndicators(t, _probe);
        return _indicators[indicator];
    }

    private void EvaluateIndicators(double t, ReadOnlySpan<double> x)
    {
        if (_indicators.Length == 0)
        {
            return;
        }

        _inputs?.Evaluate(t, _model.InputValues);
        _events.EventIndicators(t, x, _indicators);
    }

    private double TickTime(int clock) => _offsets[clock] + (_ticks[clock] * _periods[clock]);

    private void UpdateNextTick()
    {
        var next = double.PositiveInfinity;
        for (var c = 0; c < _periods.Length; c++)
        {
            next = Math.Min(next, TickTime(c));
        }

        NextTick = next;
    }

    private static string Cut(string text) => text.Length <= 80 ? text : text[..77] + "...";

    private static string Format(double value) => value.ToString("G6", CultureInfo.InvariantCulture);
}
