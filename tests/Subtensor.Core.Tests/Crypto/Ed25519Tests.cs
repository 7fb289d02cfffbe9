using Subtensor.Core.Crypto;
using Subtensor.Core.Types;

namespace Subtensor.Core.Tests.Crypto;

public class Ed25519Tests
{
    [Fact]
    public void Rfc8032_test_1()
    {
        using var pair = Ed25519.FromSeed(Hex.Parse("0x9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60"));
        Assert.Equal("0xd75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a", Hex.ToHex(pair.PublicKey));
        var signature = pair.Sign([]);
        Assert.Equal("0xe5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b", Hex.ToHex(signature));
        Assert.True(Ed25519.Verify(signature, [], pair.PublicKey));
    }

    [Fact]
    public void Alice_dev_signature_is_reproduced()
    {
        var signatures = DevKeys.Root.GetProperty("signatures");
        using var derived = KeyPairs.FromSuri("//Alice", KeyScheme.Ed25519);
        var message = System.Text.Encoding.UTF8.GetBytes(signatures.GetProperty("message_utf8").GetString()!);
        var signature = derived.Pair.Sign(message);
        Assert.Equal(signatures.GetProperty("ed25519_alice_signature_deterministic").GetString(), Hex.ToHex(signature));
        Assert.True(KeyPairs.Verify(KeyScheme.Ed25519, signature, message, derived.Pair.PublicKey));
    }

    [Fact]
    public void Tampering_fails()
    {
        using var pair = Ed25519.FromSeed(new byte[32]);
        var signature = pair.Sign("hello"u8);
        Assert.True(Ed25519.Verify(signature, "hello"u8, pair.PublicKey));
        Assert.False(Ed25519.Verify(signature, "hellO"u8, pair.PublicKey));
        var flipped = (byte[])signature.Clone();
        flipped[10] ^= 1;
        Assert.False(Ed25519.Verify(flipped, "hello"u8, pair.PublicKey));
        using var other = Ed25519.FromSeed(Enumerable.Repeat((byte)1, 32).ToArray());
        Assert.False(Ed25519.Verify(signature, "hello"u8, other.PublicKey));
        Assert.False(Ed25519.Verify(signature.AsSpan(0, 63), "hello"u8, pair.PublicKey));
    }

    [Fact]
    public void Hard_derivation_matches_sp_core()
    {
        // sp-core ed25519 seed_and_derive_should_work: Hard([0; 32]) from the RFC 8032 seed.
        var derived = Ed25519.DeriveHard(Hex.Parse("0x9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60"), new byte[32]);
        Assert.Equal("0xede3354e133f9c8e337ddd6ee5415ed4b4ffe5fc7d21e933f4930a3730e5b21c", Hex.ToHex(derived));
    }
}
