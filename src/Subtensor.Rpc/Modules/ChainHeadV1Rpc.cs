using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Serilog;
using Subtensor.Core.Types;
using Subtensor.Rpc.JsonRpc;
using Subtensor.Trie;

namespace Subtensor.Rpc.Modules;

/// <summary>
/// <c>chainHead_v1_*</c> (json-rpc-interface-spec <c>chainHead</c>, sc-rpc-spec-v2): follow subscriptions with pinning,
/// and the header/body/call/storage operations on pinned blocks, whose results arrive as <c>operation*</c> events on
/// the follow subscription. Error codes are the spec's: -32801 invalid block, -32802 call without runtime, -32803
/// continue without waiting, -32804 duplicate hashes.
/// </summary>
public sealed class ChainHeadV1Rpc
{
    /// <summary>Pinned blocks per subscription before it is stopped (sc-rpc-spec-v2 caps pins at 512).</summary>
    public const int MaxPinnedBlocks = 512;

    /// <summary>Concurrent operations per subscription (the spec's minimum is 16).</summary>
    public const int MaxOngoingOperations = 16;

    /// <summary>Follow subscriptions per connection (sc-rpc-spec-v2's default; the spec guarantees at least 2).</summary>
    public const int MaxFollowsPerConnection = 4;

    /// <summary>Descendant items sent before waiting for <c>chainHead_v1_continue</c>.</summary>
    public const int StorageItemsPerPage = 16;

    private static readonly ILogger Log = Serilog.Log.ForContext<ChainHeadV1Rpc>();
    private readonly StateAccess _state;
    private readonly ConcurrentDictionary<string, ChainHeadFollow> _follows = new(StringComparer.Ordinal);

    public ChainHeadV1Rpc(RpcServices services)
    {
        ArgumentNullException.ThrowIfNull(services);
        _state = new StateAccess(services.Client);
    }

    /// <summary>Follow subscriptions alive now.</summary>
    public int ActiveFollows => _follows.Count;

    public void Register(RpcMethodRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        registry.AddSubscription("chainHead_v1_follow", "chainHead_v1_unfollow", "chainHead_v1_followEvent",
            (p, sink, _) => ValueTask.FromResult<IDisposable>(Follow(p.OptionalBool(0, "withRuntime") ?? throw RpcException.InvalidParams("missing parameter 'withRuntime'"), sink)));
        registry.Add("chainHead_v1_header", RpcJson.Sync(p => Header(p.RequiredString(0, "followSubscription"), p.RequiredHash(1, "hash"))));
        registry.Add("chainHead_v1_body", RpcJson.Sync(p => Body(p.RequiredString(0, "followSubscription"), p.RequiredHash(1, "hash"))));
        registry.Add("chainHead_v1_call", RpcJson.Sync(p => Call(
            p.RequiredString(0, "followSubscription"), p.RequiredHash(1, "hash"), p.RequiredString(2, "function"), HexParam(p.RequiredString(3, "callParameters")))));
        registry.Add("chainHead_v1_storage", RpcJson.Sync(p => Storage(
            p.RequiredString(0, "followSubscription"), p.RequiredHash(1, "hash"), StorageItems(p.Raw(2, "items")),
            p.OptionalString(3, "childTrie") is { } child ? HexParam(child) : null)));
        registry.Add("chainHead_v1_continue", RpcJson.Sync(p =>
        {
            if (Find(p.RequiredString(0, "followSubscription"))?.FindOperation(p.RequiredString(1, "operationId")) is { } operation && !operation.SubmitContinue())
            {
                throw new RpcException(RpcErrorCodes.ChainHeadInvalidContinue, "Wait for continue event was not generated for the subscription");
            }

            return null;
        }));
        registry.Add("chainHead_v1_stopOperation", RpcJson.Sync(p =>
        {
            Find(p.RequiredString(0, "followSubscription"))?.FindOperation(p.RequiredString(1, "operationId"))?.Cancel();
            return null;
        }));
        registry.Add("chainHead_v1_unpin", RpcJson.Sync(p =>
        {
            var hashes = HashOrHashes(p.Raw(1, "hashOrHashes"));
            Find(p.RequiredString(0, "followSubscription"))?.Unpin(hashes);
            return null;
        }));
    }

