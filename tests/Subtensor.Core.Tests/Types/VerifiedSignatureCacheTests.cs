using Subtensor.Core.Crypto;
using Subtensor.Core.Types;

namespace Subtensor.Core.Tests.Types;

public class VerifiedSignatureCacheTests
{
    [Theory]
    [InlineData(KeyScheme.Ed25519)]
    [InlineData(KeyScheme.Sr25519)]
    [InlineData(KeyScheme.Ecdsa)]
    public void Only_valid_checks_are_remembered_and_a_hit_needs_the_same_message_signer_and_signature(KeyScheme scheme)
    {
        var cache = new VerifiedSignatureCache(16);
        using var alice = KeyPairs.FromSuri("//Alice", scheme);
        using var bob = KeyPairs.FromSuri("//Bob", scheme);
        var aliceId = new MultiSigner(scheme, alice.Pair.PublicKey).ToAccountId();
        var bobId = new MultiSigner(scheme, bob.Pair.PublicKey).ToAccountId();
        var message = "payload"u8.ToArray();
        var signature = new MultiSignature(scheme, alice.Pair.Sign(message));

        Assert.False(cache.Verify(signature, message, bobId));
        Assert.Equal(0, cache.Count);
        Assert.True(cache.Verify(signature, message, aliceId));
        Assert.Equal(1, cache.Count);
        Assert.True(cache.Verify(signature, message, aliceId));
        Assert.Equal(1, cache.Count);

        // A cached pass says nothing about a different message, signer or signature.
        Assert.False(cache.Verify(signature, "payloaD"u8, aliceId));
        Assert.False(cache.Verify(signature, message, bobId));
        var tampered = signature.Signature.ToArray();
        tampered[5] ^= 1;
        Assert.False(cache.Verify(new MultiSignature(scheme, tampered), message, aliceId));
        Assert.Equal(1, cache.Count);
    }

    [Fact]
    public void A_full_cache_starts_over()
    {
        var cache = new VerifiedSignatureCache(3);
        using var alice = KeyPairs.FromSuri("//Alice", KeyScheme.Ed25519);
        var id = new MultiSigner(KeyScheme.Ed25519, alice.Pair.PublicKey).ToAccountId();
        for (var i = 0; i < 5; i++)
        {
            var message = new[] { (byte)i };
            Assert.True(cache.Verify(new MultiSignature(KeyScheme.Ed25519, alice.Pair.Sign(message)), message, id));
            Assert.InRange(cache.Count, 1, 3);
        }
    }
}
