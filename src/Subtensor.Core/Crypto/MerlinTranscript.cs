using System.Buffers.Binary;

namespace Subtensor.Core.Crypto;

/// <summary>
/// A Merlin transcript (merlin.cool, "Merlin v1.0" over STROBE-128): labelled messages in, labelled challenges out.
/// Schnorrkel builds sr25519 signatures, VRFs and HDKD on it.
/// </summary>
public sealed class MerlinTranscript : IDisposable
{
    private readonly Strobe128 _strobe;

    /// <summary>Starts a transcript: STROBE-128("Merlin v1.0") then append_message("dom-sep", label).</summary>
    public MerlinTranscript(ReadOnlySpan<byte> label)
    {
        _strobe = new Strobe128("Merlin v1.0"u8);
        AppendMessage("dom-sep"u8, label);
    }

    private MerlinTranscript(Strobe128 strobe) => _strobe = strobe;

    /// <summary>An independent copy of the current state (Rust's <c>Transcript::clone</c>).</summary>
    public MerlinTranscript Clone() => new(_strobe.Clone());

    /// <summary>meta-AD(label ‖ LE32(len)) then AD(message).</summary>
    public void AppendMessage(ReadOnlySpan<byte> label, ReadOnlySpan<byte> message)
    {
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(length, checked((uint)message.Length));
        _strobe.MetaAd(label, more: false);
        _strobe.MetaAd(length, more: true);
        _strobe.Ad(message, more: false);
    }

    /// <summary>append_message with the 8-byte little-endian encoding of <paramref name="value"/>.</summary>
    public void AppendU64(ReadOnlySpan<byte> label, ulong value)
    {
        Span<byte> bytes = stackalloc byte[8];
        BinaryPrimitives.WriteUInt64LittleEndian(bytes, value);
        AppendMessage(label, bytes);
    }

    /// <summary>meta-AD(label ‖ LE32(len)) then PRF into <paramref name="destination"/>.</summary>
    public void ChallengeBytes(ReadOnlySpan<byte> label, Span<byte> destination)
    {
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(length, checked((uint)destination.Length));
        _strobe.MetaAd(label, more: false);
        _strobe.MetaAd(length, more: true);
        _strobe.Prf(destination, more: false);
    }

    /// <summary>Forks the transcript into a builder for a witness-bound RNG (merlin <c>build_rng</c>); this transcript is unchanged.</summary>
    public TranscriptRngBuilder BuildRng() => new(_strobe.Clone());

    public void Dispose() => _strobe.Dispose();
}
