using Subtensor.Core.Scale;

namespace Subtensor.Core.Types;

/// <summary>
/// A block header (<c>sp_runtime::generic::Header&lt;u32, BlakeTwo256&gt;</c>):
/// parent_hash ‖ Compact(number) ‖ state_root ‖ extrinsics_root ‖ digest. The block hash is blake2_256 of it.
/// </summary>
public sealed record Header(Hash256 ParentHash, uint Number, Hash256 StateRoot, Hash256 ExtrinsicsRoot, Digest Digest)
    : IScaleEncodable, IScaleDecodable<Header>
{
    public void EncodeTo(ScaleWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ParentHash.EncodeTo(writer);
        writer.WriteCompact(Number);
        StateRoot.EncodeTo(writer);
        ExtrinsicsRoot.EncodeTo(writer);
        Digest.EncodeTo(writer);
    }

    public static Header DecodeFrom(ref ScaleReader reader)
    {
        var parent = Hash256.DecodeFrom(ref reader);
        var number = reader.ReadCompactU32();
        var stateRoot = Hash256.DecodeFrom(ref reader);
        var extrinsicsRoot = Hash256.DecodeFrom(ref reader);
        return new Header(parent, number, stateRoot, extrinsicsRoot, Digest.DecodeFrom(ref reader));
    }

    public byte[] Encode() => Scale.Scale.Encode(this);

    /// <summary>The block hash: blake2_256 of the SCALE encoding (seal included).</summary>
    public Hash256 Hash() => Hash256.Blake2(Encode());
}
