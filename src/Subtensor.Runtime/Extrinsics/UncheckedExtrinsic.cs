using Subtensor.Core.Hashing;
using Subtensor.Core.Scale;
using Subtensor.Core.Types;
using Subtensor.Runtime.Framework;
using Subtensor.Runtime.Primitives;

namespace Subtensor.Runtime.Extrinsics;

/// <summary>
/// An extrinsic in format v4 (sp_runtime <c>generic::UncheckedExtrinsic</c>): Compact length, version byte (0x84
/// signed, 0x04 bare), then for signed ones the MultiAddress, the MultiSignature and the explicit extension data,
/// then the call.
/// </summary>
public sealed class UncheckedExtrinsic
{
    public const byte Version = 4;

    private UncheckedExtrinsic(RuntimeCall call, byte[] callBytes, MultiAddress? address, MultiSignature? signature, SignedExtra? extra, byte[] encoded)
    {
        Call = call;
        CallBytes = callBytes;
        Address = address;
        Signature = signature;
        Extra = extra;
        Encoded = encoded;
    }

    public RuntimeCall Call { get; }

    /// <summary>The call exactly as it appears in the extrinsic.</summary>
    public byte[] CallBytes { get; }

    public MultiAddress? Address { get; }

    public MultiSignature? Signature { get; }

    public SignedExtra? Extra { get; }

    public bool IsSigned => Signature is not null;

    /// <summary>The whole extrinsic with its length prefix (what blocks, the extrinsics root and hashes use).</summary>
    public byte[] Encoded { get; }

    /// <summary>blake2_256 of <see cref="Encoded"/>: the transaction hash.</summary>
    public Hash256 Hash => Hash256.Blake2(Encoded);

    /// <summary>Decodes a length-prefixed extrinsic, rejecting other versions, a wrong length prefix and trailing bytes.</summary>
    public static UncheckedExtrinsic Decode(ReadOnlySpan<byte> encoded, RuntimeOuterTypes outer)
    {
        ArgumentNullException.ThrowIfNull(outer);
        var reader = new ScaleReader(encoded);
        var length = reader.ReadCompactU32();
        var start = reader.Position;
        if (length != reader.Remaining)
        {
            throw new ScaleDecodeException($"extrinsic length prefix {length} does not match the {reader.Remaining} byte(s) that follow", 0);
        }

        var versionByte = reader.ReadU8();
        var signed = (versionByte & 0x80) != 0;
        var version = versionByte & 0x7f;
        if (version != Version)
        {
            throw new ScaleDecodeException($"unsupported extrinsic version {version} (byte 0x{versionByte:x2}); this runtime accepts v4", start);
        }

        MultiAddress? address = null;
        MultiSignature? signature = null;
        SignedExtra? extra = null;
        if (signed)
        {
            address = MultiAddress.DecodeFrom(ref reader);
            signature = MultiSignature.DecodeFrom(ref reader);
            extra = SignedExtra.DecodeFrom(ref reader);
        }

        var callStart = reader.Position;
        var call = outer.DecodeCall(ref reader);
        var callBytes = encoded[callStart..reader.Position].ToArray();
        reader.EnsureAtEnd();
        return new UncheckedExtrinsic(call, callBytes, address, signature, extra, encoded.ToArray());
    }

    /// <summary>A bare (unsigned) extrinsic for a call (inherents).</summary>
    public static UncheckedExtrinsic Bare(RuntimeCall call)
    {
        ArgumentNullException.ThrowIfNull(call);
        var callBytes = call.Encode();
        var w = new ScaleWriter(callBytes.Length + 6);
        w.WriteCompact((uint)(callBytes.Length + 1)).WriteU8(Version).WriteBytes(callBytes);
        return new UncheckedExtrinsic(call, callBytes, null, null, null, w.ToArray());
    }

    /// <summary>A signed extrinsic from its parts (tools and tests).</summary>
    public static UncheckedExtrinsic CreateSigned(RuntimeCall call, MultiAddress address, MultiSignature signature, SignedExtra extra)
    {
        ArgumentNullException.ThrowIfNull(call);
        ArgumentNullException.ThrowIfNull(address);
        ArgumentNullException.ThrowIfNull(signature);
        var callBytes = call.Encode();
        var body = new ScaleWriter(callBytes.Length + 128);
        body.WriteU8(Version | 0x80);
        address.EncodeTo(body);
        signature.EncodeTo(body);
        extra.EncodeTo(body);
        body.WriteBytes(callBytes);
        var w = new ScaleWriter(body.Length + 5);
        w.WriteCompact((uint)body.Length).WriteBytes(body.WrittenSpan);
        return new UncheckedExtrinsic(call, callBytes, address, signature, extra, w.ToArray());
    }

    /// <summary>
    /// The bytes a signer signs: call ++ explicit extension data ++ implicit data, replaced by its blake2_256 when
    /// longer than 256 bytes (sp_runtime <c>SignedPayload</c>).
    /// </summary>
    public static byte[] SigningPayload(byte[] callBytes, SignedExtra extra, ImplicitData implicitData)
    {
        ArgumentNullException.ThrowIfNull(callBytes);
        ArgumentNullException.ThrowIfNull(implicitData);
        var w = new ScaleWriter(callBytes.Length + 128);
        w.WriteBytes(callBytes);
        extra.EncodeTo(w);
        implicitData.EncodeTo(w);
        return w.Length > 256 ? Blake2b.Blake2b256(w.WrittenSpan) : w.ToArray();
    }
}
