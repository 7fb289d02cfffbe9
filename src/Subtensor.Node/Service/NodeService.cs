using System.Net;
using System.Net.Sockets;
using Serilog;
using Subtensor.Client.Authoring;
using Subtensor.Client.Blockchain;
using Subtensor.Client.Keystore;
using Subtensor.Client.Pool;
using Subtensor.Consensus.Aura;
using Subtensor.Consensus.Grandpa;
using Subtensor.Network.Host;
using Subtensor.Network.Identity;
using Subtensor.Network.Service;
using Subtensor.Network.Substrate;
using Subtensor.Network.Sync;
using Subtensor.Node.Finality;
using Subtensor.Node.Networking;
using Subtensor.Rpc.JsonRpc;
using Subtensor.Rpc.Modules;
using Subtensor.Rpc.Server;
using Subtensor.Storage.Chain;
using BlockOrigin = Subtensor.Client.Blockchain.BlockOrigin;

namespace Subtensor.Node.Service;

/// <summary>
/// The composition root (sc-service): opens the chain database, keystore and pool, wires import, the network (sync, block announces,
/// transaction gossip), GRANDPA finality (chains other than dev), authoring and the RPC gateway, and stops them in reverse order.
/// </summary>
internal sealed class NodeService : IAsyncDisposable
{
    private static readonly ILogger Log = Serilog.Log.ForContext<NodeService>();
    private readonly NodeConfiguration _config;
    private ChainClient? _client;
    private RpcServer? _rpc;
    private AuthoringWorker? _authoring;
    private NetworkService? _network;
    private SyncService? _sync;
    private TransactionGossip? _gossip;
    private GrandpaService? _grandpa;
    private DevFinalityWorker? _devFinality;

    public NodeService(NodeConfiguration config) => _config = config;

    public ChainClient Client => _client ?? throw new InvalidOperationException("not started");

    public TransactionPool.TransactionPool Pool { get; private set; } = null!;

    public RpcServer? Rpc => _rpc;

    public NetworkService? Network => _network;

    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        var runtime = FastBlocks.CreateRuntime(_config.Spec);
        Log.Information("{Name} Node", NodeVersion.Name);
        Log.Information("✌️  version {Version}", NodeVersion.Version);
        Log.Information("📋 Chain specification: {Chain}", _config.Spec.Name);
        Log.Information("🏷  Node name: {Name}", _config.NodeName);
        Log.Information("👤 Role: {Role}", _config.IsValidator ? "AUTHORITY" : "FULL");
        Log.Information("💾 Database: RocksDb at {Path}", _config.DatabasePath);

        _client = ChainClient.Open(_config.Spec, _config.DatabasePath,
            new ChainDatabaseOptions { StatePruning = _config.StatePruning, BlocksPruning = _config.BlocksPruning }, runtime);
        Log.Information("🔨 Genesis block: #0 ({Hash}), state root {Root}", _client.GenesisHash, _client.Genesis.StateRoot);
        Log.Information("📦 Best block: #{Number} ({Hash}), finalized #{Finalized}", _client.Best.Number, _client.Best.Hash, _client.Finalized.Number);

        var keystore = new LocalKeystore(_config.KeystorePath);
        foreach (var seed in _config.DevKeySeeds)
        {
            keystore.InsertUri("aura", "//" + seed);
            keystore.InsertUri("gran", "//" + seed);
        }

        var nodeKey = ResolveNodeKey();
        var seals = new SealVerifier();
        var engine = new AuraEngine(_client.SlotDurationMs(_client.Best.Hash)) { SignatureCheck = seals.Check };
        if (FastBlocks.IsEnabled(_config.Spec))
        {
            Log.Information("⏱  Fast blocks: {Slot} ms slots", engine.SlotDurationMs);
        }

        var devSealing = _config.Sealing.Kind != SealingKind.Aura;
        var importer = new BlockImporter(_client, engine, allowFutureSlots: devSealing);
        Pool = new TransactionPool.TransactionPool(new RuntimeTransactionValidator(_client), _config.Pool);
        PoolMaintenance.Attach(_client, Pool);
        var finality = new GrandpaFinality(_client, importer);

        // Networking: sync, announces, transactions, GRANDPA gossip.
        var backend = new ClientChainBackend(_client);
        _network = new NetworkService(NetworkConfig(nodeKey), backend, stateServer: null, logger: Serilog.Log.Logger);
        var network = _network;
        var importQueue = new ClientImportQueue(_client, importer, engine, finality, network.ReportPeer, seals) { ApplyJustifications = _config.GrandpaEnabled };
        _sync = new SyncService(network, backend, importQueue, new SyncServiceOptions(), Serilog.Log.Logger);
        var sync = _sync;
        _gossip = new TransactionGossip(network, Pool, () => sync.IsMajorSyncing);
        _client.BlockImported += e =>
        {
            if (e.Origin == BlockOrigin.Own)
            {
                network.AnnounceBlock(e.Header.Encode(), e.IsNewBest);
            }
        };

