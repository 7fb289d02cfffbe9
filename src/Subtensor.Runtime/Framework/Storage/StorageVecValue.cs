using Subtensor.Core.Scale;
using Subtensor.Runtime.Framework.Codec;
using Subtensor.Runtime.Framework.TypeInfo;
using Subtensor.Runtime.Metadata;
using Subtensor.Runtime.State;

namespace Subtensor.Runtime.Framework.Storage;

/// <summary>
/// A <c>StorageValue&lt;Vec&lt;T&gt;&gt;</c> that also supports appending an element without decoding the whole vector
/// (what <c>sp_io::storage::append</c> does: bump the compact length, append the element's encoding).
/// </summary>
public sealed class StorageVecValue<T> : StorageEntry
{
    public StorageVecValue(string pallet, string name, ScaleCodec<T> element, IReadOnlyList<string>? docs = null)
        : base(pallet, name, StorageEntryModifier.Default, docs)
    {
        Element = element;
        Codec = Codecs.Vec(element);
    }

    public ScaleCodec<T> Element { get; }

    public ScaleCodec<T[]> Codec { get; }

    public byte[] Key => Prefix;

    public T[] Get(IStateAccess state) => TryDecode(Codec, state.Get(Key), out var v) ? v : [];

    public void Put(IStateAccess state, IReadOnlyList<T> items) => state.Set(Key, Codec.Encode(items.ToArray()));

    public void Kill(IStateAccess state) => state.Clear(Key);

    public void Append(IStateAccess state, T item)
    {
        ArgumentNullException.ThrowIfNull(state);
        state.Append(Key, Element.Encode(item));
    }

    /// <summary>Appends one encoded element to an encoded <c>Vec</c>; an absent or malformed value starts a new vector.</summary>
    public static byte[] AppendEncoded(byte[]? existing, byte[] encodedItem) => AppendableVec.AppendEncoded(existing, encodedItem);

    public override StorageEntryMetadata ToMetadata(TypeRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        return new StorageEntryMetadata(Name, Modifier, new StorageEntryTypeMetadata([], null, registry.Register(Codec.Type)), [0], Docs);
    }
}
