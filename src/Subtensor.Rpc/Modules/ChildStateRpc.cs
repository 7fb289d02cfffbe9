using System.Text.Json.Nodes;
using Subtensor.Core.Types;
using Subtensor.Rpc.JsonRpc;
using Subtensor.Trie;

namespace Subtensor.Rpc.Modules;

/// <summary>
/// <c>childstate_*</c> and <c>state_getChildReadProof</c> (sc-rpc <c>ChildState</c>): reads of default child tries,
/// named by their prefixed key <c>:child_storage:default:</c> ‖ id, as Substrate's <c>PrefixedStorageKey</c>.
/// </summary>
public sealed class ChildStateRpc
{
    private readonly StateAccess _state;

    public ChildStateRpc(RpcServices services)
    {
        ArgumentNullException.ThrowIfNull(services);
        _state = new StateAccess(services.Client);
    }

    public void Register(RpcMethodRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        registry.Add("childstate_getKeys", RpcJson.Sync(p =>
        {
            var (child, at) = (ChildId(p), _state.BestOr(p.OptionalHash(2, "hash")));
            var prefix = p.RequiredBytes(1, "prefix");
            return RpcJson.HexArray(ReadChild(at, child, trie => trie?.Keys(prefix).ToList() ?? []));
        }));
        registry.Add("childstate_getKeysPaged", RpcJson.Sync(p =>
        {
            var child = ChildId(p);
            var prefix = p.OptionalBytes(1, "prefix") ?? [];
            var count = p.RequiredUInt(2, "count");
            var start = p.OptionalBytes(3, "start_key");
            var at = _state.BestOr(p.OptionalHash(4, "hash"));
            var limit = (int)Math.Min(count, int.MaxValue);
            return RpcJson.HexArray(ReadChild(at, child, trie => trie is null ? [] : StorageKeys.Paged(trie, prefix, start, limit)));
        }), aliases: "childstate_getKeysPagedAt");
        registry.Add("childstate_getStorage", RpcJson.Sync(p =>
        {
            var (child, key, at) = (ChildId(p), p.RequiredBytes(1, "key"), _state.BestOr(p.OptionalHash(2, "hash")));
            return _state.Read(at, s => s.ChildGet(child, key)) is { } v ? RpcJson.Hex(v) : null;
        }));
        registry.Add("childstate_getStorageEntries", RpcJson.Sync(p =>
        {
            var (child, keys, at) = (ChildId(p), p.RequiredBytesList(1, "keys"), _state.BestOr(p.OptionalHash(2, "hash")));
            var values = _state.Read(at, s => keys.Select(k => s.ChildGet(child, k)).ToList());
            return new JsonArray(values.Select(v => v is null ? null : (JsonNode)RpcJson.Hex(v)).ToArray());
        }));
        registry.Add("childstate_getStorageHash", RpcJson.Sync(p =>
        {
            var (child, key, at) = (ChildId(p), p.RequiredBytes(1, "key"), _state.BestOr(p.OptionalHash(2, "hash")));
            return _state.Read(at, s => s.ChildGet(child, key)) is { } v ? RpcJson.Hash(Hash256.Blake2(v)) : null;
        }));
        registry.Add("childstate_getStorageSize", RpcJson.Sync(p =>
        {
            var (child, key, at) = (ChildId(p), p.RequiredBytes(1, "key"), _state.BestOr(p.OptionalHash(2, "hash")));
            return _state.Read(at, s => s.ChildGet(child, key)) is { } v ? JsonValue.Create((ulong)v.Length) : null;
        }));
        registry.Add("state_getChildReadProof", RpcJson.Sync(p =>
        {
            var (child, keys, at) = (ChildId(p), p.RequiredBytesList(1, "keys"), _state.BestOr(p.OptionalHash(2, "hash")));
            var proof = _state.ReadNodes(at, view =>
            {
                // The child root's entry in the top trie, then the child keys under that root.
                var top = StorageProof.Generate(view, view.Root, [[.. TrieConstants.DefaultChildStorageKeyPrefix, .. child]]);
                var childRoot = view.OpenTrie(TrieLayout.V1).Get([.. TrieConstants.DefaultChildStorageKeyPrefix, .. child]);
                var inner = childRoot is { Length: Hash256.Length } ? StorageProof.Generate(view, new Hash256(childRoot), keys).Nodes : [];
                return new StorageProof(top.Nodes.Concat(inner));
            });
            return new JsonObject { ["at"] = RpcJson.Hash(at), ["proof"] = RpcJson.HexArray(proof.Nodes) };
        }));
    }

    /// <summary>The child id inside a <c>PrefixedStorageKey</c>; other prefixes are sp-blockchain's InvalidChildStorageKey.</summary>
    private static byte[] ChildId(RpcParams p)
    {
        var prefixed = p.RequiredBytes(0, "child_storage_key");
        var prefix = TrieConstants.DefaultChildStorageKeyPrefix;
        if (!prefixed.AsSpan().StartsWith(prefix))
        {
            throw new RpcException(RpcErrorCodes.StateBase + 3, "Client error: Invalid child storage key");
        }

        return prefixed[prefix.Length..];
    }

    private T ReadChild<T>(Hash256 at, byte[] child, Func<MutableTrie?, T> read) => _state.ReadNodes(at, view =>
    {
        var root = view.OpenTrie(TrieLayout.V1).Get([.. TrieConstants.DefaultChildStorageKeyPrefix, .. child]);
        return read(root is { Length: Hash256.Length } ? new MutableTrie(view, new Hash256(root), TrieLayout.V1) : null);
    });
}
