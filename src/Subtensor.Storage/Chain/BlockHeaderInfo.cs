using Subtensor.Core.Scale;
using Subtensor.Core.Types;

namespace Subtensor.Storage.Chain;

/// <summary>
/// What storage needs from a SCALE-encoded Substrate header (spec §1.5: parent_hash ‖ Compact(number) ‖ state_root ‖
/// extrinsics_root ‖ digest): its hash (Blake2-256 of the encoding), parent, number and state root.
/// </summary>
public sealed record BlockHeaderInfo(Hash256 Hash, Hash256 ParentHash, uint Number, Hash256 StateRoot, Hash256 ExtrinsicsRoot)
{
    /// <summary>Decodes and checks a whole header (digest items included); throws <see cref="ScaleDecodeException"/>.</summary>
    public static BlockHeaderInfo Decode(ReadOnlySpan<byte> encoded)
    {
        var reader = new ScaleReader(encoded);
        var parent = Hash256.DecodeFrom(ref reader);
        var number = reader.ReadCompactU32();
        var stateRoot = Hash256.DecodeFrom(ref reader);
        var extrinsicsRoot = Hash256.DecodeFrom(ref reader);
        var items = reader.ReadLength();
        for (var i = 0; i < items; i++)
        {
            // DigestItem: 0 Other(Vec<u8>), 4 Consensus, 5 Seal, 6 PreRuntime (engine id [4] + Vec<u8>), 8 RuntimeEnvironmentUpdated
            switch (reader.ReadU8())
            {
                case 0:
                    reader.ReadByteSequence();
                    break;
                case 4 or 5 or 6:
                    reader.ReadBytes(4);
                    reader.ReadByteSequence();
                    break;
                case 8:
                    break;
                default:
                    throw reader.Error("unknown digest item variant");
            }
        }

        reader.EnsureAtEnd();
        return new BlockHeaderInfo(Hash256.Blake2(encoded), parent, number, stateRoot, extrinsicsRoot);
    }

    public BlockRef Ref => new(Hash, Number);
}
