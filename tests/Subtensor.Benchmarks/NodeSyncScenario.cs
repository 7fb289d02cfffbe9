using System.Diagnostics;
using Subtensor.Client.Authoring;
using Subtensor.Client.Blockchain;
using Subtensor.Client.Keystore;
using Subtensor.Client.Pool;
using Subtensor.Consensus.Aura;
using Subtensor.Core.Crypto;
using Subtensor.Core.Types;
using Subtensor.Network.Identity;
using Subtensor.Network.Multiformats;
using Subtensor.Network.Service;
using Subtensor.Network.Sync;
using Subtensor.Node.Finality;
using Subtensor.Node.Networking;
using Subtensor.Runtime;
using Subtensor.Runtime.Extrinsics;
using Subtensor.Runtime.Genesis;
using Subtensor.Runtime.Primitives;
using Subtensor.Storage;
using Subtensor.Storage.Chain;

namespace Subtensor.Benchmarks;

/// <summary>
/// Full sync between two in-process nodes built from the node's own parts: a source chain of real dev-chain blocks (empty, or carrying
/// transfers) served by a <see cref="NetworkService"/>, and a sink with a RocksDB database in a temp directory importing through
/// <see cref="ClientImportQueue"/> (Aura seal check, execution, state root, commit) over <see cref="SyncService"/>.
/// </summary>
internal sealed class NodeSyncScenario : IAsyncDisposable
{
    private static readonly SubtensorRuntime Runtime = new();
    private static readonly string[] Senders = ["Alice", "Bob", "Charlie", "Dave", "Eve", "Ferdie", "One", "Two", "Three"];
    private readonly string _directory;
    private readonly ChainClient _source;
    private readonly NetworkService _sourceNetwork;

    private NodeSyncScenario(string directory, ChainClient source, NetworkService sourceNetwork)
    {
        _directory = directory;
        _source = source;
        _sourceNetwork = sourceNetwork;
    }

    public uint Blocks => _source.Best.Number;

    private static ChainSpec.ChainSpec Spec => ChainSpec.ChainSpec.Parse(System.Text.Encoding.UTF8.GetBytes(SubtensorChainSpecs.PlainSpec(Runtime, "dev")));

    /// <summary>Authors <paramref name="blocks"/> blocks of <paramref name="transfersPerBlock"/> transfers each and starts serving them.</summary>
    public static async Task<NodeSyncScenario> CreateAsync(int blocks, int transfersPerBlock)
    {
        var directory = Directory.CreateTempSubdirectory("node-sync-bench-").FullName;
        var source = ChainClient.Open(Spec, Path.Combine(directory, "source"), new ChainDatabaseOptions { StatePruning = PruningMode.Archive }, Runtime);
        var keystore = new LocalKeystore(null);
        keystore.InsertUri("aura", "//Alice");
        var engine = new AuraEngine(source.SlotDurationMs(source.GenesisHash));
        var importer = new BlockImporter(source, engine);
        var pool = new TransactionPool.TransactionPool(new RuntimeTransactionValidator(source), new TransactionPool.TransactionPoolOptions { ReadyCountLimit = 100_000, ReadyBytesLimit = 1L << 30 });
        PoolMaintenance.Attach(source, pool);
        var author = new BlockAuthor(source, importer, new BlockBuilder(source, pool), engine, keystore);
        var slot = engine.SlotAt((ulong)DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()) - (ulong)blocks - 10;
        var nonces = new uint[Senders.Length];
        var pairs = Senders.Select(s => KeyPairs.FromSuri("//" + s, KeyScheme.Sr25519)).ToArray();
        var recipient = MultiAddress.FromId(KeyPairs.AccountIdOf(KeyScheme.Sr25519, pairs[0].Pair.PublicKey));
        for (var i = 0; i < blocks; i++, slot++)
        {
            for (var t = 0; t < transfersPerBlock; t++)
            {
                var k = t % Senders.Length;
                pool.Submit(Transfer(source.GenesisHash, pairs[k].Pair, recipient, nonces[k]++));
            }

            var result = author.TryAuthor(slot, slot * engine.SlotDurationMs, TimeSpan.FromSeconds(60))
                ?? throw new InvalidOperationException("Alice owns every dev slot");
            if (!result.IsImported || pool.ReadyCount != 0)
            {
                throw new InvalidOperationException($"block #{result.Number}: {result.Status} {result.Reason}, {pool.ReadyCount} transfers left over");
            }
        }

        var network = await StartNetworkAsync(source, new ClientChainBackend(source)).ConfigureAwait(false);
        return new NodeSyncScenario(directory, source, network);
    }