    internal static RpcException InvalidBlock() => new(RpcErrorCodes.ChainHeadInvalidBlock, "Invalid block hash");

    private ChainHeadFollow? Find(string id) => _follows.GetValueOrDefault(id);

    private ChainHeadFollow Follow(bool withRuntime, IRpcSubscriptionSink sink)
    {
        if (_follows.Values.Count(f => ReferenceEquals(f.Connection, sink.Connection)) >= MaxFollowsPerConnection)
        {
            throw new RpcException(RpcErrorCodes.ChainHeadReachedLimits, "Maximum number of chainHead_follow has been reached");
        }

        var follow = new ChainHeadFollow(_state, sink, withRuntime, MaxPinnedBlocks, f => _follows.TryRemove(new KeyValuePair<string, ChainHeadFollow>(f.Id, f)));
        _follows[follow.Id] = follow;
        try
        {
            follow.Initialize();
        }
        catch
        {
            follow.Dispose();
            throw;
        }

        return follow;
    }

    /// <summary>The SCALE header of a pinned block; null when the subscription is unknown or stopped.</summary>
    private JsonNode? Header(string subscription, Hash256 hash)
    {
        if (Find(subscription) is not { } follow)
        {
            return null;
        }

        if (!follow.IsPinned(hash))
        {
            throw InvalidBlock();
        }

        return _state.Client.Database.GetHeader(hash) is { } header
            ? RpcJson.Hex(header)
            : throw new RpcException(RpcErrorCodes.InternalError, "Internal client error: header of a pinned block is missing");
    }

    private static JsonObject LimitReached() => new() { ["result"] = "limitReached" };

    private static JsonObject Started(string id, int? discarded = null)
    {
        var result = new JsonObject { ["result"] = "started", ["operationId"] = id };
        if (discarded is { } d)
        {
            result["discardedItems"] = d;
        }

        return result;
    }

    private JsonNode Body(string subscription, Hash256 hash)
    {
        if (Find(subscription) is not { } follow || follow.StartOperation(hash, 1, MaxOngoingOperations) is not { } operation)
        {
            return LimitReached();
        }

        Run(follow, operation, () =>
        {
            var body = _state.Client.GetBody(hash);
            follow.SendOperationEvent(body is null
                ? new JsonObject { ["event"] = "operationInaccessible", ["operationId"] = operation.Id }
                : new JsonObject { ["event"] = "operationBodyDone", ["operationId"] = operation.Id, ["value"] = RpcJson.HexArray(body) });
            return Task.CompletedTask;
        });
        return Started(operation.Id);
    }

    private JsonNode Call(string subscription, Hash256 hash, string function, byte[] parameters)
    {
        if (Find(subscription) is not { } follow)
        {
            return LimitReached();
        }

        if (!follow.WithRuntime)
        {
            throw new RpcException(RpcErrorCodes.ChainHeadInvalidRuntimeCall, "Invalid runtime call: The runtime updates flag must be set");
        }

        if (follow.StartOperation(hash, 1, MaxOngoingOperations) is not { } operation)
        {
            return LimitReached();
        }

        Run(follow, operation, () =>
        {
            JsonObject result;
            try
            {
                var output = _state.Call(hash, function, parameters);
                result = new JsonObject { ["event"] = "operationCallDone", ["operationId"] = operation.Id, ["output"] = RpcJson.Hex(output) };
            }
            catch (RpcException e)
            {
                result = new JsonObject { ["event"] = "operationError", ["operationId"] = operation.Id, ["error"] = e.Message };
            }

            follow.SendOperationEvent(result);
            return Task.CompletedTask;
        });
        return Started(operation.Id);
    }

