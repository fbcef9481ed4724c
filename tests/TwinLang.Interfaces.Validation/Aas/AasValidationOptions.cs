namespace TwinLang.Interfaces.Validation.Aas;

/// <summary>Switches for checks that hold for TwinLang's own output but not for arbitrary AAS documents.</summary>
public sealed record AasValidationOptions
{
    /// <summary>
    /// Emitted-document mode: every <c>ModelReference</c> must resolve inside the environment and every
    /// Property/Range/SubmodelElementCollection/RelationshipElement <c>semanticId</c> must name a
    /// ConceptDescription of the environment. Off for the official examples, whose references are random.
    /// </summary>
    public bool RequireResolvedReferences { get; init; }

    public static AasValidationOptions Default { get; } = new();

    public static AasValidationOptions Emitted { get; } = new() { RequireResolvedReferences = true };
}
