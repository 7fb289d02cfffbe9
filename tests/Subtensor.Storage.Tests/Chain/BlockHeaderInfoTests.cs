using Subtensor.Core.Scale;
using Subtensor.Core.Types;
using Subtensor.Storage.Chain;
using Subtensor.TestSupport;

namespace Subtensor.Storage.Tests.Chain;

public sealed class BlockHeaderInfoTests
{
    [Fact]
    public void Real_finney_headers_decode_to_their_recorded_hash_number_and_roots()
    {
        using var doc = TestVectors.Json("subtensor_headers.json");
        var count = 0;
        foreach (var entry in doc.RootElement.GetProperty("headers").EnumerateArray())
        {
            var header = Hex.Parse(entry.GetProperty("scale_hex").GetString()!);
            var json = entry.GetProperty("header_json");
            var info = BlockHeaderInfo.Decode(header);
            Assert.Equal(Hash256.Parse(entry.GetProperty("hash").GetString()!), info.Hash);
            Assert.Equal(Convert.ToUInt32(json.GetProperty("number").GetString()![2..], 16), info.Number);
            Assert.Equal(Hash256.Parse(json.GetProperty("parentHash").GetString()!), info.ParentHash);
            Assert.Equal(Hash256.Parse(json.GetProperty("stateRoot").GetString()!), info.StateRoot);
            Assert.Equal(Hash256.Parse(json.GetProperty("extrinsicsRoot").GetString()!), info.ExtrinsicsRoot);
            count++;
        }

        Assert.True(count > 10);
    }

    [Fact]
    public void Truncated_trailing_or_unknown_digest_bytes_are_rejected()
    {
        using var doc = TestVectors.Json("subtensor_headers.json");
        var header = Hex.Parse(doc.RootElement.GetProperty("headers")[0].GetProperty("scale_hex").GetString()!);
        Assert.Throws<ScaleDecodeException>(() => BlockHeaderInfo.Decode(header.AsSpan(0, header.Length - 1)));
        Assert.Throws<ScaleDecodeException>(() => BlockHeaderInfo.Decode([.. header, 0x00]));
        var unknownItem = (byte[])header.Clone();
        unknownItem[32 + 4 + 32 + 32 + 1] = 0x07; // first digest item's variant (compact number is 4 bytes here)
        Assert.Throws<ScaleDecodeException>(() => BlockHeaderInfo.Decode(unknownItem));
    }
}
