using TwinLang.Runtime.Events;

namespace TwinLang.Runtime.Tests.Models;

/// <summary>Boilerplate of the hand-written event models: discrete storage and no clocks unless overridden.</summary>
internal abstract class EventTestModel : TestModel, ITwinModelEvents
{
    protected EventTestModel(ModelDescription description)
        : base(description)
    {
        DiscreteValues = new double[description.Discretes.Count];
    }

    public double[] DiscreteValues { get; }

    public virtual void EventIndicators(double t, ReadOnlySpan<double> x, Span<double> indicators)
    {
    }

    public virtual string? HandleEvent(int indicator, double t, Span<double> x) => null;

    public virtual double ClockPeriod(int clock) => 1;

    public virtual double ClockOffset(int clock) => 0;

    public virtual string? Tick(int clock, double t, Span<double> x) => null;

    protected static EventSectionInfo[] Whens(params string[] conditions) =>
        [.. conditions.Select((c, i) => new EventSectionInfo("test.twin:" + (i + 1), i + 1, c, i, 1))];
}

/// <summary>
/// h' = v, v' = -g; when h &lt; 0 { reinit(v, -e·v); bounces := bounces + 1 }; when bounces &gt; limit { terminate }.
/// </summary>
internal sealed class BouncingBall : EventTestModel
{
    private static readonly ModelDescription Shape = new(
        "Ball",
        Variables(("h", "m"), ("v", "m/s")),
        Variables(("e", string.Empty), ("g", "m/s^2"), ("h0", "m"), ("limit", string.Empty)),
        [],
        [],
        Variables(("bounces", string.Empty)),
        Whens("h < 0 m", "bounces > limit"),
        []);

    public BouncingBall(double e = 0.7, double g = 9.81, double h0 = 1, double limit = 20)
        : base(Shape)
    {
        ParameterValues[0] = e;
        ParameterValues[1] = g;
        ParameterValues[2] = h0;
        ParameterValues[3] = limit;
    }

    public override void InitialState(Span<double> x0)
    {
        x0[0] = ParameterValues[2];
        x0[1] = 0;
        DiscreteValues[0] = 0;
    }

    public override void Derivatives(double t, ReadOnlySpan<double> x, Span<double> dxdt)
    {
        dxdt[0] = x[1];
        dxdt[1] = -ParameterValues[1];
    }

    public override void EventIndicators(double t, ReadOnlySpan<double> x, Span<double> indicators)
    {
        indicators[0] = 0 - x[0];
        indicators[1] = DiscreteValues[0] - ParameterValues[3];
    }

    public override string? HandleEvent(int indicator, double t, Span<double> x)
    {
        if (indicator == 0)
        {
            x[1] = -ParameterValues[0] * x[1];
            DiscreteValues[0] = DiscreteValues[0] + 1;
            return null;
        }

        return "the ball has come to rest";
    }

    protected override TestModel CreateEmpty() => new BouncingBall();
}

/// <summary>x' = 1 from -1; when x &gt; 0 { reinit(x, -gap) }: an event every <c>gap</c> seconds once x reaches 0.</summary>
internal sealed class Chatterer(double gap) : EventTestModel(Shape)
{
    private static readonly ModelDescription Shape = new("Chatterer", Variables(("x", string.Empty)), [], [], [], [], Whens("x > 0"), []);

    public override void InitialState(Span<double> x0) => x0[0] = -1;

    public override void Derivatives(double t, ReadOnlySpan<double> x, Span<double> dxdt) => dxdt[0] = 1;

    public override void EventIndicators(double t, ReadOnlySpan<double> x, Span<double> indicators) => indicators[0] = x[0];

    public override string? HandleEvent(int indicator, double t, Span<double> x)
    {
        x[0] = -gap;
        return null;
    }

    protected override TestModel CreateEmpty() => new Chatterer(gap);
}

/// <summary>
/// x' = 1 from 0; when x &gt; 1 { a := 1 }; when a &gt; 0.5 { b := a + 1 }; with <c>toggle</c> also
/// when b &gt; 0 { b := -1 } and when b &lt; 0 { b := 1 }, which never settles.
/// </summary>
internal sealed class EventChain(bool toggle) : EventTestModel(toggle ? Toggling : Settling)
{
    private static readonly ModelDescription Settling = new(
        "Chain", Variables(("x", string.Empty)), [], [], [], Variables(("a", string.Empty), ("b", string.Empty)), Whens("x > 1", "a > 0.5"), []);

    private static readonly ModelDescription Toggling = new(
        "Chain", Variables(("x", string.Empty)), [], [], [], Variables(("a", string.Empty), ("b", string.Empty)), Whens("x > 1", "a > 0.5", "b > 0", "b < 0"), []);

    public override void InitialState(Span<double> x0)
    {
        x0[0] = 0;
        DiscreteValues[0] = 0;
        DiscreteValues[1] = 0;
    }

    public override void Derivatives(double t, ReadOnlySpan<double> x, Span<double> dxdt) => dxdt[0] = 1;

    public override void EventIndicators(double t, ReadOnlySpan<double> x, Span<double> indicators)
    {
        indicators[0] = x[0] - 1;
        indicators[1] = DiscreteValues[0] - 0.5;
        if (toggle)
        {
            indicators[2] = DiscreteValues[1];
            indicators[3] = -DiscreteValues[1];
        }
    }

    public override string? HandleEvent(int indicator, double t, Span<double> x)
    {
        switch (indicator)
        {
            case 0:
                DiscreteValues[0] = 1;
                break;
            case 1:
                DiscreteValues[1] = DiscreteValues[0] + 1;
                break;
            case 2:
                DiscreteValues[1] = -1;
                break;
            default:
                DiscreteValues[1] = 1;
                break;
        }

        return null;
    }

    protected override TestModel CreateEmpty() => new EventChain(toggle);
}

/// <summary>x' = u; sampled every period offset t0 { u := t; ticks := ticks + 1 }: u holds the time of the last tick.</summary>
internal sealed class SampledRamp(double period, double offset) : EventTestModel(Shape)
{
    private static readonly ModelDescription Shape = new(
        "SampledRamp", Variables(("x", string.Empty)), [], [], [], Variables(("u", string.Empty), ("ticks", string.Empty)), [], [new ClockInfo("test.twin:1", 1, "sampled every period")]);

    public override void InitialState(Span<double> x0)
    {
        x0[0] = 0;
        DiscreteValues[0] = -1;
        DiscreteValues[1] = 0;
    }

    public override void Derivatives(double t, ReadOnlySpan<double> x, Span<double> dxdt) => dxdt[0] = DiscreteValues[0];

    public override double ClockPeriod(int clock) => period;

    public override double ClockOffset(int clock) => offset;

    public override string? Tick(int clock, double t, Span<double> x)
    {
        DiscreteValues[0] = t;
        DiscreteValues[1] += 1;
        return null;
    }

    protected override TestModel CreateEmpty() => new SampledRamp(period, offset);
}
