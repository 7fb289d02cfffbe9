using Subtensor.Core.Scale;
using Subtensor.Core.Types;

namespace Subtensor.Runtime.Pallets.FrameSystem;

/// <summary>sp_runtime <c>generic::Header&lt;u32, BlakeTwo256&gt;</c>: parent hash, Compact number, state root, extrinsics root, digest.</summary>
public sealed record Header(Hash256 ParentHash, uint Number, Hash256 StateRoot, Hash256 ExtrinsicsRoot, IReadOnlyList<DigestItem> Digest)
{
    public void EncodeTo(ScaleWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ParentHash.EncodeTo(writer);
        writer.WriteCompact(Number);
        StateRoot.EncodeTo(writer);
        ExtrinsicsRoot.EncodeTo(writer);
        writer.WriteVec(Digest, (w, d) => d.EncodeTo(w));
    }

    public byte[] Encode()
    {
        var w = new ScaleWriter(128);
        EncodeTo(w);
        return w.ToArray();
    }

    /// <summary>Block hash: blake2_256 of the SCALE header.</summary>
    public Hash256 Hash => Hash256.Blake2(Encode());

    public static Header DecodeFrom(ref ScaleReader reader)
    {
        var parent = Hash256.DecodeFrom(ref reader);
        var number = reader.ReadCompactU32();
        var state = Hash256.DecodeFrom(ref reader);
        var extrinsics = Hash256.DecodeFrom(ref reader);
        var digest = reader.ReadVec(DigestItem.DecodeFrom);
        return new Header(parent, number, state, extrinsics, digest);
    }

    public bool Equals(Header? other) =>
        other is not null && ParentHash == other.ParentHash && Number == other.Number && StateRoot == other.StateRoot
        && ExtrinsicsRoot == other.ExtrinsicsRoot && Digest.SequenceEqual(other.Digest);

    public override int GetHashCode() => HashCode.Combine(ParentHash, Number, StateRoot);
}
