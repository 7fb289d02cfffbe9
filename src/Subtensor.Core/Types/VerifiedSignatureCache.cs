using System.Collections.Concurrent;

namespace Subtensor.Core.Types;

/// <summary>
/// Remembers signatures already found valid, keyed by blake2_256(scheme ++ signature ++ signer ++ message), so a
/// transaction checked when it entered the pool is not verified again when the block builder applies it (Substrate
/// keeps no such cache; its pool and builder both pay). Only valid results are kept, and verification is a pure function
/// of the key, so a hit can never change an outcome. Bounded: when full it starts over.
/// </summary>
public sealed class VerifiedSignatureCache
{
    private readonly ConcurrentDictionary<Hash256, byte> _valid = new();
    private readonly int _capacity;

    public VerifiedSignatureCache(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _capacity = capacity;
    }

    /// <summary>The process-wide cache the runtime's signature check uses.</summary>
    public static VerifiedSignatureCache Shared { get; } = new(131_072);

    public int Count => _valid.Count;

    /// <summary><see cref="MultiSignature.Verify"/>, answered from the cache when this exact check already passed.</summary>
    public bool Verify(MultiSignature signature, ReadOnlySpan<byte> message, AccountId32 signer)
    {
        ArgumentNullException.ThrowIfNull(signature);
        var key = Key(signature, message, signer);
        if (_valid.ContainsKey(key))
        {
            return true;
        }

        if (!signature.Verify(message, signer))
        {
            return false;
        }

        if (_valid.Count >= _capacity)
        {
            _valid.Clear();
        }

        _valid.TryAdd(key, 0);
        return true;
    }

    private static Hash256 Key(MultiSignature signature, ReadOnlySpan<byte> message, AccountId32 signer)
    {
        var sig = signature.Signature;
        var buffer = new byte[1 + sig.Length + AccountId32.Length + message.Length];
        buffer[0] = (byte)signature.Scheme;
        sig.CopyTo(buffer.AsSpan(1));
        signer.CopyTo(buffer.AsSpan(1 + sig.Length, AccountId32.Length));
        message.CopyTo(buffer.AsSpan(1 + sig.Length + AccountId32.Length));
        return Hash256.Blake2(buffer);
    }
}
