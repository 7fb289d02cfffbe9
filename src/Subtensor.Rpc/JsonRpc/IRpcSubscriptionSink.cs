using System.Text.Json.Nodes;

namespace Subtensor.Rpc.JsonRpc;

/// <summary>Where a subscription sends its notifications; sends are ordered after the subscribe response.</summary>
public interface IRpcSubscriptionSink
{
    string SubscriptionId { get; }

    /// <summary>Identifies the client connection (for per-connection limits such as chainHead_v1_follow's).</summary>
    object Connection { get; }

    /// <summary>Cancelled when the client unsubscribes or disconnects.</summary>
    CancellationToken Closed { get; }

    /// <summary>Queues one notification <c>{"subscription": id, "result": result}</c>; false once the sink is closed.</summary>
    bool TrySend(JsonNode? result);
}
