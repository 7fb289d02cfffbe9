using System.Globalization;
using System.Text.Json;
using Subtensor.Core.Scale;
using Subtensor.Core.Types;
using Subtensor.TestSupport;

namespace Subtensor.Core.Tests.Types;

public class HeaderTests
{
    private static Header FromRpcJson(JsonElement json)
    {
        var logs = json.GetProperty("digest").GetProperty("logs").EnumerateArray()
            .Select(l => Scale.Scale.Decode<DigestItem>(Hex.Parse(l.GetString()!)));
        return new Header(
            Hash256.Parse(json.GetProperty("parentHash").GetString()!),
            uint.Parse(json.GetProperty("number").GetString()![2..], NumberStyles.HexNumber, CultureInfo.InvariantCulture),
            Hash256.Parse(json.GetProperty("stateRoot").GetString()!),
            Hash256.Parse(json.GetProperty("extrinsicsRoot").GetString()!),
            new Digest(logs));
    }

    [Fact]
    public void All_recorded_finney_headers_encode_and_hash_exactly()
    {
        using var doc = TestVectors.Json("subtensor_headers.json");
        var headers = doc.RootElement.GetProperty("headers");
        Assert.Equal(57, headers.GetArrayLength());
        foreach (var entry in headers.EnumerateArray())
        {
            var header = FromRpcJson(entry.GetProperty("header_json"));
            var scale = entry.GetProperty("scale_hex").GetString()!;
            var hash = Hash256.Parse(entry.GetProperty("hash").GetString()!);
            Assert.Equal(scale, Hex.ToHex(header.Encode()));
            Assert.Equal(hash, header.Hash());

            var decoded = Scale.Scale.Decode<Header>(Hex.Parse(scale));
            Assert.Equal(header, decoded);
            Assert.Equal(scale, Hex.ToHex(decoded.Encode()));
        }
    }

    [Fact]
    public void Finney_digests_hold_aura_preruntime_frontier_consensus_and_aura_seal()
    {
        using var doc = TestVectors.Json("subtensor_headers.json");
        var header = Scale.Scale.Decode<Header>(Hex.Parse(doc.RootElement.GetProperty("headers")[0].GetProperty("scale_hex").GetString()!));
        Assert.Equal(
            [DigestItemKind.PreRuntime, DigestItemKind.Consensus, DigestItemKind.Seal],
            header.Digest.Logs.Select(l => l.Kind));
        Assert.Equal(ConsensusEngineId.Aura, header.Digest.Logs[0].Engine);
        Assert.Equal("fron", header.Digest.Logs[1].Engine.ToString());
        Assert.Equal(8, header.Digest.Logs[0].Data.Length);
        Assert.Equal(64, header.Digest.Logs[2].Data.Length); // an sr25519 signature
    }

    [Fact]
    public void Digest_item_variants_round_trip()
    {
        var items = new[]
        {
            DigestItem.Other([1, 2, 3]),
            DigestItem.Consensus(ConsensusEngineId.Grandpa, [9]),
            DigestItem.Seal(ConsensusEngineId.Babe, new byte[64]),
            DigestItem.PreRuntime(ConsensusEngineId.Aura, [0, 0, 0, 0, 0, 0, 0, 1]),
            DigestItem.RuntimeEnvironmentUpdated,
        };
        var digest = new Digest(items);
        var bytes = Scale.Scale.Encode(digest);
        Assert.Equal("0x14" + "000c010203" + "0446524e4b0409" + "0542414245" + "0101" + new string('0', 128) + "0661757261200000000000000001" + "08", Hex.ToHex(bytes));
        Assert.Equal(digest, Scale.Scale.Decode<Digest>(bytes));
    }

    [Theory]
    [InlineData("0x01")]
    [InlineData("0x0200")]
    [InlineData("0x0700")]
    [InlineData("0x09")]
    public void Unknown_digest_item_types_are_rejected(string hex)
    {
        var e = Assert.Throws<ScaleDecodeException>(() => Scale.Scale.Decode<DigestItem>(Hex.Parse(hex)));
        Assert.Contains("unknown digest item type", e.Message, StringComparison.Ordinal);
        Assert.Equal(0, e.Offset);
    }

    [Fact]
    public void Genesis_style_header_encoding()
    {
        var header = new Header(Hash256.Zero, 0, Hash256.Blake2([1]), Hash256.Blake2([0]), Digest.Empty);
        var bytes = header.Encode();
        Assert.Equal(32 + 1 + 32 + 32 + 1, bytes.Length);
        Assert.Equal(0, bytes[32]);
        Assert.Equal(0, bytes[^1]);
        Assert.Equal(Hash256.Blake2(bytes), header.Hash());
    }

    [Fact]
    public void Block_number_is_compact()
    {
        var header = new Header(Hash256.Zero, 0x31ce94, Hash256.Zero, Hash256.Zero, Digest.Empty);
        Assert.Equal("0x523ac700", Hex.ToHex(header.Encode().AsSpan(32, 4)));
    }
}
