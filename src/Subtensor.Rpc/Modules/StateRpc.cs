using System.Text.Json.Nodes;
using Subtensor.Client.Blockchain;
using Subtensor.Core.Scale;
using Subtensor.Core.Types;
using Subtensor.Rpc.JsonRpc;
using Subtensor.Trie;

namespace Subtensor.Rpc.Modules;

/// <summary>
/// <c>state_*</c> (sc-rpc <c>state</c>): storage reads, key iteration, runtime calls, metadata and version, historic
/// queries, read proofs, and the storage and runtime-version subscriptions. Errors follow sc-rpc-api's state codes:
/// 4001 bad block range, 4002 count over the limit, 4003 client error (unknown or pruned block, runtime failure).
/// </summary>
public sealed class StateRpc
{
    /// <summary>sc-rpc <c>STORAGE_KEYS_PAGED_MAX_COUNT</c>.</summary>
    public const int KeysPagedMaxCount = 1000;

    private readonly ChainClient _client;
    private readonly StateAccess _state;
    private readonly bool _denyUnsafe;

    public StateRpc(RpcServices services, bool denyUnsafe = false)
    {
        ArgumentNullException.ThrowIfNull(services);
        _client = services.Client;
        _state = new StateAccess(services.Client);
        _denyUnsafe = denyUnsafe;
    }

    public void Register(RpcMethodRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        registry.Add("state_call", RpcJson.Sync(p => Call(p.RequiredString(0, "name"), p.RequiredBytes(1, "bytes"), p.OptionalHash(2, "hash"))), aliases: "state_callAt");
        registry.Add("state_getKeys", RpcJson.Sync(p => GetKeys(p.RequiredBytes(0, "prefix"), p.OptionalHash(1, "hash"))));
        registry.Add("state_getPairs", RpcJson.Sync(p => GetPairs(p.RequiredBytes(0, "prefix"), p.OptionalHash(1, "hash"))), isUnsafe: true);
        registry.Add("state_getKeysPaged", RpcJson.Sync(p => GetKeysPaged(
            p.OptionalBytes(0, "prefix") ?? [], Count(p, 1), p.OptionalBytes(2, "start_key"), p.OptionalHash(3, "hash"))), aliases: "state_getKeysPagedAt");
        registry.Add("state_getStorage", RpcJson.Sync(p => GetStorage(p.RequiredBytes(0, "key"), p.OptionalHash(1, "hash"))), aliases: "state_getStorageAt");
        registry.Add("state_getStorageHash", RpcJson.Sync(p => GetStorageHash(p.RequiredBytes(0, "key"), p.OptionalHash(1, "hash"))), aliases: "state_getStorageHashAt");
        registry.Add("state_getStorageSize", RpcJson.Sync(p => GetStorageSize(p.RequiredBytes(0, "key"), p.OptionalHash(1, "hash"))), aliases: "state_getStorageSizeAt");
        registry.Add("state_getMetadata", RpcJson.Sync(p => GetMetadata(p.OptionalHash(0, "hash"))));
        registry.Add("state_getRuntimeVersion", RpcJson.Sync(p => RpcJson.RuntimeVersion(_state.VersionAt(_state.BestOr(p.OptionalHash(0, "hash"))))),
            aliases: "chain_getRuntimeVersion");
        registry.Add("state_queryStorage", RpcJson.Sync(p => QueryStorage(p.RequiredBytesList(0, "keys"), p.RequiredHash(1, "block"), p.OptionalHash(2, "hash"))),
            isUnsafe: true);
        registry.Add("state_queryStorageAt", RpcJson.Sync(p =>
        {
            var at = _state.BestOr(p.OptionalHash(1, "at"));
            return QueryStorage(p.RequiredBytesList(0, "keys"), at, at);
        }));
        registry.Add("state_getReadProof", RpcJson.Sync(p => GetReadProof(p.RequiredBytesList(0, "keys"), p.OptionalHash(1, "hash"))));

        registry.AddSubscription("state_subscribeRuntimeVersion", "state_unsubscribeRuntimeVersion", "state_runtimeVersion",
            (_, sink, _) => ValueTask.FromResult(SubscribeRuntimeVersion(sink)),
            subscribeAliases: ["chain_subscribeRuntimeVersion"], unsubscribeAliases: ["chain_unsubscribeRuntimeVersion"]);
        registry.AddSubscription("state_subscribeStorage", "state_unsubscribeStorage", "state_storage",
            (p, sink, _) => ValueTask.FromResult(SubscribeStorage(p.Has(0, "keys") ? p.RequiredBytesList(0, "keys") : null, sink)));
    }

    private static int Count(RpcParams p, int index)
    {
        var count = p.RequiredUInt(index, "count");
        if (count > uint.MaxValue)
        {
            throw RpcException.InvalidParams("parameter 'count' must fit in u32");
        }

        if (count > KeysPagedMaxCount)
        {
            throw new RpcException(RpcErrorCodes.StateBase + 2, $"count exceeds maximum value. value: {count}, max: {KeysPagedMaxCount}");
        }

        return (int)count;
    }

