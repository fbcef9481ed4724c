using System.Globalization;

namespace TwinLang.Runtime.Ensembles;

/// <summary>A Monte-Carlo ensemble: how many members, the seed, what they draw, and how the results are summarised.</summary>
public sealed record EnsembleOptions
{
    /// <summary>The percentiles <c>twin run</c> writes: p05, p50 and p95.</summary>
    public static IReadOnlyList<double> DefaultPercentiles { get; } = [5, 50, 95];

    /// <summary>The number of members, numbered 1 .. Members; member k draws from random stream k.</summary>
    public int Members { get; init; } = 1;

    /// <summary>The seed of every member's stream.</summary>
    public ulong Seed { get; init; }

    /// <summary>The draws, applied in order over the prototype's parameter values.</summary>
    public IReadOnlyList<ParameterDraw> Draws { get; init; } = [];

    /// <summary>The most threads to run members on (the caller's included); results do not depend on it.</summary>
    public int Threads { get; init; } = Environment.ProcessorCount;

    /// <summary>The percentiles (0..100) computed per column and output time.</summary>
    public IReadOnlyList<double> Percentiles { get; init; } = DefaultPercentiles;

    /// <summary>The result columns to keep and summarise, by name; every column when null.</summary>
    public IReadOnlyList<string>? Columns { get; init; }

    /// <summary>Whether each member's series is kept in <see cref="EnsembleMember.Series"/> (memory: members × rows × columns).</summary>
    public bool KeepMemberSeries { get; init; }

    /// <summary>
    /// Called on the worker thread after each member finishes, with its number (for progress displays); must be
    /// thread-safe. Members finish in any order.
    /// </summary>
    public Action<int>? MemberFinished { get; init; }

    /// <summary>Why these options cannot run on a model with <paramref name="parameterCount"/> parameters, or null.</summary>
    public string? Validate(int parameterCount)
    {
        if (Members < 1)
        {
            return $"An ensemble needs at least one member but has {Members.ToString(CultureInfo.InvariantCulture)}.";
        }

        if (Threads < 1)
        {
            return $"An ensemble needs at least one thread but was given {Threads.ToString(CultureInfo.InvariantCulture)}.";
        }

        foreach (var percent in Percentiles)
        {
            if (!(percent >= 0 && percent <= 100))
            {
                return $"Percentiles must lie between 0 and 100 but one is {percent.ToString(CultureInfo.InvariantCulture)}.";
            }
        }

        foreach (var draw in Draws)
        {
            if (draw.Parameters.Any(p => p < 0 || p >= parameterCount))
            {
                return $"The draw of '{draw.Name}' names a parameter the model does not have.";
            }

            if (draw.Distribution.Validate() is { } invalid)
            {
                return $"The draw of '{draw.Name}' is invalid: {invalid}";
            }
        }

        return null;
    }
}
