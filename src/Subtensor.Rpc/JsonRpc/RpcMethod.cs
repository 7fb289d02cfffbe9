namespace Subtensor.Rpc.JsonRpc;

/// <summary>A registered method: a plain call, a subscribe call, or an unsubscribe call.</summary>
public sealed record RpcMethod(
    string Name,
    bool IsUnsafe,
    RpcHandler? Handler = null,
    RpcSubscribeHandler? Subscribe = null,
    string? NotificationName = null,
    bool IsUnsubscribe = false);
