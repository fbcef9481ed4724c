namespace TwinLang.Emit.Interfaces;

/// <summary>The interface standards to emit; combine with <c>|</c>.</summary>
[Flags]
public enum InterfaceFormats
{
    /// <summary>Nothing.</summary>
    None = 0,

    /// <summary>DTDL v3 JSON-LD, <c>&lt;qualified asset&gt;.dtdl.json</c>.</summary>
    Dtdl = 1,

    /// <summary>AAS V3.1 JSON Environment, <c>&lt;qualified asset&gt;.aas.json</c>.</summary>
    Aas = 2,

    /// <summary>FMI 3.0 model description, <c>&lt;qualified asset&gt;.modelDescription.xml</c>.</summary>
    Fmi = 4,

    /// <summary>All three.</summary>
    All = Dtdl | Aas | Fmi,
}
