using Subtensor.Core.Scale;

namespace Subtensor.Runtime.Primitives;

/// <summary>sp_runtime <c>MultiSignature</c> as carried by an extrinsic: 0 Ed25519([u8; 64]), 1 Sr25519([u8; 64]), 2 Ecdsa([u8; 65]).</summary>
public sealed record ExtrinsicSignature(SignatureScheme Scheme, byte[] Bytes)
{
    public static int LengthOf(SignatureScheme scheme) => scheme == SignatureScheme.Ecdsa ? 65 : 64;

    public void EncodeTo(ScaleWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteU8((byte)Scheme).WriteBytes(Bytes);
    }

    public static ExtrinsicSignature DecodeFrom(ref ScaleReader reader)
    {
        var scheme = (SignatureScheme)reader.ReadEnumIndex(3);
        return new ExtrinsicSignature(scheme, reader.ReadFixed(LengthOf(scheme)));
    }

    public bool Equals(ExtrinsicSignature? other) => other is not null && Scheme == other.Scheme && Bytes.AsSpan().SequenceEqual(other.Bytes);

    public override int GetHashCode() => HashCode.Combine(Scheme, Bytes.Length);
}
