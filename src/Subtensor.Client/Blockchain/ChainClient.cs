using Serilog;
using Subtensor.ChainSpec;
using Subtensor.Client.State;
using Subtensor.Core.Scale;
using Subtensor.Core.Types;
using Subtensor.Runtime;
using Subtensor.Runtime.Genesis;
using Subtensor.Runtime.State;
using Subtensor.Storage.Chain;
using Subtensor.Trie;

namespace Subtensor.Client.Blockchain;

/// <summary>
/// The chain as the rest of the node sees it (Substrate's <c>Client</c>): the chain spec and genesis, headers,
/// bodies and justifications by hash or number, the state of any retained block, runtime API calls at a block,
/// and the events of import and finality. Writes go through <see cref="BlockImporter"/> and <see cref="Finalize"/>.
/// </summary>
public sealed class ChainClient : IDisposable
{
    private static readonly ILogger Log = Serilog.Log.ForContext<ChainClient>();

    private ChainClient(ChainSpec.ChainSpec spec, ChainDatabase database, SubtensorRuntime runtime, GenesisBlock genesis)
    {
        Spec = spec;
        Database = database;
        Runtime = runtime;
        Genesis = genesis;
    }

    public ChainSpec.ChainSpec Spec { get; }

    public ChainDatabase Database { get; }

    public SubtensorRuntime Runtime { get; }

    public GenesisBlock Genesis { get; }

    public Hash256 GenesisHash => Genesis.Hash;

    /// <summary>The state version every block of our runtime uses (V1, Subtensor's <c>system_version</c> 1).</summary>
    public StateVersion StateVersion => Runtime.Version.SystemVersion == 0 ? StateVersion.V0 : StateVersion.V1;

    public BlockRef Best => Database.Best ?? throw new InvalidOperationException("the database has no genesis");

    public BlockRef Finalized => Database.Finalized ?? throw new InvalidOperationException("the database has no genesis");

    /// <summary>Raised after a block was committed (under the import lock; handlers must be quick).</summary>
    public event Action<BlockImportedEvent>? BlockImported;

    /// <summary>Raised after blocks became final, oldest first.</summary>
    public event Action<FinalizedEvent>? BlocksFinalized;

    /// <summary>
    /// Opens (or creates) the database of <paramref name="spec"/>: builds the genesis block from the spec with our
    /// runtime, refuses a database of another chain, and writes the genesis block into an empty one.
    /// </summary>
    public static ChainClient Open(ChainSpec.ChainSpec spec, string? databasePath, ChainDatabaseOptions options, SubtensorRuntime runtime)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(runtime);
        var genesis = GenesisBlockBuilder.Build(spec, runtimeGenesis: new SubtensorGenesisBuilder(runtime));
        if (genesis.RuntimeVersion is { } version && version.SpecName != runtime.Version.SpecName)
        {
            throw new InvalidOperationException(
                $"the chain spec's runtime is '{version.SpecName}' v{version.SpecVersion}; this node executes '{runtime.Version.SpecName}' only");
        }

