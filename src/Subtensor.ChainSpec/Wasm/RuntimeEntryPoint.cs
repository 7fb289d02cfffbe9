namespace Subtensor.ChainSpec.Wasm;

/// <summary>
/// A runtime function exported by <see cref="MinimalRuntimeCode"/> (e.g. <c>AuraApi_authorities</c>): it ignores its
/// arguments and returns either fixed bytes or the raw value stored under one storage key, with fixed bytes when the
/// key is absent. This covers the runtime APIs whose result is a constant or one <c>StorageValue</c> as encoded in
/// storage (a <c>ValueQuery</c> and its default).
/// </summary>
public sealed class RuntimeEntryPoint
{
    private readonly byte[]? _storageKey;
    private readonly byte[] _value;

    private RuntimeEntryPoint(string name, byte[]? storageKey, byte[] value)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(value);
        Name = name;
        _storageKey = storageKey?.ToArray();
        _value = value.ToArray();
    }

    /// <summary>The export name, <c>Trait_method</c> as Substrate hosts call it.</summary>
    public string Name { get; }

    /// <summary>Whether the function reads <see cref="StorageKey"/> (else it returns the constant <see cref="Value"/>).</summary>
    public bool ReadsStorage => _storageKey is not null;

    /// <summary>The storage key read by the function (empty for a constant).</summary>
    public ReadOnlyMemory<byte> StorageKey => _storageKey ?? [];

    /// <summary>The constant result, or the result when <see cref="StorageKey"/> holds no value.</summary>
    public ReadOnlyMemory<byte> Value => _value;

    /// <summary>A function returning <paramref name="value"/>.</summary>
    public static RuntimeEntryPoint Constant(string name, byte[] value) => new(name, null, value);

    /// <summary>A function returning the value stored under <paramref name="key"/>, or <paramref name="absent"/> when there is none.</summary>
    public static RuntimeEntryPoint StorageValue(string name, byte[] key, byte[] absent)
    {
        ArgumentNullException.ThrowIfNull(key);
        return new(name, key, absent);
    }
}
