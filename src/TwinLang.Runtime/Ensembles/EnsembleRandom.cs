namespace TwinLang.Runtime.Ensembles;

/// <summary>
/// The ensemble's random numbers: xoshiro256** (Blackman and Vigna, 2018), with its state filled by SplitMix64
/// from a (seed, stream) pair. Every ensemble member draws from its own stream (its member number), so a member's
/// draws depend only on the seed and its number, never on which thread ran it or what ran before. The algorithm
/// is fixed here because <see cref="Random"/>'s is not a stable contract across .NET versions.
/// </summary>
public struct EnsembleRandom
{
    private const ulong GoldenGamma = 0x9E3779B97F4A7C15;
    private ulong _s0;
    private ulong _s1;
    private ulong _s2;
    private ulong _s3;

    /// <summary>The generator of stream <paramref name="stream"/> under <paramref name="seed"/>; different streams give unrelated sequences.</summary>
    public static EnsembleRandom ForStream(ulong seed, ulong stream)
    {
        // Mix is a bijection, so distinct streams of one seed start from distinct SplitMix64 states.
        var state = Mix(seed ^ Mix(stream + GoldenGamma));
        var random = new EnsembleRandom
        {
            _s0 = SplitMix(ref state),
            _s1 = SplitMix(ref state),
            _s2 = SplitMix(ref state),
            _s3 = SplitMix(ref state),
        };
        if ((random._s0 | random._s1 | random._s2 | random._s3) == 0)
        {
            // The one state xoshiro cannot leave; SplitMix64 practically never yields it.
            random._s0 = GoldenGamma;
        }

        return random;
    }

    /// <summary>The next 64 random bits.</summary>
    public ulong NextUInt64()
    {
        var result = ulong.RotateLeft(_s1 * 5, 7) * 9;
        var t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = ulong.RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>A uniform number strictly between 0 and 1 (53 random bits, centred in their interval), so quantile functions stay finite.</summary>
    public double NextOpenUnit() => ((NextUInt64() >> 11) + 0.5) * (1.0 / (1UL << 53));

    private static ulong SplitMix(ref ulong state)
    {
        state += GoldenGamma;
        return Mix(state);
    }

    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EB;
        return z ^ (z >> 31);
    }
}
