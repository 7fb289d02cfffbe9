using Subtensor.Core.Types;
using Subtensor.Network.Substrate;

namespace Subtensor.Network.Tests.Substrate;

/// <summary>Byte vectors written by hand from sc-network-sync's <c>api.v1.proto</c> and the spec digest (§1.10).</summary>
public sealed class BlockRequestTests
{
    private static readonly Hash256 SomeHash = Hash256.Parse("0x" + string.Concat(Enumerable.Range(0, 32).Select(i => i.ToString("x2"))));

    [Fact]
    public void Field_flags_sit_in_the_high_byte()
    {
        Assert.Equal(0x01000000u, (uint)BlockAttributes.Header);
        Assert.Equal(0x02000000u, (uint)BlockAttributes.Body);
        Assert.Equal(0x10000000u, (uint)BlockAttributes.Justification);
    }

    [Fact]
    public void Ascending_request_by_number_matches_hand_built_bytes()
    {
        var request = BlockRequest.ByNumber(1000, 64, BlockRequestDirection.Ascending, BlockAttributes.Header | BlockAttributes.Body | BlockAttributes.Justification);
        // 08: field 1 varint, 0x13000000 as LEB128 = 80 80 80 98 01
        // 1a 04: field 3, 4 bytes: 1000 as u32 LE
        // (direction ascending = 0 is omitted, proto3 default)
        // 30 40: field 6 = 64; 38 01: field 7 = true
        byte[] expected = [0x08, 0x80, 0x80, 0x80, 0x98, 0x01, 0x1a, 0x04, 0xe8, 0x03, 0x00, 0x00, 0x30, 0x40, 0x38, 0x01];
        Assert.Equal(expected, request.Encode());
        Assert.Equal(request, BlockRequest.Decode(expected));
    }

    [Fact]
    public void Descending_request_by_hash_matches_hand_built_bytes()
    {
        var request = new BlockRequest { Fields = BlockAttributes.Header, FromHash = SomeHash, Direction = BlockRequestDirection.Descending, MaxBlocks = 1 };
        var expected = new List<byte> { 0x08, 0x80, 0x80, 0x80, 0x08, 0x12, 0x20 };
        expected.AddRange(SomeHash.ToArray());
        expected.AddRange([0x28, 0x01, 0x30, 0x01]);
        Assert.Equal(expected, request.Encode());
        var decoded = BlockRequest.Decode([.. expected]);
        Assert.Equal(SomeHash, decoded.FromHash);
        Assert.Null(decoded.FromNumber);
        Assert.Equal(BlockRequestDirection.Descending, decoded.Direction);
        Assert.False(decoded.SupportMultipleJustifications);
    }

    [Fact]
    public void Decoding_accepts_other_number_widths_and_skips_unknown_fields()
    {
        // number as 8 bytes LE (a u64-number chain) and an unknown field 15 (varint)
        byte[] bytes = [0x08, 0x80, 0x80, 0x80, 0x08, 0x1a, 0x08, 0x05, 0, 0, 0, 0, 0, 0, 0, 0x78, 0x07];
        var decoded = BlockRequest.Decode(bytes);
        Assert.Equal(5u, decoded.FromNumber);
        Assert.Equal(0u, decoded.MaxBlocks);
    }

    [Theory]
    [InlineData(new byte[] { 0x08, 0x01 })] // no start block
    [InlineData(new byte[] { 0x12, 0x02, 0x01, 0x02 })] // 2-byte hash
    [InlineData(new byte[] { 0x1a, 0x00 })] // empty number
    [InlineData(new byte[] { 0x1a, 0x04, 1, 0, 0, 0, 0x28, 0x05 })] // unknown direction
    [InlineData(new byte[] { 0x1a, 0x08, 0, 0, 0, 0, 1, 0, 0, 0 })] // number beyond u32
    [InlineData(new byte[] { 0x12, 0x20, 0x01 })] // truncated
    public void Malformed_requests_are_protocol_errors(byte[] bytes)
        => Assert.Throws<Libp2pProtocolException>(() => BlockRequest.Decode(bytes));

