namespace Subtensor.Rpc.JsonRpc;

/// <summary>A client connection that can hold subscriptions (WebSocket); HTTP calls have none.</summary>
public interface IRpcConnection
{
    /// <summary>Creates a sink for a new subscription; notifications flow once the subscribe response was sent.</summary>
    IRpcSubscriptionSink CreateSink(string notificationMethod);

    /// <summary>Binds a started subscription to its sink; false when the per-connection limit is reached.</summary>
    bool Attach(IRpcSubscriptionSink sink, IDisposable subscription);

    /// <summary>Stops a subscription by id; false when this connection has no such subscription.</summary>
    bool Detach(string subscriptionId);

    /// <summary>Drops a sink that never got attached (its subscribe call failed).</summary>
    void Discard(IRpcSubscriptionSink sink);

    /// <summary>Called after the response to the request that created sinks has been queued.</summary>
    void ActivatePending();
}
