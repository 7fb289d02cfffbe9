using Subtensor.Core.Hashing;
using Subtensor.Core.Scale;
using Subtensor.Runtime.Framework.Codec;
using Subtensor.Runtime.Framework.TypeInfo;
using Subtensor.Runtime.Metadata;
using Subtensor.Runtime.State;

using Subtensor.Trie;

namespace Subtensor.Runtime.Framework.Storage;

/// <summary>A double map (FRAME <c>StorageDoubleMap</c>): key = prefix ++ hasher1(k1) ++ hasher2(k2); metadata key type is the tuple (K1, K2).</summary>
public sealed class StorageDoubleMap<TKey1, TKey2, TValue> : StorageEntry
{
    private readonly TValue _default;

    public StorageDoubleMap(
        string pallet, string name, StorageHasher hasher1, ScaleCodec<TKey1> key1, StorageHasher hasher2, ScaleCodec<TKey2> key2,
        ScaleCodec<TValue> valueCodec, TValue defaultValue, StorageEntryModifier modifier, IReadOnlyList<string>? docs = null)
        : base(pallet, name, modifier, docs)
    {
        Hasher1 = hasher1;
        Hasher2 = hasher2;
        Key1Codec = key1;
        Key2Codec = key2;
        ValueCodec = valueCodec;
        _default = defaultValue;
    }

    public StorageHasher Hasher1 { get; }

    public StorageHasher Hasher2 { get; }

    public ScaleCodec<TKey1> Key1Codec { get; }

    public ScaleCodec<TKey2> Key2Codec { get; }

    public ScaleCodec<TValue> ValueCodec { get; }

    public byte[] PrefixFor(TKey1 k1) => Concat(Prefix, StorageHashing.Hash(Hasher1, Key1Codec.Encode(k1)));

    public byte[] KeyFor(TKey1 k1, TKey2 k2) => Concat(PrefixFor(k1), StorageHashing.Hash(Hasher2, Key2Codec.Encode(k2)));

    public TValue Get(IStateAccess state, TKey1 k1, TKey2 k2) => TryGet(state, k1, k2, out var v) ? v : _default;

    public bool TryGet(IStateAccess state, TKey1 k1, TKey2 k2, out TValue value)
    {
        ArgumentNullException.ThrowIfNull(state);
        return TryDecode(ValueCodec, state.Get(KeyFor(k1, k2)), out value);
    }

    public bool Contains(IStateAccess state, TKey1 k1, TKey2 k2) => state.Get(KeyFor(k1, k2)) is not null;

    public void Insert(IStateAccess state, TKey1 k1, TKey2 k2, TValue value) => state.Set(KeyFor(k1, k2), ValueCodec.Encode(value));

    public void Remove(IStateAccess state, TKey1 k1, TKey2 k2) => state.Clear(KeyFor(k1, k2));

    public ClearPrefixResult RemovePrefix(IStateAccess state, TKey1 k1, uint? limit = null) => state.ClearPrefix(PrefixFor(k1), limit);

    /// <summary>Entries under <paramref name="k1"/>, in key order (the second hasher must be transparent).</summary>
    public IEnumerable<KeyValuePair<TKey2, TValue>> IteratePrefix(IStateAccess state, TKey1 k1)
    {
        ArgumentNullException.ThrowIfNull(state);
        var skip = StorageHashing.ConcatPrefixLength(Hasher2);
        if (skip < 0)
        {
            throw new InvalidOperationException($"{Pallet}.{Name} second key uses the opaque hasher {Hasher2}");
        }

        var prefix = PrefixFor(k1);
        var cursor = prefix;
        while (state.NextKey(cursor) is { } next && next.AsSpan().StartsWith(prefix))
        {
            cursor = next;
            TKey2 key;
            try
            {
                key = Key2Codec.DecodeAll(next.AsSpan(prefix.Length + skip).ToArray());
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

    /// <summary>Every entry, in key order (both hashers must be transparent).</summary>
    public IEnumerable<(TKey1 Key1, TKey2 Key2, TValue Value)> Iterate(IStateAccess state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var skip1 = StorageHashing.ConcatPrefixLength(Hasher1);
        var skip2 = StorageHashing.ConcatPrefixLength(Hasher2);
        if (skip1 < 0 || skip2 < 0)
        {
            throw new InvalidOperationException($"{Pallet}.{Name} uses an opaque hasher; its keys cannot be iterated back");
        }

        var cursor = Prefix;
        while (state.NextKey(cursor) is { } next && next.AsSpan().StartsWith(Prefix))
        {
            cursor = next;
            TKey1 k1;
            TKey2 k2;
            try
            {
                var r = new ScaleReader(next.AsSpan(Prefix.Length));
                r.ReadBytes(skip1);
                k1 = Key1Codec.Decode(ref r);
                r.ReadBytes(skip2);
                k2 = Key2Codec.Decode(ref r);
                r.EnsureAtEnd();
            }
            catch (ScaleDecodeException)
            {
                continue;
            }

            if (TryDecode(ValueCodec, state.Get(next), out var value))
            {
                yield return (k1, k2, value);
            }
        }
    }

    public override StorageEntryMetadata ToMetadata(TypeRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        var keyType = registry.Register(Ty.Tuple(Key1Codec.Type, Key2Codec.Type));
        var type = new StorageEntryTypeMetadata([Hasher1, Hasher2], keyType, registry.Register(ValueCodec.Type));
        return new StorageEntryMetadata(Name, Modifier, type, DefaultBytes(ValueCodec, _default), Docs);
    }
}