    /// <summary>Syncs the whole source chain into a fresh sink; returns the time from dialling to the last import.</summary>
    public async Task<TimeSpan> SyncOnceAsync()
    {
        var path = Path.Combine(_directory, "sink-" + Guid.NewGuid().ToString("n"));
        var sink = ChainClient.Open(Spec, path, new ChainDatabaseOptions(), Runtime);
        try
        {
            var seals = new SealVerifier();
            var engine = new AuraEngine(sink.SlotDurationMs(sink.GenesisHash)) { SignatureCheck = seals.Check };
            var importer = new BlockImporter(sink, engine);
            var backend = new ClientChainBackend(sink);
            await using var network = await StartNetworkAsync(sink, backend).ConfigureAwait(false);
            var queue = new ClientImportQueue(sink, importer, engine, new GrandpaFinality(sink, importer), network.ReportPeer, seals);
            await using var sync = new SyncService(network, backend, queue, new SyncServiceOptions { InformantInterval = TimeSpan.Zero });
            sync.Start();
            var watch = Stopwatch.StartNew();
            await network.ConnectAsync(_sourceNetwork.ListenAddresses[0].WithPeerId(_sourceNetwork.LocalPeerId)).ConfigureAwait(false);
            while (sink.Best.Number < Blocks)
            {
                if (watch.Elapsed > TimeSpan.FromMinutes(10))
                {
                    throw new TimeoutException($"sink stuck at #{sink.Best.Number} of {Blocks}");
                }

                await Task.Delay(1).ConfigureAwait(false);
            }

            var elapsed = watch.Elapsed;
            if (sink.Best.Hash != _source.Best.Hash)
            {
                throw new InvalidOperationException("the sink synced another chain");
            }

            return elapsed;
        }
        finally
        {
            sink.Dispose();
            Directory.Delete(path, recursive: true);
        }
    }

    /// <summary>Imports the source chain into a fresh sink without the network, timing each step of the import path.</summary>
    public string ProfileImport()
    {
        var path = Path.Combine(_directory, "profile-" + Guid.NewGuid().ToString("n"));
        using var sink = ChainClient.Open(Spec, path, new ChainDatabaseOptions(), Runtime);
        var engine = new AuraEngine(sink.SlotDurationMs(sink.GenesisHash));
        var times = new double[5];
        var db = new double[3];
        var watch = new Stopwatch();
        void Time(int phase, Action action)
        {
            watch.Restart();
            action();
            times[phase] += watch.Elapsed.TotalMilliseconds;
        }

        for (uint n = 1; n <= Blocks; n++)
        {
            var hash = _source.GetCanonicalHash(n)!.Value;
            var header = _source.GetHeader(hash)!;
            var body = _source.GetBody(hash)!;
            var parent = sink.GetHeader(header.ParentHash)!;
            IReadOnlyList<byte[]> authorities = [];
            Consensus.Engine.VerifiedHeader verified = null!;
            Time(0, () => authorities = sink.AuraAuthorities(header.ParentHash));
            Time(1, () => verified = engine.Verify(header, parent, authorities, ulong.MaxValue / 2, false));
            var backend = sink.StateAt(header.ParentHash);
            var state = new Runtime.State.OverlayedState(backend);
            Time(2, () => Runtime.Executive.ExecuteBlock(state, new Runtime.Executive.Block(verified.PreSealHeader, body)));
            Trie.TrieNodeChanges changes = null!;
            Time(3, () => changes = backend.Commit(state, sink.StateVersion));
            Time(4, () => sink.Database.CommitBlock(header.Encode(), ChainClient.EncodeBody(body), null, changes, isBest: true));
            var (prepare, nodes, write) = sink.Database.LastWriteTimings;
            db[0] += prepare;
            db[1] += nodes;
            db[2] += write;
        }

        var total = times.Sum();
        return $"{Blocks} blocks in {total / 1000:0.00} s ({Blocks * 1000 / total:0} blocks/s): authorities {times[0] / Blocks:0.000} ms, seal {times[1] / Blocks:0.000} ms, "
            + $"execute {times[2] / Blocks:0.000} ms, trie commit {times[3] / Blocks:0.000} ms, db write {times[4] / Blocks:0.000} ms per block "
            + $"(prepare {db[0] / Blocks:0.000}, trie nodes {db[1] / Blocks:0.000}, RocksDB write {db[2] / Blocks:0.000})";
    }

    private static async Task<NetworkService> StartNetworkAsync(ChainClient client, IChainBackend backend)
    {
        var network = new NetworkService(new NetworkConfiguration
        {
            NodeKey = NodeKey.Generate(),
            GenesisHash = client.GenesisHash,
            ProtocolId = "bench",
            ListenAddresses = [Multiaddr.Parse("/ip4/127.0.0.1/tcp/0")],
            EnableKademlia = false,
        }, backend);
        await network.StartAsync().ConfigureAwait(false);
        return network;
    }

    private static byte[] Transfer(Hash256 genesis, IKeyPair pair, MultiAddress to, uint nonce)
    {
        var call = Runtime.Balances.TransferKeepAlive.Create(to, 1_000_000UL);
        var extra = new SignedExtra(Era.Immortal, nonce, 0, false);
        var implicitData = new ImplicitData(Runtime.Version.SpecVersion, Runtime.Version.TransactionVersion, genesis, genesis, null);
        var signature = new MultiSignature(KeyScheme.Sr25519, pair.Sign(UncheckedExtrinsic.SigningPayload(call.Encode(), extra, implicitData)));
        var account = KeyPairs.AccountIdOf(KeyScheme.Sr25519, pair.PublicKey);
        return UncheckedExtrinsic.CreateSigned(call, MultiAddress.FromId(account), signature, extra).Encoded;
    }

    public async ValueTask DisposeAsync()
    {
        await _sourceNetwork.DisposeAsync().ConfigureAwait(false);
        _source.Dispose();
        Directory.Delete(_directory, recursive: true);
    }
}
