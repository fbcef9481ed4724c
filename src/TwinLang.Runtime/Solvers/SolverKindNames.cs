namespace TwinLang.Runtime.Solvers;

/// <summary>The names scenarios use for solvers (<c>solver dopri5(...)</c>).</summary>
public static class SolverKindNames
{
    /// <summary>The scenario name of <paramref name="kind"/>.</summary>
    public static string Name(SolverKind kind) => kind switch
    {
        SolverKind.ExplicitEuler => "euler",
        SolverKind.RungeKutta4 => "rk4",
        SolverKind.DormandPrince5 => "dopri5",
        SolverKind.Rodas3 => "rodas3",
        SolverKind.Rodas4 => "rodas4",
        SolverKind.Auto => "auto",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown solver kind."),
    };

    /// <summary>Finds the solver kind with scenario name <paramref name="name"/> (ordinal).</summary>
    public static bool TryParse(string name, out SolverKind kind)
    {
        foreach (var candidate in Enum.GetValues<SolverKind>())
        {
            if (string.Equals(Name(candidate), name, StringComparison.Ordinal))
            {
                kind = candidate;
                return true;
            }
        }

        kind = default;
        return false;
    }
}
