using Subtensor.Core.Hashing;
using Subtensor.Core.Scale;
using Subtensor.Runtime.Framework.Codec;
using Subtensor.Runtime.Framework.TypeInfo;
using Subtensor.Runtime.Metadata;
using Subtensor.Runtime.State;

namespace Subtensor.Runtime.Framework.Storage;

/// <summary>A map (FRAME <c>StorageMap</c>): key = prefix ++ hasher(SCALE(key)).</summary>
public sealed class StorageMap<TKey, TValue> : StorageEntry, IStorageMapEntry
{
    private readonly TValue _default;

    public StorageMap(string pallet, string name, StorageHasher hasher, ScaleCodec<TKey> keyCodec, ScaleCodec<TValue> valueCodec, TValue defaultValue, StorageEntryModifier modifier, IReadOnlyList<string>? docs = null)
        : base(pallet, name, modifier, docs)
    {
        Hasher = hasher;
        KeyCodec = keyCodec;
        ValueCodec = valueCodec;
        _default = defaultValue;
    }

    public StorageHasher Hasher { get; }

    public ScaleCodec<TKey> KeyCodec { get; }

    public ScaleCodec<TValue> ValueCodec { get; }

    public TValue DefaultValue => _default;

    public byte[] KeyFor(TKey key) => Concat(Prefix, StorageHashing.Hash(Hasher, KeyCodec.Encode(key)));

    public TValue Get(IStateAccess state, TKey key) => TryGet(state, key, out var v) ? v : _default;

    public bool TryGet(IStateAccess state, TKey key, out TValue value)
    {
        ArgumentNullException.ThrowIfNull(state);
        return TryDecode(ValueCodec, state.Get(KeyFor(key)), out value);
    }

    public bool Contains(IStateAccess state, TKey key) => state.Get(KeyFor(key)) is not null;

    public void Insert(IStateAccess state, TKey key, TValue value)
    {
        ArgumentNullException.ThrowIfNull(state);
        state.Set(KeyFor(key), ValueCodec.Encode(value));
    }

    public void Remove(IStateAccess state, TKey key)
    {
        ArgumentNullException.ThrowIfNull(state);
        state.Clear(KeyFor(key));
    }

    public void RemoveEncodedKey(IStateAccess state, byte[] encodedKey)
    {
        ArgumentNullException.ThrowIfNull(state);
        state.Clear(Concat(Prefix, StorageHashing.Hash(Hasher, encodedKey)));
    }

    public TValue Take(IStateAccess state, TKey key)
    {
        var v = Get(state, key);
        Remove(state, key);
        return v;
    }

    public TValue Mutate(IStateAccess state, TKey key, Func<TValue, TValue> f)
    {
        ArgumentNullException.ThrowIfNull(f);
        var v = f(Get(state, key));
        Insert(state, key, v);
        return v;
    }

    /// <summary>All entries in key order (requires a transparent hasher: Blake2_128Concat, Twox64Concat or Identity).</summary>
    public IEnumerable<KeyValuePair<TKey, TValue>> Iterate(IStateAccess state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var skip = StorageHashing.ConcatPrefixLength(Hasher);
        if (skip < 0)
        {
            throw new InvalidOperationException($"{Pallet}.{Name} uses the opaque hasher {Hasher}; its keys cannot be iterated back");
        }

        var cursor = Prefix;
        while (state.NextKey(cursor) is { } next && next.AsSpan().StartsWith(Prefix))
        {
            cursor = next;
            var keyPart = next.AsSpan(Prefix.Length + skip);
            TKey key;
            try
            {
                key = KeyCodec.DecodeAll(keyPart.ToArray());
            }
            catch (ScaleDecodeException)
            {
                continue;
            }

            if (TryDecode(ValueCodec, state.Get(next), out var value))
            {
                yield return new(key, value);
            }
        }
    }

    public override StorageEntryMetadata ToMetadata(TypeRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        var type = new StorageEntryTypeMetadata([Hasher], registry.Register(KeyCodec.Type), registry.Register(ValueCodec.Type));
        return new StorageEntryMetadata(Name, Modifier, type, DefaultBytes(ValueCodec, _default), Docs);
    }
}
