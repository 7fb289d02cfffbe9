namespace Subtensor.Rpc.JsonRpc;

/// <summary>
/// Starts a subscription: validate the parameters (throwing <see cref="RpcException"/>), then push results through
/// <paramref name="sink"/>. The returned disposable stops the subscription (unsubscribe or disconnect).
/// </summary>
public delegate ValueTask<IDisposable> RpcSubscribeHandler(RpcParams parameters, IRpcSubscriptionSink sink, CancellationToken cancellationToken);