    private JsonNode Storage(string subscription, Hash256 hash, List<(byte[] Key, string Type)> items, byte[]? childTrie)
    {
        if (Find(subscription) is not { } follow || follow.StartOperation(hash, Math.Max(1, items.Count), MaxOngoingOperations) is not { } operation)
        {
            return LimitReached();
        }

        var accepted = items.Take(operation.Slots).ToList();
        Run(follow, operation, () => StorageAsync(follow, operation, hash, accepted, childTrie));
        return Started(operation.Id, items.Count - accepted.Count);
    }

    private async Task StorageAsync(ChainHeadFollow follow, ChainHeadOperation operation, Hash256 hash, List<(byte[] Key, string Type)> items, byte[]? childTrie)
    {
        try
        {
            var immediate = new JsonArray();
            var descendants = new List<(byte[] Key, bool Hashes)>();
            _state.ReadNodes(hash, view =>
            {
                var (trie, root) = OpenTrie(view, childTrie);
                foreach (var (key, type) in items)
                {
                    switch (type)
                    {
                        case "value" when trie?.Get(key) is { } value:
                            immediate.Add(new JsonObject { ["key"] = RpcJson.Hex(key), ["value"] = RpcJson.Hex(value) });
                            break;
                        case "hash" when trie?.Get(key) is { } value:
                            immediate.Add(new JsonObject { ["key"] = RpcJson.Hex(key), ["hash"] = RpcJson.Hash(Hash256.Blake2(value)) });
                            break;
                        case "closestDescendantMerkleValue" when root is { } r && new TrieWalker(view).ClosestDescendantMerkleValue(r, key) is { } merkle:
                            immediate.Add(new JsonObject { ["key"] = RpcJson.Hex(key), ["closestDescendantMerkleValue"] = RpcJson.Hex(merkle) });
                            break;
                        case "descendantsValues" or "descendantsHashes" when trie is not null:
                            descendants.Add((key, type == "descendantsHashes"));
                            break;
                    }
                }

                return 0;
            });

            if (immediate.Count > 0)
            {
                follow.SendOperationEvent(new JsonObject { ["event"] = "operationStorageItems", ["operationId"] = operation.Id, ["items"] = immediate });
            }

            foreach (var (prefix, hashes) in descendants)
            {
                byte[]? after = null;
                while (true)
                {
                    operation.Token.ThrowIfCancellationRequested();
                    var page = _state.ReadNodes(hash, view =>
                    {
                        var (trie, _) = OpenTrie(view, childTrie);
                        var keys = StorageKeys.Paged(trie!, prefix, after, StorageItemsPerPage + 1);
                        return keys.Select(k => (Key: k, Value: trie!.Get(k)!)).ToList();
                    });
                    var more = page.Count > StorageItemsPerPage;
                    var batch = new JsonArray();
                    foreach (var (key, value) in page.Take(StorageItemsPerPage))
                    {
                        batch.Add(hashes
                            ? new JsonObject { ["key"] = RpcJson.Hex(key), ["hash"] = RpcJson.Hash(Hash256.Blake2(value)) }
                            : new JsonObject { ["key"] = RpcJson.Hex(key), ["value"] = RpcJson.Hex(value) });
                        after = key;
                    }

                    if (batch.Count > 0)
                    {
                        follow.SendOperationEvent(new JsonObject { ["event"] = "operationStorageItems", ["operationId"] = operation.Id, ["items"] = batch });
                    }

                    if (!more)
                    {
                        break;
                    }

                    var resumed = operation.BeginWaitForContinue();
                    follow.SendOperationEvent(new JsonObject { ["event"] = "operationWaitingForContinue", ["operationId"] = operation.Id });
                    await resumed.ConfigureAwait(false);
                }
            }

            follow.SendOperationEvent(new JsonObject { ["event"] = "operationStorageDone", ["operationId"] = operation.Id });
        }
        catch (RpcException)
        {
            // The block's state is gone (pruned) or unreadable: the client may try again elsewhere.
            follow.SendOperationEvent(new JsonObject { ["event"] = "operationInaccessible", ["operationId"] = operation.Id });
        }
    }