    [Fact]
    public void Response_with_multiple_justifications_matches_hand_built_bytes()
    {
        byte[] header = [0xAA, 0xBB];
        byte[] extrinsic = [0x04, 0x99];
        var data = new BlockData(SomeHash, header, [extrinsic], [Justification.Grandpa([1, 2, 3])]);
        var encoded = new BlockResponse([data]).Encode(multipleJustifications: true);

        var inner = new List<byte> { 0x0a, 0x20 };
        inner.AddRange(SomeHash.ToArray());
        inner.AddRange([0x12, 0x02, 0xAA, 0xBB]); // header
        inner.AddRange([0x1a, 0x02, 0x04, 0x99]); // one body item, kept with its length prefix
        // field 8: SCALE Justifications = compact(1) ‖ "FRNK" ‖ compact(3) ‖ 01 02 03
        inner.AddRange([0x42, 0x09, 0x04, (byte)'F', (byte)'R', (byte)'N', (byte)'K', 0x0c, 1, 2, 3]);
        var expected = new List<byte> { 0x0a, (byte)inner.Count };
        expected.AddRange(inner);
        Assert.Equal(expected, encoded);

        var decoded = Assert.Single(BlockResponse.Decode(encoded).Blocks);
        Assert.Equal(SomeHash, decoded.Hash);
        Assert.Equal(header, decoded.Header);
        Assert.Equal(extrinsic, Assert.Single(decoded.Body!));
        var justification = Assert.Single(decoded.Justifications!);
        Assert.True(justification.IsGrandpa);
        Assert.Equal([1, 2, 3], justification.Data);
    }

    [Fact]
    public void Response_for_old_peers_uses_the_single_justification_fields()
    {
        var withProof = new BlockData(SomeHash, null, null, [Justification.Grandpa([9])]);
        var empty = new BlockData(SomeHash, null, null, [Justification.Grandpa([])]);
        var encoded = new BlockResponse([withProof, empty]).Encode(multipleJustifications: false);
        var blocks = BlockResponse.Decode(encoded).Blocks;
        Assert.Equal([9], Assert.Single(blocks[0].Justifications!).Data);
        Assert.Empty(Assert.Single(blocks[1].Justifications!).Data);

        // field 6 for the first, field 7 (is_empty_justification) for the second
        Assert.Contains((byte)0x32, encoded);
        Assert.Contains((byte)0x38, encoded);
    }

    [Theory]
    [InlineData(new byte[] { 0x0a, 0x02, 0x12, 0x00 })] // block without hash
    [InlineData(new byte[] { 0x0a, 0x04, 0x0a, 0x02, 1, 2 })] // 2-byte hash
    [InlineData(new byte[] { 0x0a, 0x05 })] // truncated
    public void Malformed_responses_are_protocol_errors(byte[] bytes)
        => Assert.Throws<Libp2pProtocolException>(() => BlockResponse.Decode(bytes));

    [Fact]
    public void State_request_and_response_round_trip_with_hand_built_bytes()
    {
        var request = new StateRequest { Block = SomeHash, Start = [[1, 2]], NoProof = true };
        var expected = new List<byte> { 0x0a, 0x20 };
        expected.AddRange(SomeHash.ToArray());
        expected.AddRange([0x12, 0x02, 1, 2, 0x18, 0x01]);
        Assert.Equal(expected, request.Encode());
        var decoded = StateRequest.Decode([.. expected]);
        Assert.True(decoded.NoProof);
        Assert.Equal([1, 2], Assert.Single(decoded.Start));

        var response = new StateResponse([new KeyValueStateEntry([], [new StateEntry([0x0A], [0x0B, 0x0C])], true)], []);
        // entries(1){ entries(2){ key(1)=0a value(2)=0b0c } complete(3)=1 }
        byte[] responseBytes = [0x0a, 0x0b, 0x12, 0x07, 0x0a, 0x01, 0x0A, 0x12, 0x02, 0x0B, 0x0C, 0x18, 0x01];
        Assert.Equal(responseBytes, response.Encode());
        var back = StateResponse.Decode(responseBytes);
        var entry = Assert.Single(back.Entries);
        Assert.True(entry.Complete);
        Assert.Empty(entry.StateRoot);
        Assert.Equal([0x0B, 0x0C], Assert.Single(entry.Entries).Value);
    }
}
