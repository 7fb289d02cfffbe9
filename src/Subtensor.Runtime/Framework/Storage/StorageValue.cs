using Subtensor.Core.Scale;
using Subtensor.Runtime.Framework.Codec;
using Subtensor.Runtime.Framework.TypeInfo;
using Subtensor.Runtime.Metadata;
using Subtensor.Runtime.State;

namespace Subtensor.Runtime.Framework.Storage;

/// <summary>A single value (FRAME <c>StorageValue</c>), with a default (ValueQuery) or absent-as-None (OptionQuery).</summary>
public sealed class StorageValue<T> : StorageEntry
{
    private readonly T _default;

    public StorageValue(string pallet, string name, ScaleCodec<T> codec, T defaultValue, StorageEntryModifier modifier, IReadOnlyList<string>? docs = null)
        : base(pallet, name, modifier, docs)
    {
        Codec = codec;
        _default = defaultValue;
    }

    public ScaleCodec<T> Codec { get; }

    public byte[] Key => Prefix;

    public T Get(IStateAccess state) => TryGet(state, out var v) ? v : _default;

    public bool TryGet(IStateAccess state, out T value)
    {
        ArgumentNullException.ThrowIfNull(state);
        return TryDecode(Codec, state.Get(Key), out value);
    }

    public bool Exists(IStateAccess state) => state.Get(Key) is not null;

    public void Put(IStateAccess state, T value)
    {
        ArgumentNullException.ThrowIfNull(state);
        state.Set(Key, Codec.Encode(value));
    }

    public void Kill(IStateAccess state)
    {
        ArgumentNullException.ThrowIfNull(state);
        state.Clear(Key);
    }

    /// <summary>Reads and removes the value.</summary>
    public T Take(IStateAccess state)
    {
        var v = Get(state);
        Kill(state);
        return v;
    }

    public T Mutate(IStateAccess state, Func<T, T> f)
    {
        ArgumentNullException.ThrowIfNull(f);
        var v = f(Get(state));
        Put(state, v);
        return v;
    }

    public override StorageEntryMetadata ToMetadata(TypeRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        return new StorageEntryMetadata(Name, Modifier, new StorageEntryTypeMetadata([], null, registry.Register(Codec.Type)), DefaultBytes(Codec, _default), Docs);
    }
}
