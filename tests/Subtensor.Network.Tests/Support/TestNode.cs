using Subtensor.Network.Identity;
using Subtensor.Network.Multiformats;
using Subtensor.Network.Service;
using Subtensor.Network.Sync;

namespace Subtensor.Network.Tests.Support;

/// <summary>A node in a test: an in-memory chain, a network service on a loopback port the OS picks, and (optionally) sync.</summary>
internal sealed class TestNode : IAsyncDisposable
{
    private TestNode(TestChain chain, NetworkService network, SyncService? sync)
    {
        Chain = chain;
        Network = network;
        Sync = sync;
    }

    public TestChain Chain { get; }

    public NetworkService Network { get; }

    public SyncService? Sync { get; }

    public PeerId PeerId => Network.LocalPeerId;

    /// <summary>The listen address with the <c>/p2p/</c> tail, to dial or use as a bootnode.</summary>
    public Multiaddr Address => Network.ListenAddresses[0].WithPeerId(Network.LocalPeerId);

    public static async Task<TestNode> StartAsync(
        TestChain chain,
        Func<NetworkConfiguration, NetworkConfiguration>? configure = null,
        bool withSync = true,
        IChainBackend? backend = null,
        IStateRequestServer? stateServer = null)
    {
        var config = new NetworkConfiguration
        {
            NodeKey = NodeKey.Generate(),
            GenesisHash = chain.GenesisHash,
            ProtocolId = "test",
            ListenAddresses = [Multiaddr.Parse("/ip4/127.0.0.1/tcp/0")],
            MaintenanceInterval = TimeSpan.FromMilliseconds(100),
            RandomWalkInitialDelay = TimeSpan.FromMilliseconds(200),
            RandomWalkMaxInterval = TimeSpan.FromSeconds(1),
            BlockRequestTimeout = TimeSpan.FromSeconds(10),
            BanDuration = TimeSpan.FromMinutes(5),
        };
        config = configure?.Invoke(config) ?? config;
        var network = new NetworkService(config, backend ?? chain, stateServer);
        await network.StartAsync();
        SyncService? sync = null;
        if (withSync)
        {
            sync = new SyncService(network, chain, chain, new SyncServiceOptions { InformantInterval = TimeSpan.Zero });
            sync.Start();
        }

        return new TestNode(chain, network, sync);
    }

    public async ValueTask DisposeAsync()
    {
        if (Sync is not null)
        {
            await Sync.DisposeAsync();
        }

        await Network.DisposeAsync();
    }
}
