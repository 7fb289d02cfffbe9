using System.Text.Json.Nodes;

namespace Subtensor.Rpc.JsonRpc;

/// <summary>A JSON-RPC error with Substrate's codes; thrown by handlers and turned into an error response.</summary>
public sealed class RpcException : Exception
{
    public RpcException(int code, string message, JsonNode? data = null)
        : base(message)
    {
        Code = code;
        Data = data;
    }

    public RpcException() : this(RpcErrorCodes.InternalError, "internal error") { }

    public RpcException(string message) : this(RpcErrorCodes.InternalError, message) { }

    public RpcException(string message, Exception innerException) : base(message, innerException) { Code = RpcErrorCodes.InternalError; }

    public int Code { get; }

    public new JsonNode? Data { get; }

    public static RpcException InvalidParams(string message) => new(RpcErrorCodes.InvalidParams, message);
}