        var opts = options with { ExpectedGenesis = genesis.Hash };
        var database = databasePath is null ? ChainDatabase.CreateInMemory(opts) : ChainDatabase.Open(databasePath, opts);
        try
        {
            if (database.Genesis is null)
            {
                var nodes = genesis.Storage.TrieNodes(genesis.StateVersion);
                var merged = new TrieNodeChanges(
                    genesis.StateRoot,
                    nodes.SelectMany(n => n.Inserted).ToList(),
                    []);
                database.CommitBlock(genesis.Header.Encode(), EncodeBody([]), null, merged, isBest: true);
                Log.Information("Initialized genesis {Hash} with {Keys} storage keys", genesis.Hash, genesis.Storage.Top.Count);
            }

            return new ChainClient(spec, database, runtime, genesis);
        }
        catch
        {
            database.Dispose();
            throw;
        }
    }

    public Header? GetHeader(Hash256 hash) => Database.GetHeader(hash) is { } bytes ? ScaleCodec.Decode<Header>(bytes) : null;

    public Header BestHeader => GetHeader(Best.Hash) ?? throw new InvalidOperationException("best header missing");

    public Hash256? GetCanonicalHash(uint number) => Database.GetCanonicalHash(number);

    /// <summary>The length-prefixed extrinsics of a block, or null when unknown or pruned.</summary>
    public IReadOnlyList<byte[]>? GetBody(Hash256 hash) => Database.GetBody(hash) is { } bytes ? DecodeBody(bytes) : null;

    public byte[]? GetJustifications(Hash256 hash) => Database.GetJustifications(hash);

    /// <summary>The state of <paramref name="hash"/>; throws <see cref="StateUnavailableException"/> when pruned or unknown.</summary>
    public TrieStateBackend StateAt(Hash256 hash)
    {
        var view = Database.GetState(hash);
        return new TrieStateBackend(view, view.Root);
    }

    /// <summary>Calls a runtime API (<c>state_call</c>) on the state of <paramref name="at"/>; changes are discarded.</summary>
    public byte[] Call(Hash256 at, string method, byte[] args)
    {
        var overlay = new OverlayedState(StateAt(at));
        return Runtime.Apis.Call(overlay, method, args);
    }

    /// <summary>Aura authorities at a block (<c>AuraApi_authorities</c>).</summary>
    public IReadOnlyList<byte[]> AuraAuthorities(Hash256 at)
        => ScaleCodec.Decode(Call(at, "AuraApi_authorities", []), (ref ScaleReader r) => r.ReadVec((ref ScaleReader x) => x.ReadFixed(32), 32));

    /// <summary>Aura slot duration in milliseconds (<c>AuraApi_slot_duration</c>).</summary>
    public ulong SlotDurationMs(Hash256 at) => ScaleCodec.Decode(Call(at, "AuraApi_slot_duration", []), (ref ScaleReader r) => r.ReadU64());

    /// <summary>
    /// Finalizes <paramref name="hash"/> (and its unfinalized ancestors), storing the justification with it;
    /// raises <see cref="BlocksFinalized"/> with the newly final blocks in ascending order.
    /// </summary>
    public void Finalize(Hash256 hash, byte[]? justifications = null)
    {
        lock (ImportLock)
        {
            var previous = Finalized;
            var header = GetHeader(hash) ?? throw new InvalidOperationException($"cannot finalize unknown block {hash}");
            if (header.Number <= previous.Number)
            {
                return;
            }

            var route = new List<BlockRef>();
            var cursor = header;
            var cursorHash = hash;
            while (cursor.Number > previous.Number)
            {
                route.Add(new BlockRef(cursorHash, cursor.Number));
                cursorHash = cursor.ParentHash;
                cursor = GetHeader(cursorHash) ?? throw new InvalidOperationException($"ancestor {cursorHash} missing");
            }

            if (cursorHash != previous.Hash)
            {
                throw new InvalidOperationException($"block {hash} does not descend from the finalized block {previous}");
            }

            Database.Finalize(hash, justifications);
            route.Reverse();
            BlocksFinalized?.Invoke(new FinalizedEvent(route));
        }
    }

    /// <summary>Serializes imports and finalization (one writer at a time).</summary>
    internal object ImportLock { get; } = new();

    internal void RaiseImported(BlockImportedEvent e) => BlockImported?.Invoke(e);

    internal void RaiseFinalized(FinalizedEvent e) => BlocksFinalized?.Invoke(e);

    /// <summary>SCALE body: <c>Vec&lt;Extrinsic&gt;</c> where each extrinsic already carries its length prefix.</summary>
    public static byte[] EncodeBody(IReadOnlyList<byte[]> extrinsics)
    {
        ArgumentNullException.ThrowIfNull(extrinsics);
        var w = new ScaleWriter();
        w.WriteCompact((uint)extrinsics.Count);
        foreach (var xt in extrinsics)
        {
            w.WriteBytes(xt);
        }

        return w.ToArray();
    }

    public static IReadOnlyList<byte[]> DecodeBody(ReadOnlySpan<byte> body)
    {
        var reader = new ScaleReader(body);
        var count = reader.ReadLength(1);
        var list = new List<byte[]>(count);
        for (var i = 0; i < count; i++)
        {
            var start = reader.Position;
            var length = reader.ReadCompactU32();
            reader.ReadBytes(checked((int)length));
            list.Add(body[start..reader.Position].ToArray());
        }

        reader.EnsureAtEnd();
        return list;
    }

    public void Dispose() => Database.Dispose();
}
