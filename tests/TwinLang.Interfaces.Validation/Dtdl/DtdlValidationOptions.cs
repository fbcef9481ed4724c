namespace TwinLang.Interfaces.Validation.Dtdl;

/// <summary>Options of the DTDL validator, named after the official parser's options used by the spec vectors.</summary>
public sealed record DtdlValidationOptions
{
    /// <summary>
    /// False (the default, "DisallowUndefinedExtensions"): an unknown extension context is an error.
    /// True: such contexts make the model contextually incomplete, and elements co-typed with terms it might
    /// define are accepted ("informally co-typed").
    /// </summary>
    public bool AllowUndefinedExtensions { get; init; }

    public static DtdlValidationOptions Default { get; } = new();
}
