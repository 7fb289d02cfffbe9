using System.Buffers.Binary;

namespace Subtensor.Core.Crypto;

/// <summary>Rekeys a forked transcript with prover secrets, then with 32 external random bytes (merlin <c>TranscriptRngBuilder</c>).</summary>
public sealed class TranscriptRngBuilder : IDisposable
{
    private readonly Strobe128 _strobe;
    private bool _finalized;

    internal TranscriptRngBuilder(Strobe128 strobe) => _strobe = strobe;

    /// <summary>meta-AD(label ‖ LE32(len)) then KEY(witness).</summary>
    public TranscriptRngBuilder RekeyWithWitnessBytes(ReadOnlySpan<byte> label, ReadOnlySpan<byte> witness)
    {
        ObjectDisposedException.ThrowIf(_finalized, this);
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(length, checked((uint)witness.Length));
        _strobe.MetaAd(label, more: false);
        _strobe.MetaAd(length, more: true);
        _strobe.Key(witness, more: false);
        return this;
    }

    /// <summary>meta-AD("rng") then KEY(32 bytes from <paramref name="random"/>); the builder is consumed.</summary>
    public TranscriptRng Finalize(IRandomSource random)
    {
        ArgumentNullException.ThrowIfNull(random);
        ObjectDisposedException.ThrowIf(_finalized, this);
        Span<byte> bytes = stackalloc byte[32];
        random.Fill(bytes);
        _strobe.MetaAd("rng"u8, more: false);
        _strobe.Key(bytes, more: false);
        bytes.Clear();
        _finalized = true;
        return new TranscriptRng(_strobe);
    }

    public void Dispose()
    {
        if (!_finalized)
        {
            _finalized = true;
            _strobe.Dispose();
        }
    }
}
