using Subtensor.Core.Native;

namespace Subtensor.Core.Hashing;

/// <summary>Incremental BLAKE2b through libsodium's init/update/final.</summary>
public sealed unsafe class Blake2bHasher
{
    // libsodium declares the state 64-byte aligned: a pinned (never moving) buffer with room to align.
    private readonly byte[] _buffer = GC.AllocateUninitializedArray<byte>(Sodium.Blake2bStateBytes + 64, pinned: true);
    private readonly int _outputLength;
    private bool _finished;

    public Blake2bHasher(int outputLength = 32, ReadOnlySpan<byte> key = default)
    {
        if (outputLength is < 1 or > Blake2b.MaxOutputLength)
        {
            throw new ArgumentOutOfRangeException(nameof(outputLength));
        }

        if (key.Length > 64)
        {
            throw new ArgumentOutOfRangeException(nameof(key));
        }

        Sodium.EnsureInitialized();
        _outputLength = outputLength;
        fixed (byte* k = key)
        {
            if (Sodium.crypto_generichash_blake2b_init(State, key.IsEmpty ? null : k, (nuint)key.Length, (nuint)outputLength) != 0)
            {
                throw new InvalidOperationException("crypto_generichash_blake2b_init failed");
            }
        }
    }

    public int OutputLength => _outputLength;

    private byte* State
    {
        get
        {
            var p = (byte*)System.Runtime.CompilerServices.Unsafe.AsPointer(ref _buffer[0]);
            return (byte*)(((nuint)p + 63) & ~(nuint)63);
        }
    }

    public void Update(ReadOnlySpan<byte> data)
    {
        ObjectDisposedException.ThrowIf(_finished, this);
        fixed (byte* d = data)
        {
            if (Sodium.crypto_generichash_blake2b_update(State, d, (ulong)data.Length) != 0)
            {
                throw new InvalidOperationException("crypto_generichash_blake2b_update failed");
            }
        }
    }

    public void Finish(Span<byte> output)
    {
        ObjectDisposedException.ThrowIf(_finished, this);
        if (output.Length != _outputLength)
        {
            throw new ArgumentException($"output must be {_outputLength} bytes", nameof(output));
        }

        fixed (byte* o = output)
        {
            if (Sodium.crypto_generichash_blake2b_final(State, o, (nuint)_outputLength) != 0)
            {
                throw new InvalidOperationException("crypto_generichash_blake2b_final failed");
            }
        }

        _finished = true;
    }

    public byte[] Finish()
    {
        var output = new byte[_outputLength];
        Finish(output);
        return output;
    }
}
