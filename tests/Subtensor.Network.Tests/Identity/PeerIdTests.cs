using Subtensor.Network.Identity;

namespace Subtensor.Network.Tests.Identity;

public class PeerIdTests
{
    // Substrate's "alice" node key (--node-key 0…01) and the peer id polkadot-sdk nodes print for it.
    private const string AliceSecret = "0000000000000000000000000000000000000000000000000000000000000001";
    private const string AlicePeerId = "12D3KooWEyoppNCUx8Yx66oV9fJnriXwCcXwDDUA2kj6vnc6iDEp";

    // The Ed25519 key of the libp2p peer-ids spec test vectors (private key protobuf 08011240 7e08…); peer id from js-libp2p.
    private const string SpecSeed = "7e0830617c4a7de83925dfb2694556b12936c477a0e1feb2e148ec9da60fee7d";
    private const string SpecPublicKeyProtobuf = "080112201ed1e8fae2c4a144b8be8fd4b47bf3d3b34b871c3cacf6010f0e42d474fce27e";
    private const string SpecPeerId = "12D3KooWBtg3aaRMjxwedh83aGiUkwSxDwUZkzuJcfaqUmo7R3pq";

    [Fact]
    public void Alice_node_key_gives_the_known_peer_id()
    {
        var key = NodeKey.ParseHex(AliceSecret);
        Assert.Equal(AlicePeerId, key.PeerId.ToString());
        Assert.Equal("0024080112204cb5abf6ad79fbf5abbccafcc269d85cd2651ed4b885b5869f241aedf0a5ba29", Convert.ToHexStringLower(key.PeerId.Bytes));
    }

    [Fact]
    public void Spec_key_vector_encodes_and_hashes_as_libp2p_does()
    {
        var key = NodeKey.FromSecret(Convert.FromHexString(SpecSeed));
        Assert.Equal(SpecPublicKeyProtobuf, Convert.ToHexStringLower(key.PublicKey.ToProtobuf()));
        Assert.Equal(SpecPeerId, key.PeerId.ToString());
    }

    [Fact]
    public void Parses_text_and_recovers_the_inlined_key()
    {
        var peerId = PeerId.Parse(SpecPeerId);
        Assert.Equal(SpecPeerId, peerId.ToString());
        var key = peerId.TryGetPublicKey();
        Assert.NotNull(key);
        Assert.Equal(KeyType.Ed25519, key.Type);
        Assert.Equal(SpecPublicKeyProtobuf, Convert.ToHexStringLower(key.ToProtobuf()));
        Assert.Equal(peerId, PeerId.FromBytes(peerId.Bytes));
        Assert.True(peerId == PeerId.Parse(SpecPeerId));
        Assert.NotEqual(peerId, PeerId.Parse(AlicePeerId));
    }

    [Fact]
    public void Accepts_sha256_peer_ids()
    {
        // The example from the peer-ids spec (an RSA key, hashed).
        var peerId = PeerId.Parse("QmYyQSo1c1Ym7orWxLYvCrM2EmxFTANf8wXmmE7DWjhx5N");
        Assert.Equal(0x12, peerId.Bytes[0]);
        Assert.Null(peerId.TryGetPublicKey());
    }

    [Fact]
    public void Long_keys_are_hashed_with_sha256()
    {
        var rsaLike = new IdentityPublicKey(KeyType.Rsa, new byte[100]);
        var peerId = rsaLike.ToPeerId();
        Assert.Equal(34, peerId.Bytes.Length);
        Assert.Equal(0x12, peerId.Bytes[0]);
        Assert.Equal(System.Security.Cryptography.SHA256.HashData(rsaLike.ToProtobuf()), peerId.Bytes[2..].ToArray());
    }

    [Theory]
    [InlineData("")]
    [InlineData("00")]
    [InlineData("0025080112204cb5abf6ad79fbf5abbccafcc269d85cd2651ed4b885b5869f241aedf0a5ba29")]
    [InlineData("00040801120f")]
    [InlineData("1220aabb")]
    [InlineData("1320" + "0000000000000000000000000000000000000000000000000000000000000000")]
    public void Rejects_malformed_multihashes(string hex)
        => Assert.Throws<FormatException>(() => PeerId.FromBytes(Convert.FromHexString(hex)));

    [Fact]
    public void Parse_names_the_invalid_base58_character()
    {
        var ex = Assert.Throws<FormatException>(() => PeerId.Parse("12D3Koo0"));
        Assert.Contains("'0' at position 7", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TryParse_reports_failure_without_throwing()
    {
        Assert.False(PeerId.TryParse("not a peer id", out var none));
        Assert.Null(none);
        Assert.True(PeerId.TryParse(AlicePeerId, out var alice));
        Assert.Equal(AlicePeerId, alice!.ToString());
    }

    [Fact]
    public void Signatures_verify_only_for_the_signed_message()
    {
        var key = NodeKey.ParseHex(AliceSecret);
        var signature = key.Sign("message"u8);
        Assert.True(key.PublicKey.Verify("message"u8, signature));
        Assert.False(key.PublicKey.Verify("massage"u8, signature));
        Assert.False(NodeKey.Generate().PublicKey.Verify("message"u8, signature));
    }
}
