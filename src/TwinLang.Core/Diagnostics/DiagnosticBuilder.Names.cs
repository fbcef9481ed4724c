namespace TwinLang.Diagnostics;

// TW1xxx: names and declarations (binder).
public readonly partial struct DiagnosticBuilder
{
    /// <summary>TW1001: a name that no scope declares.</summary>
    public Diagnostic UndeclaredName(string name, string? suggestion) =>
        Error("TW1001", $"The name {Quote(name)} is not declared in this scope.{DidYouMean(suggestion)}");

    /// <summary>TW1002: a second declaration of a name in the same scope.</summary>
    public Diagnostic DuplicateDeclaration(string name, string firstLocation) =>
        Error("TW1002", $"{Quote(name)} is already declared at {firstLocation}. Rename or remove one of the declarations.");

    /// <summary>TW1003: a member access naming no member of the type.</summary>
    public Diagnostic UnknownMember(string type, string member, string? suggestion) =>
        Error("TW1003", $"{Quote(type)} has no member {Quote(member)}.{DidYouMean(suggestion)}");

    /// <summary>TW1004: an asset that extends itself, directly or through other assets.</summary>
    public Diagnostic InheritanceCycle(string asset, string cycle) =>
        Error("TW1004", $"Asset {Quote(asset)} extends itself through {cycle}. Remove one 'extends' from the cycle.");

    /// <summary>TW1005: an asset that contains itself, directly or through components.</summary>
    public Diagnostic RecursiveComposition(string asset, string cycle) =>
        Error("TW1005", $"Asset {Quote(asset)} contains itself through {cycle}; an instance would be infinite.");

    /// <summary>TW1006: an annotation the compiler does not know.</summary>
    public Diagnostic UnknownAnnotation(string name, string known) =>
        Warning("TW1006", $"Unknown annotation '@{name}' is ignored. Expected one of {known}.");

    /// <summary>TW1007: an import that names no package or declaration.</summary>
    public Diagnostic UnknownImport(string name, string? suggestion) =>
        Error("TW1007", $"The import {Quote(name)} names no known package or declaration.{DidYouMean(suggestion)}");

    /// <summary>TW1008: a name used as a type that is not one.</summary>
    public Diagnostic NotAType(string name, string kind) =>
        Error("TW1008", $"Expected a type but {Quote(name)} is {kind}.");

    /// <summary>TW1009: a component or port whose type is not an asset or connector of the right kind.</summary>
    public Diagnostic WrongComponentType(string name, string expected, string found) =>
        Error("TW1009", $"Expected {expected} as the type of {Quote(name)} but found {found}.");

    /// <summary>TW1010: <c>extends</c> or a <c>for</c> target naming something that is not an asset.</summary>
    public Diagnostic NotAnAsset(string name, string kind) =>
        Error("TW1010", $"Expected an asset but {Quote(name)} is {kind}.");

    /// <summary>TW1011: a package version that is not a semantic version.</summary>
    public Diagnostic InvalidPackageVersion(string version) =>
        Error("TW1011", $"Expected a semantic version such as '1.2.0' but found {Quote(version)}.");

    /// <summary>TW1012: a name that two imports bring in with different meanings.</summary>
    public Diagnostic AmbiguousName(string name, string first, string second) =>
        Error("TW1012", $"The name {Quote(name)} is ambiguous between {Quote(first)} and {Quote(second)}. Import one of them explicitly.");

    /// <summary>TW1013: a name used as a value that is not one (a type, a function, a package).</summary>
    public Diagnostic NotAValue(string name, string kind) =>
        Error("TW1013", $"Expected a value but {Quote(name)} is {kind}.");

    /// <summary>TW1014: a call of something that is not a function, table or surrogate.</summary>
    public Diagnostic NotCallable(string name, string kind) =>
        Error("TW1014", $"Expected a function, table or surrogate but {Quote(name)} is {kind}.");

    /// <summary>TW1015: a modifier naming no parameter or attribute.</summary>
    public Diagnostic UnknownModifier(string name, string type, string? suggestion) =>
        Error("TW1015", $"{Quote(type)} has no parameter or attribute {Quote(name)} to modify.{DidYouMean(suggestion)}");

    /// <summary>TW1016: a named argument naming no parameter, or given twice.</summary>
    public Diagnostic UnknownNamedArgument(string callee, string name, string? suggestion) =>
        Error("TW1016", $"{Quote(callee)} has no parameter {Quote(name)}, or it is given twice.{DidYouMean(suggestion)}");

    /// <summary>TW1017: a setting not known for the construct (table, filter, solver, coupling, scenario).</summary>
    public Diagnostic UnknownSetting(string owner, string name, string known) =>
        Error("TW1017", $"{owner} has no setting {Quote(name)}. Expected one of {known}.");

    /// <summary>TW1018: a built-in choice (filter, solver, distribution, signal, metric, model) that does not exist.</summary>
    public Diagnostic UnknownChoice(string category, string name, string known) =>
        Error("TW1018", $"Unknown {category} {Quote(name)}. Expected one of {known}.");

    private static string DidYouMean(string? suggestion) => suggestion is null ? string.Empty : $" Did you mean {Quote(suggestion)}?";
}