    private JsonNode Call(string method, byte[] args, Hash256? hash) => RpcJson.Hex(_state.Call(_state.BestOr(hash), method, args));

    private JsonNode? GetStorage(byte[] key, Hash256? hash)
        => _state.Read(_state.BestOr(hash), s => s.Get(key)) is { } value ? RpcJson.Hex(value) : null;

    private JsonNode? GetStorageHash(byte[] key, Hash256? hash)
        => _state.Read(_state.BestOr(hash), s => s.Get(key)) is { } value ? RpcJson.Hash(Hash256.Blake2(value)) : null;

    /// <summary>The value's length, or else the total length of the values under <paramref name="key"/> as a prefix; null for none.</summary>
    private JsonNode? GetStorageSize(byte[] key, Hash256? hash)
    {
        var size = _state.ReadNodes(_state.BestOr(hash), view =>
        {
            var trie = view.OpenTrie(TrieLayout.V1);
            if (trie.Get(key) is { } value)
            {
                return (ulong)value.Length;
            }

            ulong sum = 0;
            foreach (var (_, v) in trie.Enumerate(key))
            {
                sum += (ulong)v.Length;
            }

            return sum;
        });
        return size > 0 ? JsonValue.Create(size) : null;
    }

    private JsonNode GetKeys(byte[] prefix, Hash256? hash)
        => RpcJson.HexArray(_state.ReadNodes(_state.BestOr(hash), view => view.OpenTrie(TrieLayout.V1).Keys(prefix).ToList()));

    private JsonNode GetPairs(byte[] prefix, Hash256? hash)
    {
        var pairs = _state.ReadNodes(_state.BestOr(hash), view => view.OpenTrie(TrieLayout.V1).Enumerate(prefix).ToList());
        var array = new JsonArray();
        foreach (var (key, value) in pairs)
        {
            array.Add(new JsonArray(RpcJson.Hex(key), RpcJson.Hex(value)));
        }

        return array;
    }

    private JsonNode GetKeysPaged(byte[] prefix, int count, byte[]? startKey, Hash256? hash)
        => RpcJson.HexArray(_state.ReadNodes(_state.BestOr(hash), view => StorageKeys.Paged(view.OpenTrie(TrieLayout.V1), prefix, startKey, count)));

    /// <summary>The runtime's <c>Metadata_metadata</c> output is an <c>OpaqueMetadata</c> (a SCALE <c>Vec&lt;u8&gt;</c>); the RPC returns its bytes.</summary>
    private JsonNode GetMetadata(Hash256? hash)
    {
        var raw = _state.Call(_state.BestOr(hash), "Metadata_metadata", []);
        return RpcJson.Hex(ScaleCodec.Decode(raw, (ref ScaleReader r) => r.ReadByteVec()));
    }

    /// <summary>
    /// sc-rpc <c>query_storage</c>: for each block from <paramref name="from"/> to <paramref name="to"/> on one chain, the
    /// keys whose value changed since the previous block (all keys at the first block); blocks without change are left out.
    /// </summary>
    private JsonNode QueryStorage(IReadOnlyList<byte[]> keys, Hash256 from, Hash256? to)
    {
        var toHash = _state.BestOr(to);
        var range = BlockRange(from, toHash);
        var last = new Dictionary<byte[], byte[]?>(ByteArrayComparer.Instance);
        var result = new JsonArray();
        foreach (var block in range)
        {
            var changes = new JsonArray();
            var values = _state.Read(block, s => keys.Select(k => s.Get(k)).ToList());
            for (var i = 0; i < keys.Count; i++)
            {
                var value = values[i];
                if (!last.TryGetValue(keys[i], out var previous) || !SameValue(previous, value))
                {
                    changes.Add(new JsonArray(RpcJson.Hex(keys[i]), value is null ? null : RpcJson.Hex(value)));
                }

                last[keys[i]] = value;
            }

            if (changes.Count > 0)
            {
                result.Add(new JsonObject { ["block"] = RpcJson.Hash(block), ["changes"] = changes });
            }
        }

        return result;
    }

    private List<Hash256> BlockRange(Hash256 from, Hash256 to)
    {
        var fromHeader = _client.GetHeader(from) ?? throw RangeError(from, to, $"UnknownBlock: Header was not found in the database: {from}");
        var toHeader = _client.GetHeader(to) ?? throw RangeError(from, to, $"UnknownBlock: Header was not found in the database: {to}");
        if (fromHeader.Number > toHeader.Number)
        {
            throw RangeError(from, to, "from number > to number");
        }

        var hashes = new List<Hash256> { to };
        var cursor = toHeader;
        while (cursor.Number > fromHeader.Number)
        {
            var parentHash = cursor.ParentHash;
            cursor = _client.GetHeader(parentHash) ?? throw RangeError(from, to, $"UnknownBlock: Header was not found in the database: {parentHash}");
            hashes.Add(parentHash);
        }

        if (hashes[^1] != from)
        {
            throw RangeError(from, to, "from and to are on different forks");
        }

        hashes.Reverse();
        return hashes;
    }

