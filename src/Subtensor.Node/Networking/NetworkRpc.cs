using System.Text.Json.Nodes;
using Subtensor.Network.Identity;
using Subtensor.Network.Multiformats;
using Subtensor.Network.Service;
using Subtensor.Rpc.JsonRpc;

namespace Subtensor.Node.Networking;

/// <summary>sc-rpc's unsafe peer-management methods: <c>system_addReservedPeer</c>, <c>system_removeReservedPeer</c>, <c>system_reservedPeers</c>.</summary>
internal static class NetworkRpc
{
    public static void Register(RpcMethodRegistry registry, NetworkService network)
    {
        if (!registry.TryGet("system_addReservedPeer", out _))
        {
            registry.Add("system_addReservedPeer", (p, _) =>
            {
                var text = p.RequiredString(0, "peer");
                if (!Multiaddr.TryParse(text, out var address) || address?.PeerId is null)
                {
                    throw RpcException.InvalidParams($"invalid reserved peer '{text}': expected a multiaddr ending in /p2p/<peer id>");
                }

                try
                {
                    network.AddReservedPeer(address);
                }
                catch (ArgumentException e)
                {
                    throw RpcException.InvalidParams(e.Message);
                }

                return ValueTask.FromResult<JsonNode?>(null);
            }, isUnsafe: true);
        }

        if (!registry.TryGet("system_removeReservedPeer", out _))
        {
            registry.Add("system_removeReservedPeer", async (p, _) =>
            {
                var text = p.RequiredString(0, "peer_id");
                if (!PeerId.TryParse(text, out var peer) || peer is null)
                {
                    throw RpcException.InvalidParams($"invalid peer id '{text}'");
                }

                await network.RemoveReservedPeerAsync(peer).ConfigureAwait(false);
                return null;
            }, isUnsafe: true);
        }

        if (!registry.TryGet("system_reservedPeers", out _))
        {
            registry.Add("system_reservedPeers", (_, _) => ValueTask.FromResult<JsonNode?>(
                new JsonArray([.. network.ReservedPeers.Select(p => (JsonNode?)JsonValue.Create(p.ToString()))])), isUnsafe: true);
        }
    }
}