    /// <summary>The main trie, or the default child trie named by <paramref name="childTrie"/> (null when absent).</summary>
    private static (MutableTrie? Trie, Hash256? Root) OpenTrie(Storage.State.StateView view, byte[]? childTrie)
    {
        if (childTrie is null)
        {
            return (view.OpenTrie(TrieLayout.V1), view.Root);
        }

        var root = view.OpenTrie(TrieLayout.V1).Get([.. TrieConstants.DefaultChildStorageKeyPrefix, .. childTrie]);
        if (root is not { Length: Hash256.Length })
        {
            return (null, null);
        }

        var childRoot = new Hash256(root);
        return (new MutableTrie(view, childRoot, TrieLayout.V1), childRoot);
    }

    /// <summary>Runs an operation in the background; it always ends, freeing its slots.</summary>
    private static void Run(ChainHeadFollow follow, ChainHeadOperation operation, Func<Task> work) => _ = Task.Run(async () =>
    {
        try
        {
            await work().ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // stopOperation, unfollow or disconnect
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            Log.Warning(e, "chainHead operation {Id} failed", operation.Id);
            follow.SendOperationEvent(new JsonObject { ["event"] = "operationError", ["operationId"] = operation.Id, ["error"] = e.Message });
        }
        finally
        {
            follow.EndOperation(operation);
        }
    });

    /// <summary>sc-rpc-spec-v2 <c>parse_hex_param</c>: an empty string is no bytes; anything else must be hex.</summary>
    private static byte[] HexParam(string text)
    {
        if (text.Length == 0)
        {
            return [];
        }

        return Hex.TryParse(text, out var bytes) ? bytes : throw RpcException.InvalidParams($"Invalid parameter: {text}");
    }

    private static List<(byte[] Key, string Type)> StorageItems(JsonNode? node)
    {
        if (node is not JsonArray array)
        {
            throw RpcException.InvalidParams("parameter 'items' must be an array of {key, type}");
        }

        var items = new List<(byte[], string)>();
        foreach (var item in array)
        {
            if (item is not JsonObject obj || obj["key"]?.GetValueKind() != JsonValueKind.String || obj["type"]?.GetValueKind() != JsonValueKind.String)
            {
                throw RpcException.InvalidParams("parameter 'items' must be an array of {key, type}");
            }

            var type = obj["type"]!.GetValue<string>();
            if (type is not ("value" or "hash" or "closestDescendantMerkleValue" or "descendantsValues" or "descendantsHashes"))
            {
                throw RpcException.InvalidParams($"unknown storage query type '{type}'");
            }

            items.Add((HexParam(obj["key"]!.GetValue<string>()), type));
        }

        return items;
    }

    private static List<Hash256> HashOrHashes(JsonNode? node)
    {
        var texts = node switch
        {
            JsonArray array => array.Select(x => x?.GetValueKind() == JsonValueKind.String ? x.GetValue<string>() : null).ToList(),
            JsonValue v when v.GetValueKind() == JsonValueKind.String => [v.GetValue<string>()],
            _ => throw RpcException.InvalidParams("parameter 'hashOrHashes' must be a hash or an array of hashes"),
        };
        var hashes = new List<Hash256>();
        foreach (var text in texts)
        {
            if (text is null || !Hex.TryParse(text, out var bytes) || bytes.Length != Hash256.Length)
            {
                throw RpcException.InvalidParams("parameter 'hashOrHashes' must be a hash or an array of hashes");
            }

            hashes.Add(new Hash256(bytes));
        }

        if (hashes.Distinct().Count() != hashes.Count)
        {
            throw new RpcException(RpcErrorCodes.ChainHeadDuplicateHashes, "Received duplicate hashes for the `chainHead_unpin` method");
        }

        return hashes;
    }
}
