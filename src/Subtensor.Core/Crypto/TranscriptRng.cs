using System.Buffers.Binary;

namespace Subtensor.Core.Crypto;

/// <summary>Synthetic randomness bound to a transcript, its witnesses and external entropy (merlin <c>TranscriptRng</c>).</summary>
public sealed class TranscriptRng : IDisposable
{
    private readonly Strobe128 _strobe;

    internal TranscriptRng(Strobe128 strobe) => _strobe = strobe;

    /// <summary>meta-AD(LE32(len)) then PRF into <paramref name="destination"/>.</summary>
    public void FillBytes(Span<byte> destination)
    {
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(length, checked((uint)destination.Length));
        _strobe.MetaAd(length, more: false);
        _strobe.Prf(destination, more: false);
    }

    public void Dispose() => _strobe.Dispose();
}
