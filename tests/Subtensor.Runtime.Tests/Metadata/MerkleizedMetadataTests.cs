using Subtensor.Core.Types;
using Subtensor.Runtime.Hashing;
using Subtensor.Runtime.Metadata;
using Subtensor.Runtime.Tests.Support;

namespace Subtensor.Runtime.Tests.Metadata;

public class MerkleizedMetadataTests
{
    /// <summary>
    /// bkchr/merkleized-metadata fixtures (V15 metadata of six chains) and the digest hashes its own tests expect with
    /// ExtraInfo { spec_version 1, spec_name "nice", base58_prefix 1, decimals 1, token_symbol "lol" }. The fixture
    /// files are not part of this repository: point MERKLEIZED_METADATA_FIXTURES at the crate's fixtures/ folder to run it.
    /// </summary>
    [Theory]
    [InlineData("rococo_metadata_v15", "0x6619a31025a9a14086a34da4ede7ed61258b9f55c12baae8bc801317869d2dfb")]
    [InlineData("polkadot_metadata_v15", "0x72b3e70cb722edeb45a9380720ecad79b09b4113ab2dee5f5d974f170fb77a7e")]
    [InlineData("kusama_metadata_v15", "0x23d7a31034edf29f4a5977ffc3075aba8087c422026e9bf4aaea8bc8192d6a23")]
    [InlineData("acala_metadata_v15", "0xbd64dee496517c5288c47014fe0f57c2e12e42a7d627caeafa95e9f992e7e774")]
    [InlineData("moonbeam_metadata_v15", "0x1339dc558887eb12f454586ef324c36bd3a1990000e17fbba6311f6ae55af676")]
    [InlineData("hydradx_metadata_v15", "0xa11f4b8cb2515bf5dc0f8f7c04c0602d72e97892c562dafc3bb1d526d36ab838")]
    public void Digest_hash_matches_the_reference_crate_on_its_fixtures(string fixture, string expected)
    {
        var dir = Environment.GetEnvironmentVariable("MERKLEIZED_METADATA_FIXTURES");
        if (string.IsNullOrEmpty(dir))
        {
            return;
        }

        var raw = Hex.Parse(File.ReadAllText(Path.Combine(dir, fixture)).Trim());
        var metadata = RuntimeMetadata.Decode(raw.AsSpan(raw.AsSpan().IndexOf("meta"u8)));
        var digest = MerkleizedMetadata.DigestBytes(metadata, 1, "nice", 1, 1, "lol");
        Assert.Equal(expected, Hex.ToHex(Blake3.Hash(digest)));
    }

    [Fact]
    public void Runtime_metadata_hash_is_the_digest_of_its_V15_metadata_with_TAO_properties()
    {
        var rt = TestChain.Runtime;
        var digest = MerkleizedMetadata.DigestBytes(RuntimeMetadata.Decode(rt.MetadataV15), 425, "node-subtensor", 42, 9, "TAO");
        Assert.Equal(1, digest[0]);
        Assert.Equal(new Hash256(Blake3.Hash(digest)), rt.MetadataHash);
        // The same metadata with different chain properties hashes differently.
        Assert.NotEqual(Hex.ToHex(Blake3.Hash(digest)), Hex.ToHex(Blake3.Hash(MerkleizedMetadata.DigestBytes(RuntimeMetadata.Decode(rt.MetadataV15), 425, "node-subtensor", 42, 9, "testTAO"))));
    }

    [Fact]
    public void Only_V15_is_merkleized()
    {
        Assert.Throws<ArgumentException>(() => MerkleizedMetadata.DigestBytes(RuntimeMetadata.Decode(TestChain.Runtime.MetadataV14), 1, "x", 1, 1, "x"));
    }

    [Fact]
    public void Merkle_root_pairs_from_the_back()
    {
        byte[] L(byte b) => Enumerable.Repeat(b, 32).ToArray();
        Assert.Equal(new byte[32], MerkleizedMetadata.MerkleRoot([]));
        Assert.Equal(L(1), MerkleizedMetadata.MerkleRoot([L(1)]));
        var n23 = Blake3.Hash([.. L(2), .. L(3)]);
        var expected = Blake3.Hash([.. n23, .. L(1)]);
        Assert.Equal(expected, MerkleizedMetadata.MerkleRoot([L(1), L(2), L(3)]));
    }
}
