namespace TwinLang.Runtime.Solvers;

/// <summary>
/// The coefficients of a Rosenbrock method in the transformed form of Hairer and Wanner (Solving ODEs II, §IV.7)
/// as KPP writes it (Sandu et al., 1997): with <c>W = I/(γh) − J</c>,
/// <c>W K_i = f(t + α_i h, x + Σ A_ij K_j) + Σ (C_ij/h) K_j + h γ_i ∂f/∂t</c>, <c>x_new = x + Σ M_i K_i</c>, and the
/// error estimate <c>Σ E_i K_i</c>. Strictly lower triangular matrices are stored row by row:
/// <c>A(i, j) = A[i(i−1)/2 + j]</c> for 0-based <c>j &lt; i</c>.
/// </summary>
/// <param name="Name">The method's name, for messages.</param>
/// <param name="Order">The order of <c>x_new</c>; the error estimate is one order lower.</param>
/// <param name="Gamma">The diagonal coefficient γ.</param>
/// <param name="A">The stage arguments' coefficients.</param>
/// <param name="C">The stage feedback coefficients (divided by h).</param>
/// <param name="M">The solution weights.</param>
/// <param name="E">The error estimate's weights.</param>
/// <param name="Alpha">The stages' time fractions.</param>
/// <param name="GammaSum">Each stage's row sum of γ, the weight of <c>∂f/∂t</c>.</param>
/// <param name="NewFunction">Whether a stage evaluates f afresh (else it reuses the previous stage's value).</param>
/// <param name="DenseOutput">
/// Two rows of weights <c>D2, D3</c> for the continuous extension
/// <c>x(θ) = (1−θ) x + θ x_new + θ(1−θ)(Σ D2_i K_i + θ Σ D3_i K_i)</c>, or null for cubic Hermite interpolation.
/// </param>
public sealed record RosenbrockTableau(
    string Name,
    int Order,
    double Gamma,
    double[] A,
    double[] C,
    double[] M,
    double[] E,
    double[] Alpha,
    double[] GammaSum,
    bool[] NewFunction,
    double[][]? DenseOutput)
{
    /// <summary>The number of stages.</summary>
    public int Stages => M.Length;

    /// <summary>
    /// RODAS3 (Sandu et al., "Benchmarking stiff ODE solvers for atmospheric chemistry II", Atmos. Environ. 1997):
    /// stiffly accurate, order 3(2), four stages, three evaluations of f.
    /// </summary>
    public static RosenbrockTableau Rodas3 { get; } = new(
        "RODAS3",
        Order: 3,
        Gamma: 0.5,
        A: [0, 2, 0, 2, 0, 1],
        C: [4, 1, -1, 1, -1, -8.0 / 3.0],
        M: [2, 0, 1, 1],
        E: [0, 0, 0, 1],
        Alpha: [0, 0, 1, 1],
        GammaSum: [0.5, 1.5, 0, 0],
        NewFunction: [true, false, true, true],
        DenseOutput: null);

    /// <summary>
    /// RODAS4 (Hairer and Wanner, Solving ODEs II, §VI.4, Table 4.3 and the code RODAS): stiffly accurate and
    /// L-stable, order 4(3), six stages, with Hairer's order-3 continuous extension.
    /// </summary>
    public static RosenbrockTableau Rodas4 { get; } = new(
        "RODAS4",
        Order: 4,
        Gamma: 0.25,
        A:
        [
            1.544,
            0.9466785280815826, 0.2557011698983284,
            3.314825187068521, 2.896124015972201, 0.9986419139977817,
            1.221224509226641, 6.019134481288629, 12.53708332932087, -0.6878860361058950,
            1.221224509226641, 6.019134481288629, 12.53708332932087, -0.6878860361058950, 1.0,
        ],
        C:
        [
            -5.6688,
            -2.430093356833875, -0.2063599157091915,
            -0.1073529058151375, -9.594562251023355, -20.47028614809616,
            7.496443313967647, -10.24680431464352, -33.99990352819905, 11.70890893206160,
            8.083246795921522, -7.981132988064893, -31.52159432874371, 16.31930543123136, -6.058818238834054,
        ],
        M: [1.221224509226641, 6.019134481288629, 12.53708332932087, -0.6878860361058950, 1.0, 1.0],
        E: [0, 0, 0, 0, 0, 1],
        Alpha: [0, 0.386, 0.21, 0.63, 1, 1],
        GammaSum: [0.25, -0.1043, 0.1035, -0.03620000000000023, 0, 0],
        NewFunction: [true, true, true, true, true, true],
        DenseOutput:
        [
            [10.12623508344586, -7.487995877610167, -34.80091861555747, -7.992771707568823, 1.025137723295662, 0],
            [-0.6762803392801253, 6.087714651680015, 16.43084320892478, 24.76722511418386, -6.594389125716872, 0],
        ]);
}
