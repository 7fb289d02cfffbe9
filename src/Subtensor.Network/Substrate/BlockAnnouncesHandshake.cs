using System.Buffers.Binary;
using Subtensor.Core.Types;

namespace Subtensor.Network.Substrate;

/// <summary>
/// The handshake of <c>/…/block-announces/1</c> (sc-network-sync <c>BlockAnnouncesHandshake</c>): role u8 ‖ best_number u32 LE
/// (fixed width, not compact) ‖ best_hash[32] ‖ genesis_hash[32].
/// </summary>
public sealed record BlockAnnouncesHandshake(NodeRole Roles, uint BestNumber, Hash256 BestHash, Hash256 GenesisHash)
{
    public const int EncodedLength = 1 + 4 + Hash256.Length + Hash256.Length;

    public byte[] Encode()
    {
        var bytes = new byte[EncodedLength];
        bytes[0] = (byte)Roles;
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(1), BestNumber);
        BestHash.CopyTo(bytes.AsSpan(5));
        GenesisHash.CopyTo(bytes.AsSpan(5 + Hash256.Length));
        return bytes;
    }

    /// <summary>Decodes a handshake; any other length is a <see cref="Libp2pProtocolException"/>.</summary>
    public static BlockAnnouncesHandshake Decode(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length != EncodedLength)
        {
            throw new Libp2pProtocolException($"block-announces handshake of {bytes.Length} bytes, expected {EncodedLength}");
        }

        return new BlockAnnouncesHandshake(
            (NodeRole)bytes[0],
            BinaryPrimitives.ReadUInt32LittleEndian(bytes[1..]),
            new Hash256(bytes.Slice(5, Hash256.Length)),
            new Hash256(bytes.Slice(5 + Hash256.Length, Hash256.Length)));
    }
}
