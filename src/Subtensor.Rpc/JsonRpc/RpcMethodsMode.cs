namespace Subtensor.Rpc.JsonRpc;

/// <summary><c>--rpc-methods</c>: which methods are exposed. Auto = unsafe on loopback only, safe when external.</summary>
public enum RpcMethodsMode
{
    Auto,
    Safe,
    Unsafe,
}
