using System.Globalization;

namespace TwinLang.Diagnostics;

// TW5580..TW5599: sweeps and Monte-Carlo ensembles in 'twin run': malformed study items found while planning, and
// members or sweep points whose run failed. A failed member is a warning (the statistics leave it out); an
// ensemble none of whose members finished is an error.
public readonly partial struct DiagnosticBuilder
{
    /// <summary>TW5580: one ensemble member's run failed.</summary>
    public Diagnostic EnsembleMemberFailed(int member, string draws, string reason) =>
        Warning("TW5580", $"Ensemble member {member.ToString(CultureInfo.InvariantCulture)} ({Drawn(draws)}) failed and is left out of the statistics: {Detail(reason, "its run stopped early")}");

    /// <summary>TW5581: more members failed than are listed one by one.</summary>
    public Diagnostic EnsembleMoreMembersFailed(int more, int members) =>
        Warning("TW5581", $"{more.ToString(CultureInfo.InvariantCulture)} more of the {members.ToString(CultureInfo.InvariantCulture)} ensemble members failed and are left out of the statistics.");

    /// <summary>TW5582: no member of an ensemble finished.</summary>
    public Diagnostic EnsembleAllMembersFailed(int members, string reason) =>
        Error("TW5582", $"All {members.ToString(CultureInfo.InvariantCulture)} ensemble members failed, so there are no statistics. The first: {Detail(reason, "its run stopped early")}");

    /// <summary>TW5583: an ensemble with no members or a fractional count.</summary>
    public Diagnostic EnsembleMembersNotPositive(double value) =>
        Error("TW5583", $"Expected a positive whole number of ensemble members but found {value.ToString("G6", CultureInfo.InvariantCulture)}.");

    /// <summary>TW5584: a sweep over an empty list.</summary>
    public Diagnostic SweepWithoutValues(string target) =>
        Error("TW5584", $"Expected at least one value to sweep {Quote(target)} over but found an empty list.");

    /// <summary>TW5585: a parameter varied by two sweeps, two draws, or a sweep and a draw.</summary>
    public Diagnostic ParameterVariedTwice(string target) =>
        Error("TW5585", $"Parameter {Quote(target)} is already varied by a sweep or a draw of this scenario. Vary each parameter once.");

    /// <summary>TW5586: a second <c>ensemble</c> in one scenario.</summary>
    public Diagnostic SecondEnsemble() =>
        Error("TW5586", "Expected one 'ensemble' per scenario but found a second one. Put all draws into one ensemble.");

    /// <summary>TW5587: distribution arguments the runtime cannot draw from.</summary>
    public Diagnostic DistributionInvalid(string target, string reason) =>
        Error("TW5587", $"Cannot draw {Quote(target)}: {Detail(reason, "the distribution's arguments are invalid")}");

    /// <summary>TW5588: one sweep point's run failed.</summary>
    public Diagnostic SweepPointFailed(int point, string values, string reason) =>
        Error("TW5588", $"Sweep point {point.ToString(CultureInfo.InvariantCulture)} ({Drawn(values)}) failed: {Detail(reason, "its run stopped early")}");

    private static string Drawn(string values) => values.Trim().Length == 0 ? "no values" : values.Trim();
}
