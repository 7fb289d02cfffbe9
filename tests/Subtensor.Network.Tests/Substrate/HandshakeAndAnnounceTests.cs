using System.Text.Json;
using Subtensor.Core.Scale;
using Subtensor.Core.Types;
using Subtensor.Network.Substrate;
using Subtensor.TestSupport;

namespace Subtensor.Network.Tests.Substrate;

public sealed class HandshakeAndAnnounceTests
{
    private static readonly Hash256 Best = Hash256.Parse("0x" + new string('b', 64));
    private static readonly Hash256 Genesis = Hash256.Parse("0x2f0555cc76fc2840a25a6ea3b9637146806f1f44b090c175ffde2a7e5ab36c03");

    [Fact]
    public void Block_announce_handshake_is_role_u32le_best_genesis()
    {
        var handshake = new BlockAnnouncesHandshake(NodeRole.Authority | NodeRole.Full, 0x01020304, Best, Genesis);
        var expected = "05" + "04030201" + new string('b', 64) + "2f0555cc76fc2840a25a6ea3b9637146806f1f44b090c175ffde2a7e5ab36c03";
        Assert.Equal(expected, Convert.ToHexStringLower(handshake.Encode()));
        Assert.Equal(handshake, BlockAnnouncesHandshake.Decode(handshake.Encode()));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(68)]
    [InlineData(70)]
    public void Handshake_of_the_wrong_length_is_refused(int length)
        => Assert.Throws<Libp2pProtocolException>(() => BlockAnnouncesHandshake.Decode(new byte[length]));

    [Fact]
    public void Real_finney_headers_decode_with_their_hash_parent_and_number()
    {
        using var vectors = TestVectors.Json("subtensor_headers.json");
        var count = 0;
        foreach (var entry in vectors.RootElement.GetProperty("headers").EnumerateArray())
        {
            var bytes = Hex.Parse(entry.GetProperty("scale_hex").GetString()!);
            var header = HeaderSummary.Decode(bytes);
            var json = entry.GetProperty("header_json");
            Assert.Equal(Hash256.Parse(entry.GetProperty("hash").GetString()!), header.Hash);
            Assert.Equal(Hash256.Parse(json.GetProperty("parentHash").GetString()!), header.ParentHash);
            Assert.Equal(Convert.ToUInt32(json.GetProperty("number").GetString()!, 16), header.Number);
            count++;
        }

        Assert.True(count > 10);
    }

    [Fact]
    public void Announce_is_header_then_state_then_data()
    {
        var header = RealHeader();
        var announce = new BlockAnnounce(header, isBest: true, data: [7, 8]);
        var encoded = announce.Encode();
        Assert.Equal([.. header.Encoded.ToArray(), 1, 0x08, 7, 8], encoded);
        var decoded = BlockAnnounce.Decode(encoded);
        Assert.True(decoded.IsBest);
        Assert.Equal(header.Hash, decoded.Header.Hash);
        Assert.Equal([7, 8], decoded.Data);
    }

    [Fact]
    public void Announce_without_state_and_data_decodes_as_not_best_like_substrate()
    {
        var header = RealHeader();
        var decoded = BlockAnnounce.Decode(header.Encoded);
        Assert.False(decoded.IsBest);
        Assert.Empty(decoded.Data);
    }

    [Fact]
    public void Announce_with_a_bad_state_or_truncated_header_is_a_decode_error()
    {
        var header = RealHeader();
        Assert.Throws<ScaleDecodeException>(() => BlockAnnounce.Decode([.. header.Encoded.ToArray(), 2, 0]));
        Assert.Throws<ScaleDecodeException>(() => BlockAnnounce.Decode(header.Encoded[..40].ToArray()));
        Assert.Throws<ScaleDecodeException>(() => BlockAnnounce.Decode([.. header.Encoded.ToArray(), 1, 0, 0xFF]));
    }

    [Fact]
    public void Protocol_names_follow_substrate()
    {
        var names = new ProtocolNames(Genesis, "bittensor");
        const string hex = "2f0555cc76fc2840a25a6ea3b9637146806f1f44b090c175ffde2a7e5ab36c03";
        Assert.Equal(["/" + hex + "/block-announces/1", "/bittensor/block-announces/1"], names.BlockAnnounces);
        Assert.Equal(["/" + hex + "/transactions/1", "/bittensor/transactions/1"], names.Transactions);
        Assert.Equal(["/" + hex + "/grandpa/1", "/paritytech/grandpa/1"], names.Grandpa);
        Assert.Equal(["/" + hex + "/sync/2", "/bittensor/sync/2"], names.Sync);
        Assert.Equal(["/" + hex + "/state/2", "/bittensor/state/2"], names.State);
        Assert.Equal(["/" + hex + "/kad", "/bittensor/kad"], names.Kademlia);
        Assert.Equal("/" + hex + "/fork1/sync/2", new ProtocolNames(Genesis, "bittensor", "fork1").Sync[0]);
    }

    [Fact]
    public void Transactions_message_is_a_vec_of_length_prefixed_extrinsics()
    {
        byte[] a = [0x08, 1, 2];
        byte[] b = [0x0C, 3, 4, 5];
        var encoded = TransactionsMessage.Encode([a, b]);
        Assert.Equal([0x08, 0x08, 1, 2, 0x0C, 3, 4, 5], encoded);
        var decoded = TransactionsMessage.Decode(encoded);
        Assert.Equal(a, decoded[0]);
        Assert.Equal(b, decoded[1]);
        Assert.Throws<ScaleDecodeException>(() => TransactionsMessage.Decode([0x08, 0x08, 1]));
        Assert.Throws<ScaleDecodeException>(() => TransactionsMessage.Decode([0x04, 0x04, 1, 9]));
    }

    private static HeaderSummary RealHeader()
    {
        using var vectors = TestVectors.Json("subtensor_headers.json");
        var first = vectors.RootElement.GetProperty("headers")[0];
        return HeaderSummary.Decode(Hex.Parse(first.GetProperty("scale_hex").GetString()!));
    }
}
