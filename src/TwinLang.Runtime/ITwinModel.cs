namespace TwinLang.Runtime;

/// <summary>
/// The contract a compiled twin implements: an explicit ODE system <c>dx/dt = f(t, x, p, u)</c> with outputs
/// <c>y = g(t, x, p, u)</c>. Generated code implements it; so do hand-written models in tests and benchmarks.
/// </summary>
/// <remarks>
/// <para>
/// All values are SI. States, parameters, inputs and outputs live in contiguous <see cref="double"/> arrays whose
/// layout is given by <see cref="Description"/>. Parameters and inputs are owned by the model instance:
/// a driver writes <see cref="InputValues"/> (through an <see cref="IInputProvider"/>) before every call to
/// <see cref="Derivatives"/> and <see cref="Outputs"/>, and may change <see cref="ParameterValues"/> before a run.
/// </para>
/// <para>
/// <see cref="Derivatives"/> and <see cref="Outputs"/> are called many times per step: they must not allocate,
/// must not keep references to the spans they are given, and must depend only on their arguments and the two
/// value arrays (algebraic loops are solved inside them). An instance is not thread-safe; parallel ensemble
/// members each use their own instance from <see cref="Clone"/>.
/// </para>
/// <para>
/// Optional capabilities are separate interfaces a model class may also implement:
/// <see cref="ITwinModelJacobian"/> (analytic sparse Jacobian for stiff solvers) and
/// <see cref="ITwinModelEvents"/> (discrete variables, zero-crossing events and clocks).
/// </para>
/// </remarks>
public interface ITwinModel
{
    /// <summary>The shape of the model; the same object for every instance.</summary>
    ModelDescription Description { get; }

    /// <summary>
    /// Parameter storage, length <c>Description.Parameters.Count</c>, initialised to the declared defaults.
    /// Callers may overwrite entries before <see cref="InitialState"/> and a run; not during a run.
    /// </summary>
    double[] ParameterValues { get; }

    /// <summary>
    /// Input storage, length <c>Description.Inputs.Count</c>, initialised to the declared defaults (0 when none).
    /// The driver overwrites the inputs it drives before each evaluation; the model only reads it.
    /// </summary>
    double[] InputValues { get; }

    /// <summary>Writes the initial state (length <c>Description.States.Count</c>) for the current parameter values.</summary>
    void InitialState(Span<double> x0);

    /// <summary>Computes <c>dxdt = f(t, x)</c> with the current parameters and inputs. Must not allocate.</summary>
    void Derivatives(double t, ReadOnlySpan<double> x, Span<double> dxdt);

    /// <summary>Computes the outputs <c>y = g(t, x)</c> with the current parameters and inputs. Must not allocate.</summary>
    void Outputs(double t, ReadOnlySpan<double> x, Span<double> y);

    /// <summary>
    /// Creates an independent instance that starts with copies of this instance's parameter and input values
    /// (for ensemble members and sweeps that run side by side).
    /// </summary>
    ITwinModel Clone();
}