    private static RpcException RangeError(Hash256 from, Hash256 to, string details)
        => new(RpcErrorCodes.StateBase + 1, $"Cannot resolve a block range ['{from}' ... '{to}']. {details}");

    private static bool SameValue(byte[]? a, byte[]? b) => a is null ? b is null : b is not null && a.AsSpan().SequenceEqual(b);

    /// <summary><c>{at, proof}</c>: the trie nodes that prove every key's value or absence at the block.</summary>
    private JsonNode GetReadProof(IReadOnlyList<byte[]> keys, Hash256? hash)
    {
        var at = _state.BestOr(hash);
        var proof = _state.ReadNodes(at, view => StorageProof.Generate(view, view.Root, keys));
        return new JsonObject { ["at"] = RpcJson.Hash(at), ["proof"] = RpcJson.HexArray(proof.Nodes) };
    }

    /// <summary>The runtime version at the best block now, then again whenever a new best block runs another version.</summary>
    private IDisposable SubscribeRuntimeVersion(IRpcSubscriptionSink sink)
    {
        // Fails the subscription (as Substrate rejects it) when the best block's version cannot be read.
        _state.VersionAt(_client.Best.Hash);
        Core.Types.RuntimeVersion? previous = null;
        var pump = new EventPump<Hash256>(sink, (hash, _) =>
        {
            var version = _state.VersionAt(hash);
            if (previous is not null && version.Equals(previous))
            {
                return ValueTask.FromResult(true);
            }

            previous = version;
            return ValueTask.FromResult(sink.TrySend(RpcJson.RuntimeVersion(version)));
        });
        Hook(pump, e => e.IsNewBest ? e.Hash : null);
        pump.Post(_client.Best.Hash);
        return pump;
    }

    /// <summary>
    /// <c>StorageChangeSet</c> notifications for the new best blocks: first the current values of all
    /// <paramref name="keys"/>, then the keys whose value changed. Without keys (unsafe), every changed entry.
    /// </summary>
    private IDisposable SubscribeStorage(IReadOnlyList<byte[]>? keys, IRpcSubscriptionSink sink)
    {
        if (keys is null && _denyUnsafe)
        {
            throw new RpcException(RpcErrorCodes.UnsafeRpcCalled, "RPC call is unsafe to be called externally");
        }

        var best = _client.Best.Hash;
        return keys is null ? SubscribeAllStorage(best, sink) : SubscribeKeys(keys, best, sink);
    }

    private IDisposable SubscribeKeys(IReadOnlyList<byte[]> keys, Hash256 best, IRpcSubscriptionSink sink)
    {
        // The first item is sent whole (every key, null for absent ones); later ones carry the changed keys only.
        List<byte[]?>? values = null;
        var pump = new EventPump<Hash256>(sink, (hash, _) =>
        {
            var current = _state.Read(hash, s => keys.Select(k => s.Get(k)).ToList());
            var changes = new JsonArray();
            for (var i = 0; i < keys.Count; i++)
            {
                if (values is null || !SameValue(values[i], current[i]))
                {
                    changes.Add(new JsonArray(RpcJson.Hex(keys[i]), current[i] is { } v ? RpcJson.Hex(v) : null));
                }
            }

            values = current;
            return ValueTask.FromResult(changes.Count == 0 || sink.TrySend(new JsonObject { ["block"] = RpcJson.Hash(hash), ["changes"] = changes }));
        });
        Hook(pump, e => e.IsNewBest ? e.Hash : null);
        pump.Post(best);
        return pump;
    }

    private IDisposable SubscribeAllStorage(Hash256 best, IRpcSubscriptionSink sink)
    {
        var root = _state.Read(best, s => s.StateRoot);
        var pump = new EventPump<Hash256>(sink, (hash, _) =>
        {
            var changed = _state.ReadNodes(hash, view =>
            {
                var diff = new TrieWalker(view).Diff(root, view.Root);
                root = view.Root;
                return diff;
            });
            if (changed.Count == 0)
            {
                return ValueTask.FromResult(true);
            }

            var changes = new JsonArray();
            foreach (var (key, value) in changed)
            {
                changes.Add(new JsonArray(RpcJson.Hex(key), value is null ? null : RpcJson.Hex(value)));
            }

            return ValueTask.FromResult(sink.TrySend(new JsonObject { ["block"] = RpcJson.Hash(hash), ["changes"] = changes }));
        });
        Hook(pump, e => e.IsNewBest ? e.Hash : null);
        return pump;
    }

    private void Hook(EventPump<Hash256> pump, Func<BlockImportedEvent, Hash256?> select)
    {
        Action<BlockImportedEvent> handler = e =>
        {
            if (select(e) is { } hash)
            {
                pump.Post(hash);
            }
        };
        _client.BlockImported += handler;
        pump.OnDispose(() => _client.BlockImported -= handler);
    }
}
