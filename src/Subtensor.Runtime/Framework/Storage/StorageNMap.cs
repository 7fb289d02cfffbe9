using Subtensor.Core.Hashing;
using Subtensor.Core.Scale;
using Subtensor.Runtime.Framework.Codec;
using Subtensor.Runtime.Framework.TypeInfo;
using Subtensor.Runtime.Metadata;
using Subtensor.Runtime.State;

using Subtensor.Trie;

namespace Subtensor.Runtime.Framework.Storage;

/// <summary>
/// A three-key map (FRAME <c>StorageNMap</c> with three <c>NMapKey</c>s): key = prefix ++ h1(k1) ++ h2(k2) ++ h3(k3);
/// metadata lists the three hashers and the key type (K1, K2, K3).
/// </summary>
public sealed class StorageNMap<TKey1, TKey2, TKey3, TValue> : StorageEntry
{
    private readonly TValue _default;

    public StorageNMap(
        string pallet, string name,
        (StorageHasher Hasher, ScaleCodec<TKey1> Codec) key1, (StorageHasher Hasher, ScaleCodec<TKey2> Codec) key2, (StorageHasher Hasher, ScaleCodec<TKey3> Codec) key3,
        ScaleCodec<TValue> valueCodec, TValue defaultValue, StorageEntryModifier modifier, IReadOnlyList<string>? docs = null)
        : base(pallet, name, modifier, docs)
    {
        Key1 = key1;
        Key2 = key2;
        Key3 = key3;
        ValueCodec = valueCodec;
        _default = defaultValue;
    }

    public (StorageHasher Hasher, ScaleCodec<TKey1> Codec) Key1 { get; }

    public (StorageHasher Hasher, ScaleCodec<TKey2> Codec) Key2 { get; }

    public (StorageHasher Hasher, ScaleCodec<TKey3> Codec) Key3 { get; }

    public ScaleCodec<TValue> ValueCodec { get; }

    public byte[] PrefixFor(TKey1 k1) => Concat(Prefix, StorageHashing.Hash(Key1.Hasher, Key1.Codec.Encode(k1)));

    public byte[] PrefixFor(TKey1 k1, TKey2 k2) => Concat(PrefixFor(k1), StorageHashing.Hash(Key2.Hasher, Key2.Codec.Encode(k2)));

    public byte[] KeyFor(TKey1 k1, TKey2 k2, TKey3 k3) => Concat(PrefixFor(k1, k2), StorageHashing.Hash(Key3.Hasher, Key3.Codec.Encode(k3)));

    public TValue Get(IStateAccess state, TKey1 k1, TKey2 k2, TKey3 k3) => TryGet(state, k1, k2, k3, out var v) ? v : _default;

    public bool TryGet(IStateAccess state, TKey1 k1, TKey2 k2, TKey3 k3, out TValue value)
    {
        ArgumentNullException.ThrowIfNull(state);
        return TryDecode(ValueCodec, state.Get(KeyFor(k1, k2, k3)), out value);
    }

    public bool Contains(IStateAccess state, TKey1 k1, TKey2 k2, TKey3 k3)
    {
        ArgumentNullException.ThrowIfNull(state);
        return state.Get(KeyFor(k1, k2, k3)) is not null;
    }

    public void Insert(IStateAccess state, TKey1 k1, TKey2 k2, TKey3 k3, TValue value)
    {
        ArgumentNullException.ThrowIfNull(state);
        state.Set(KeyFor(k1, k2, k3), ValueCodec.Encode(value));
    }

    public void Remove(IStateAccess state, TKey1 k1, TKey2 k2, TKey3 k3)
    {
        ArgumentNullException.ThrowIfNull(state);
        state.Clear(KeyFor(k1, k2, k3));
    }

    public ClearPrefixResult RemovePrefix(IStateAccess state, TKey1 k1)
    {
        ArgumentNullException.ThrowIfNull(state);
        return state.ClearPrefix(PrefixFor(k1));
    }

    /// <summary>Every entry, in key order (all three hashers must be transparent).</summary>
    public IEnumerable<(TKey1 K1, TKey2 K2, TKey3 K3, TValue Value)> Iterate(IStateAccess state) => Scan(state, Prefix);

    /// <summary>Entries under <paramref name="k1"/>, in key order.</summary>
    public IEnumerable<(TKey1 K1, TKey2 K2, TKey3 K3, TValue Value)> IteratePrefix(IStateAccess state, TKey1 k1) => Scan(state, PrefixFor(k1));

    /// <summary>Entries under (<paramref name="k1"/>, <paramref name="k2"/>), in key order.</summary>
    public IEnumerable<(TKey1 K1, TKey2 K2, TKey3 K3, TValue Value)> IteratePrefix(IStateAccess state, TKey1 k1, TKey2 k2) => Scan(state, PrefixFor(k1, k2));

    public override StorageEntryMetadata ToMetadata(TypeRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        var keyType = registry.Register(Ty.Tuple(Key1.Codec.Type, Key2.Codec.Type, Key3.Codec.Type));
        var type = new StorageEntryTypeMetadata([Key1.Hasher, Key2.Hasher, Key3.Hasher], keyType, registry.Register(ValueCodec.Type));
        return new StorageEntryMetadata(Name, Modifier, type, DefaultBytes(ValueCodec, _default), Docs);
    }

    private IEnumerable<(TKey1, TKey2, TKey3, TValue)> Scan(IStateAccess state, byte[] prefix)
    {
        ArgumentNullException.ThrowIfNull(state);
        var skips = new[] { StorageHashing.ConcatPrefixLength(Key1.Hasher), StorageHashing.ConcatPrefixLength(Key2.Hasher), StorageHashing.ConcatPrefixLength(Key3.Hasher) };
        if (skips.Any(s => s < 0))
        {
            throw new InvalidOperationException($"{Pallet}.{Name} uses an opaque hasher; its keys cannot be iterated back");
        }

        var cursor = prefix;
        while (state.NextKey(cursor) is { } next && next.AsSpan().StartsWith(prefix))
        {
            cursor = next;
            (TKey1, TKey2, TKey3) keys;
            try
            {
                var r = new ScaleReader(next.AsSpan(Prefix.Length));
                r.ReadBytes(skips[0]);
                var k1 = Key1.Codec.Decode(ref r);
                r.ReadBytes(skips[1]);
                var k2 = Key2.Codec.Decode(ref r);
                r.ReadBytes(skips[2]);
                var k3 = Key3.Codec.Decode(ref r);
                r.EnsureAtEnd();
                keys = (k1, k2, k3);
            }
            catch (ScaleDecodeException)
            {
                continue;
            }

            if (TryDecode(ValueCodec, state.Get(next), out var value))
            {
                yield return (keys.Item1, keys.Item2, keys.Item3, value);
            }
        }
    }
}
