using Subtensor.Core.Hashing;
using Subtensor.Core.Scale;
using Subtensor.Runtime.Framework.Codec;
using Subtensor.Runtime.Framework.TypeInfo;
using Subtensor.Runtime.Metadata;
using Subtensor.Runtime.State;

using Subtensor.Trie;

namespace Subtensor.Runtime.Framework.Storage;

/// <summary>
/// A storage item declared by a pallet. Its key is <c>twox128(pallet) ++ twox128(name)</c>, followed for maps by each
/// hashed key part; its metadata entry is generated from the same declaration.
/// </summary>
public abstract class StorageEntry
{
    protected StorageEntry(string pallet, string name, StorageEntryModifier modifier, IReadOnlyList<string>? docs)
    {
        Pallet = pallet;
        Name = name;
        Modifier = modifier;
        Docs = docs ?? [];
        Prefix = StorageHashing.StoragePrefix(pallet, name);
    }

    public string Pallet { get; }

    public string Name { get; }

    public StorageEntryModifier Modifier { get; }

    public IReadOnlyList<string> Docs { get; }

    /// <summary><c>twox128(pallet) ++ twox128(name)</c>: the whole key of a value, the prefix of a map's keys.</summary>
    public byte[] Prefix { get; }

    public abstract StorageEntryMetadata ToMetadata(TypeRegistry registry);

    /// <summary>Removes every key of this item (all entries of a map).</summary>
    public ClearPrefixResult ClearAll(IStateAccess state, uint? limit = null)
    {
        ArgumentNullException.ThrowIfNull(state);
        return state.ClearPrefix(Prefix, limit);
    }

    /// <summary>Decodes a stored value as FRAME does: undecodable bytes read as absent.</summary>
    protected static bool TryDecode<T>(ScaleCodec<T> codec, byte[]? raw, out T value)
    {
        value = default!;
        if (raw is null)
        {
            return false;
        }

        try
        {
            value = codec.DecodeAll(raw);
            return true;
        }
        catch (ScaleDecodeException)
        {
            return false;
        }
    }

    protected byte[] DefaultBytes<T>(ScaleCodec<T> codec, T defaultValue) =>
        Modifier == StorageEntryModifier.Optional ? [0] : codec.Encode(defaultValue);

    protected static byte[] Concat(byte[] prefix, params byte[][] parts)
    {
        var result = new byte[prefix.Length + parts.Sum(p => p.Length)];
        prefix.CopyTo(result, 0);
        var at = prefix.Length;
        foreach (var p in parts)
        {
            p.CopyTo(result, at);
            at += p.Length;
        }

        return result;
    }
}
