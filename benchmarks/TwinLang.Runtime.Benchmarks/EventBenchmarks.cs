using BenchmarkDotNet.Attributes;
using TwinLang.Runtime.Events;
using TwinLang.Runtime.Solvers;

namespace TwinLang.Runtime.Benchmarks;

/// <summary>
/// The cost of event handling in <see cref="Simulator.Run"/>: Lorenz-96 (100 states, t = 0..10, DOPRI5 rtol 1e-6)
/// plain (baseline), with one indicator that never crosses (the price of detection after every step), with an
/// indicator <c>sin(20πt)</c> that rises through zero 100 times (location and restarts), and with a clock ticking
/// every 0.01 s (1 000 exact stops and restarts).
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 2, iterationCount: 8)]
public class EventBenchmarks
{
    private const int Size = 100;

    private static readonly SimulationOptions Options = new()
    {
        StopTime = 10,
        OutputInterval = 0.1,
        Solver = new SolverOptions { RelativeTolerance = 1e-6, AbsoluteTolerance = 1e-9 },
    };

    [Benchmark(Baseline = true, Description = "no events")]
    public int Plain() => Run(new Lorenz96(Size));

    [Benchmark(Description = "1 indicator, no crossing")]
    public int Silent() => Run(new EventfulLorenz96(Size, oscillating: false, period: 0));

    [Benchmark(Description = "1 indicator, 100 crossings")]
    public int Crossing() => Run(new EventfulLorenz96(Size, oscillating: true, period: 0));

    [Benchmark(Description = "clock every 0.01 s")]
    public int Clocked() => Run(new EventfulLorenz96(Size, oscillating: false, period: 0.01));

    private static int Run(ITwinModel model)
    {
        var result = Simulator.Run(model, Options);
        return result.Succeeded ? result.Events.Count : throw new InvalidOperationException(result.Failure?.Message);
    }

    /// <summary>Lorenz-96 with <c>when sin(20πt) &gt; 0</c> or <c>when x[1] &gt; 1e9</c> (counting firings) and an optional clock.</summary>
    private sealed class EventfulLorenz96 : ITwinModel, ITwinModelEvents
    {
        private readonly Lorenz96 _inner;
        private readonly bool _oscillating;
        private readonly double _period;

        public EventfulLorenz96(int size, bool oscillating, double period)
        {
            _inner = new Lorenz96(size);
            _oscillating = oscillating;
            _period = period;
            var inner = _inner.Description;
            Description = new ModelDescription(
                inner.Name,
                inner.States,
                inner.Parameters,
                inner.Inputs,
                inner.Outputs,
                [new VariableInfo("crossings", string.Empty)],
                [new EventSectionInfo("bench:1", 1, oscillating ? "sin(20 pi t) > 0" : "x[1] > 1e9", 0, 1)],
                period > 0 ? [new ClockInfo("bench:2", 2, "sampled every period")] : []);
        }

        public ModelDescription Description { get; }

        public double[] ParameterValues => _inner.ParameterValues;

        public double[] InputValues => _inner.InputValues;

        public double[] DiscreteValues { get; } = new double[1];

        public void InitialState(Span<double> x0)
        {
            _inner.InitialState(x0);
            DiscreteValues[0] = 0;
        }

        public void Derivatives(double t, ReadOnlySpan<double> x, Span<double> dxdt) => _inner.Derivatives(t, x, dxdt);

        public void Outputs(double t, ReadOnlySpan<double> x, Span<double> y) => _inner.Outputs(t, x, y);

        public ITwinModel Clone() => new EventfulLorenz96(_inner.Description.States.Count, _oscillating, _period);

        public void EventIndicators(double t, ReadOnlySpan<double> x, Span<double> indicators) =>
            indicators[0] = _oscillating ? Math.Sin(20 * Math.PI * t) : x[0] - 1e9;

        public string? HandleEvent(int indicator, double t, Span<double> x)
        {
            DiscreteValues[0] += 1;
            return null;
        }

        public double ClockPeriod(int clock) => _period;

        public double ClockOffset(int clock) => 0;

        public string? Tick(int clock, double t, Span<double> x) => null;
    }
}
