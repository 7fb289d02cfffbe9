using Subtensor.Network.Substrate;

namespace Subtensor.Network.Sync;

/// <summary>
/// Answers <c>/…/state/2</c> requests from the node's state (key/value entries after the start key, with or without a proof);
/// returns null to refuse (unknown block, pruned state). Optional: without it the network refuses state requests.
/// </summary>
public interface IStateRequestServer
{
    StateResponse? Serve(StateRequest request);
}
