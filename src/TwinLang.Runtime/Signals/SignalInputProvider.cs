namespace TwinLang.Runtime.Signals;

/// <summary>Drives a model's inputs from signals, one optional signal per input index.</summary>
public sealed class SignalInputProvider : IInputProvider
{
    private readonly ISignal?[] _signals;

    /// <summary>Creates a provider for a model with <paramref name="inputCount"/> inputs, none driven yet.</summary>
    public SignalInputProvider(int inputCount)
    {
        _signals = new ISignal?[inputCount];
    }

    /// <summary>Drives input <paramref name="index"/> with <paramref name="signal"/> (null leaves it at its value).</summary>
    public void Set(int index, ISignal? signal) => _signals[index] = signal;

    /// <summary>Drives the input named <paramref name="name"/>; returns false when <paramref name="description"/> has no such input.</summary>
    public bool TrySet(ModelDescription description, string name, ISignal signal)
    {
        var index = description.IndexOf(VariableKind.Input, name);
        if (index < 0 || index >= _signals.Length)
        {
            return false;
        }

        _signals[index] = signal;
        return true;
    }

    /// <inheritdoc/>
    public void Evaluate(double t, Span<double> inputs)
    {
        for (var i = 0; i < _signals.Length; i++)
        {
            if (_signals[i] is { } signal)
            {
                inputs[i] = signal.Evaluate(t);
            }
        }
    }
}
