namespace TwinLang.LanguageServer.JsonRpc;

/// <summary>JSON-RPC 2.0 and LSP error codes.</summary>
public static class ErrorCodes
{
    /// <summary>Invalid JSON was received.</summary>
    public const int ParseError = -32700;

    /// <summary>The JSON is not a valid request object.</summary>
    public const int InvalidRequest = -32600;

    /// <summary>The method does not exist.</summary>
    public const int MethodNotFound = -32601;

    /// <summary>Invalid method parameters.</summary>
    public const int InvalidParams = -32602;

    /// <summary>Internal error.</summary>
    public const int InternalError = -32603;

    /// <summary>A request arrived before <c>initialize</c>.</summary>
    public const int ServerNotInitialized = -32002;

    /// <summary>The client cancelled the request.</summary>
    public const int RequestCancelled = -32800;

    /// <summary>The request was valid but could not be carried out (an invalid new name for rename).</summary>
    public const int RequestFailed = -32803;

    /// <summary>The document changed while the request ran.</summary>
    public const int ContentModified = -32801;
}

/// <summary>Thrown by handlers to answer with a JSON-RPC error instead of a result.</summary>
public sealed class JsonRpcException(int code, string message) : Exception(message)
{
    /// <summary>The JSON-RPC error code.</summary>
    public int Code { get; } = code;
}
