using Serilog;
using Subtensor.Client.Authoring;
using Subtensor.Client.Blockchain;
using Subtensor.Client.Keystore;
using Subtensor.Client.Pool;
using Subtensor.Consensus.Aura;
using Subtensor.Network.Identity;
using Subtensor.Rpc.JsonRpc;
using Subtensor.Rpc.Modules;
using Subtensor.Rpc.Server;
using Subtensor.Runtime;
using Subtensor.Storage.Chain;

namespace Subtensor.Node.Service;

/// <summary>
/// The composition root (sc-service): opens the chain database, keystore and pool, wires import, authoring and
/// the RPC gateway, and stops them in reverse order.
/// </summary>
internal sealed class NodeService : IAsyncDisposable
{
    private static readonly ILogger Log = Serilog.Log.ForContext<NodeService>();
    private readonly NodeConfiguration _config;
    private ChainClient? _client;
    private RpcServer? _rpc;
    private AuthoringWorker? _authoring;
    private DevFinalityWorker? _devFinality;

    public NodeService(NodeConfiguration config) => _config = config;

    public ChainClient Client => _client ?? throw new InvalidOperationException("not started");

    public TransactionPool.TransactionPool Pool { get; private set; } = null!;

    public RpcServer? Rpc => _rpc;

    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        var runtime = new SubtensorRuntime();
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

        var nodeKey = NodeKey.LoadOrGenerate(_config.NetworkKeyPath);
        var peerId = nodeKey.PeerId.ToString();
        Log.Information("🏷  Local node identity is: {PeerId}", peerId);

        var engine = new AuraEngine(_client.SlotDurationMs(_client.Best.Hash));
        var devSealing = _config.Sealing.Kind != SealingKind.Aura;
        var importer = new BlockImporter(_client, engine, allowFutureSlots: devSealing);
        Pool = new TransactionPool.TransactionPool(new RuntimeTransactionValidator(_client), _config.Pool);
        PoolMaintenance.Attach(_client, Pool);

        if (_config.InstantFinality)
        {
            _devFinality = new DevFinalityWorker(_client);
        }

        if (_config.IsValidator)
        {
            var author = new BlockAuthor(_client, importer, new BlockBuilder(_client, Pool), engine, keystore);
            _authoring = new AuthoringWorker(author, _client, Pool, _config.Sealing, finalize: false);
            _authoring.Start();
            Log.Information("⛏  Authoring with {Mode} sealing (slot {Slot} ms)", _config.Sealing.Kind, engine.SlotDurationMs);
        }

        if (!_config.RpcDisabled)
        {
            var registry = new RpcMethodRegistry();
            var info = new StandaloneNodeInfo(_config, _client, peerId);
            NodeRpc.Register(registry, new RpcServices(_client, Pool, keystore, info, _config.Sealing.Kind == SealingKind.Manual ? _authoring : null), _config.Rpc);
            _rpc = new RpcServer(registry, _config.Rpc);
            await _rpc.StartAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_authoring is not null)
        {
            await _authoring.DisposeAsync().ConfigureAwait(false);
        }

        if (_devFinality is not null)
        {
            await _devFinality.DisposeAsync().ConfigureAwait(false);
        }

        if (_rpc is not null)
        {
            await _rpc.DisposeAsync().ConfigureAwait(false);
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
