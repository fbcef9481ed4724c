namespace TwinLang.Interfaces.Validation.Dtdl;

/// <summary>
/// Rule ids of DTDL findings: <c>DTDL-</c> plus the section of shared/schemas/dtdl/RULES.md that states the rule,
/// and a short name where a section holds several rules.
/// </summary>
public static class DtdlRules
{
    public const string Json = "DTDL-json";
    public const string RootShape = "DTDL-1.1";
    public const string TopLevelInterface = "DTDL-1.2";
    public const string TopLevelContext = "DTDL-1.3";
    public const string ContextShape = "DTDL-1.4";
    public const string UndefinedExtension = "DTDL-1.5";
    public const string DuplicateMember = "DTDL-1.6";
    public const string Keyword = "DTDL-1.7";
    public const string UndefinedTerm = "DTDL-1.8";
    public const string Unresolved = "DTDL-1.9";
    public const string NotReferenceable = "DTDL-1.10";
    public const string PathToSelf = "DTDL-1.11";
    public const string InterfaceSize = "DTDL-1.12";
    public const string Dtmi = "DTDL-2.1";
    public const string ReservedPrefix = "DTDL-2.4";
    public const string IdLength = "DTDL-2.5";
    public const string IdUnique = "DTDL-2.6";
    public const string IdRequired = "DTDL-2.7";
    public const string Type = "DTDL-3.type";
    public const string ElementClass = "DTDL-3.class";
    public const string Extends = "DTDL-3.extends";
    public const string ContentsCount = "DTDL-3.contents-count";
    public const string RequiredMember = "DTDL-4.required";
    public const string Cardinality = "DTDL-4.cardinality";
    public const string Name = "DTDL-4.name";
    public const string NameUnique = "DTDL-4.name-unique";
    public const string Multiplicity = "DTDL-4.multiplicity";
    public const string Target = "DTDL-4.target";
    public const string ComponentNesting = "DTDL-4.component-nesting";
    public const string Schema = "DTDL-5.schema";
    public const string EnumValue = "DTDL-5.enum-value";
    public const string SchemaDepth = "DTDL-5.depth";
    public const string Literal = "DTDL-6.literal";
    public const string Style = "DTDL-7.style";
    public const string Localizable = "DTDL-8.localizable";
    public const string StringLength = "DTDL-8.length";
    public const string SemanticContext = "DTDL-9.1";
    public const string SemanticClass = "DTDL-9.2";
    public const string Unit = "DTDL-9.3";
    public const string NumericSchema = "DTDL-9.4";
}