        if (_config.GrandpaEnabled)
        {
            _grandpa = new GrandpaService(_client, network, finality, keystore, GrandpaOptions(engine.SlotDurationMs));
        }
        else if (_config.InstantFinality)
        {
            _devFinality = new DevFinalityWorker(_client);
        }

        await network.StartAsync(cancellationToken).ConfigureAwait(false);
        _sync.Start();
        _gossip.Start();
        _grandpa?.Start();

        if (_config.IsValidator)
        {
            var author = new BlockAuthor(_client, importer, new BlockBuilder(_client, Pool), engine, keystore);
            _authoring = new AuthoringWorker(author, _client, Pool, _config.Sealing, finalize: false, () => sync.IsMajorSyncing);
            _authoring.Start();
            Log.Information("⛏  Authoring with {Mode} sealing (slot {Slot} ms)", _config.Sealing.Kind, engine.SlotDurationMs);
        }

        if (!_config.RpcDisabled)
        {
            var registry = new RpcMethodRegistry();
            var info = new NetworkNodeInfo(_config, network, sync, _gossip);
            var services = new RpcServices(_client, Pool, keystore, info, _config.Sealing.Kind == SealingKind.Manual ? _authoring : null);
            NodeRpc.Register(registry, services, _config.Rpc);
            NetworkRpc.Register(registry, network);
            _rpc = new RpcServer(registry, _config.Rpc);
            await _rpc.StartAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>sc-consensus-grandpa timing scaled to the slot: gossip duration ⅛ slot (25–333 ms), rebroadcast every 4 slots (1–5 s).</summary>
    internal static GrandpaVoterOptions GrandpaOptions(ulong slotMs)
    {
        var gossip = TimeSpan.FromMilliseconds(Math.Clamp((double)slotMs / 8, 25, 333));
        var rebroadcast = TimeSpan.FromMilliseconds(Math.Clamp((double)slotMs * 4, 1000, 5000));
        return new GrandpaVoterOptions { GossipDuration = gossip, RebroadcastInterval = rebroadcast, CatchUpInterval = rebroadcast };
    }

    private NodeKey ResolveNodeKey()
    {
        var options = _config.Network;
        if (options.NodeKeyHex is { } hex)
        {
            return NodeKey.ParseHex(hex);
        }

        return NodeKey.LoadOrGenerate(options.NodeKeyFile ?? _config.NetworkKeyPath);
    }

    private NetworkConfiguration NetworkConfig(NodeKey nodeKey)
    {
        var options = _config.Network;
        var port = options.Port;
        if (options.PortIsDefault && options.AllowPortFallback && !PortIsFree(port))
        {
            Log.Warning("Port {Port} is in use; this dev node listens on a port the OS picks (use --port to choose one)", port);
            port = 0;
        }

        return new NetworkConfiguration
        {
            NodeKey = nodeKey,
            GenesisHash = _client!.GenesisHash,
            ProtocolId = string.IsNullOrEmpty(_config.Spec.ProtocolId) ? "sup" : _config.Spec.ProtocolId,
            ForkId = _config.Spec.ForkId,
            Role = _config.IsValidator ? NodeRole.Authority : NodeRole.Full,
            ListenAddresses = options.EffectiveListenAddresses(port),
            PublicAddresses = options.PublicAddresses,
            Bootnodes = options.Bootnodes,
            ReservedNodes = options.ReservedNodes,
            ReservedOnly = options.ReservedOnly,
            InPeers = options.InPeers,
            OutPeers = options.OutPeers,
            Host = new HostOptions { AgentVersion = $"{NodeVersion.Name}/v{NodeVersion.Version} ({_config.NodeName})" },
        };
    }

    private static bool PortIsFree(int port)
    {
        try
        {
            var probe = new TcpListener(IPAddress.Any, port);
            probe.Start();
            probe.Stop();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_authoring is not null)
        {
            await _authoring.DisposeAsync().ConfigureAwait(false);
        }

        if (_rpc is not null)
        {
            await _rpc.DisposeAsync().ConfigureAwait(false);
        }

        if (_grandpa is not null)
        {
            await _grandpa.DisposeAsync().ConfigureAwait(false);
        }

        if (_devFinality is not null)
        {
            await _devFinality.DisposeAsync().ConfigureAwait(false);
        }

        if (_gossip is not null)
        {
            await _gossip.DisposeAsync().ConfigureAwait(false);
        }

        if (_sync is not null)
        {
            await _sync.DisposeAsync().ConfigureAwait(false);
        }

        if (_network is not null)
        {
            await _network.DisposeAsync().ConfigureAwait(false);
        }

        _client?.Dispose();
        if (_config.DeleteBasePathOnExit)
        {
            try
            {
                Directory.Delete(_config.BasePath, recursive: true);
            }
            catch (IOException e)
            {
                Log.Warning("Could not delete the temporary base path {Path}: {Reason}", _config.BasePath, e.Message);
            }
        }
    }
}
