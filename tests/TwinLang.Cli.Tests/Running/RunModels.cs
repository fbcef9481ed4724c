using TwinLang.Binding;
using TwinLang.Cli.Running;
using TwinLang.Compiler;
using TwinLang.Diagnostics;
using TwinLang.Runtime;

namespace TwinLang.Cli.Tests.Running;

/// <summary>Hand-written models for failures code generation cannot produce; other assets go through the real generator.</summary>
internal sealed class FakeModelCompiler(params (string Asset, Func<ITwinModel> Create)[] models) : ITwinModelCompiler
{
    public ITwinModel? Compile(Compilation compilation, AssetSymbol asset, ICollection<Diagnostic> diagnostics) =>
        models.FirstOrDefault(m => m.Asset == asset.Name).Create?.Invoke() ?? GeneratedModelCompiler.Instance.Compile(compilation, asset, diagnostics);
}

/// <summary>The room of examples/room: <c>der(temp) = (duty·heater_max − (temp − outside)/envelope)/capacity</c>.</summary>
internal sealed class RoomModel : ITwinModel
{
    private static readonly ModelDescription Shape = new(
        "Room",
        [new VariableInfo("temp", "K")],
        [new VariableInfo("capacity", "J/K"), new VariableInfo("envelope", "K/W"), new VariableInfo("heater_max", "W")],
        [new VariableInfo("outside", "K"), new VariableInfo("duty", "")],
        [new VariableInfo("heater", "W"), new VariableInfo("loss", "W")]);

    public ModelDescription Description => Shape;

    public double[] ParameterValues { get; } = [2.5e6, 8e-3, 2000];

    public double[] InputValues { get; } = [278.15, 0];

    public void InitialState(Span<double> x0) => x0[0] = 289.15;

    public void Derivatives(double t, ReadOnlySpan<double> x, Span<double> dxdt)
    {
        var heater = InputValues[1] * ParameterValues[2];
        var loss = (x[0] - InputValues[0]) / ParameterValues[1];
        dxdt[0] = (heater - loss) / ParameterValues[0];
    }

    public void Outputs(double t, ReadOnlySpan<double> x, Span<double> y)
    {
        y[0] = InputValues[1] * ParameterValues[2];
        y[1] = (x[0] - InputValues[0]) / ParameterValues[1];
    }

    public ITwinModel Clone() => new RoomModel();
}

/// <summary><c>der(x) = 1</c> until t = 1 s, then NaN: the run must fail with TW5520 naming <c>der(x)</c> near 1 s.</summary>
internal sealed class BlowUpModel : ITwinModel
{
    private static readonly ModelDescription Shape = new("BlowUp", [new VariableInfo("x", "")], [], [], []);

    public ModelDescription Description => Shape;

    public double[] ParameterValues { get; } = [];

    public double[] InputValues { get; } = [];

    public void InitialState(Span<double> x0) => x0[0] = 1;

    public void Derivatives(double t, ReadOnlySpan<double> x, Span<double> dxdt) => dxdt[0] = t >= 1 ? double.NaN : 1;

    public void Outputs(double t, ReadOnlySpan<double> x, Span<double> y)
    {
    }

    public ITwinModel Clone() => new BlowUpModel();
}
