using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Subtensor.Rpc.Modules;

namespace Subtensor.Rpc.Tests.Modules;

/// <summary>A node without a network, recording the transactions it was asked to gossip.</summary>
internal sealed class FakeNodeInfo : INodeInfo
{
    public ConcurrentQueue<byte[]> Broadcast { get; } = new();

    public string ImplementationName => "Subtensor.NET";

    public string ImplementationVersion => "0.1.0-test";

    public string NodeName => "rpc-test";

    public IReadOnlyList<string> Roles => ["Authority"];

    public string LocalPeerId => "12D3KooWEyoppNCUx8Yx66oV9fJnriXwCcXwDDUA2kj6vnc6iDEp";

    public IReadOnlyList<string> ListenAddresses => ["/ip4/127.0.0.1/tcp/30333/p2p/12D3KooWEyoppNCUx8Yx66oV9fJnriXwCcXwDDUA2kj6vnc6iDEp"];

    public JsonArray Peers() => [new JsonObject { ["peerId"] = "12D3KooWPeer", ["roles"] = "FULL", ["bestHash"] = "0x00", ["bestNumber"] = 0 }];

    public int PeerCount => 1;

    public bool IsSyncing => false;

    public bool ShouldHavePeers => false;

    public (uint Starting, uint Current, uint? Highest) SyncState => (0, 5, null);

    public void BroadcastTransaction(byte[] extrinsic) => Broadcast.Enqueue(extrinsic);
}
