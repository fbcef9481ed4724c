using System.Globalization;

namespace TwinLang.Diagnostics;

// TW4600..TW4699: interface emission (DTDL, AAS, FMI). Errors stop emission of every document; warnings name
// what a standard could not carry faithfully (docs/interfaces.md §8).
public readonly partial struct DiagnosticBuilder
{
    /// <summary>TW4601: an escaped name exceeds the target's length limit.</summary>
    public Diagnostic InterfaceNameTooLong(string name, string target, int limit) =>
        Error("TW4601", string.Create(CultureInfo.InvariantCulture, $"The name {Quote(name)} is longer than the {limit} characters {target} allows once escaped. Shorten the name."));

    /// <summary>TW4602: an array with more dimensions than DTDL can nest.</summary>
    public Diagnostic InterfaceArrayTooDeep(string name, int rank) =>
        Error("TW4602", string.Create(CultureInfo.InvariantCulture, $"Expected at most 5 array dimensions for DTDL but {Quote(name)} has {rank}. Reduce the number of dimensions."));

    /// <summary>TW4610: a package version whose major number is 0 cannot be a DTMI version.</summary>
    public Diagnostic DtmiVersionUnavailable(string version) =>
        Warning("TW4610", $"The package version {Quote(version)} has major version 0, which a DTMI cannot carry; the DTDL identifiers are emitted without a version.");

    /// <summary>TW4611: a unit without a DTDL QuantitativeTypes v1 semantic type and unit.</summary>
    public Diagnostic DtdlUnitUnavailable(string unit) =>
        Warning("TW4611", $"The unit {Quote(unit)} has no DTDL QuantitativeTypes v1 semantic type and unit; DTDL carries it only in a comment.");

    /// <summary>TW4612: a version number longer than the 4 digits AAS administration allows.</summary>
    public Diagnostic AasVersionTooLong(string version) =>
        Warning("TW4612", $"The package version {Quote(version)} has a number longer than the 4 digits AAS 'administration' allows; it is kept only in the 'twinlang:version' extension.");

    /// <summary>TW4613: FMI needs a start value the source does not give as a constant.</summary>
    public Diagnostic FmiStartInvented(string name, string start) =>
        Warning("TW4613", $"FMI requires a start value for {Quote(name)} but its default is missing or not constant; the neutral start {Quote(start)} is emitted.");

    /// <summary>TW4620: a description longer than the standard allows is truncated.</summary>
    public Diagnostic InterfaceDescriptionTruncated(string name, string target, int limit) =>
        Warning("TW4620", string.Create(CultureInfo.InvariantCulture, $"The description of {Quote(name)} is longer than the {limit} characters {target} allows and is truncated."));
}
