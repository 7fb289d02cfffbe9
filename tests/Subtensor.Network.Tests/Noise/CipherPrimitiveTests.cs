using System.Text;
using Subtensor.Core.Crypto;
using ChaCha20Poly1305 = Subtensor.Core.Crypto.ChaCha20Poly1305;

namespace Subtensor.Network.Tests.Noise;

/// <summary>The Core wrappers Noise is built on, against their RFC vectors.</summary>
public class CipherPrimitiveTests
{
    [Fact]
    public void X25519_matches_rfc7748_section_6_1()
    {
        var alicePrivate = Convert.FromHexString("77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a");
        var bobPrivate = Convert.FromHexString("5dab087e624a8a4b79e17f8b83800ee66f3bb1292618b6fd1c2f8b27ff88e0eb");
        var alicePublic = new byte[32];
        var bobPublic = new byte[32];
        X25519.DerivePublicKey(alicePrivate, alicePublic);
        X25519.DerivePublicKey(bobPrivate, bobPublic);
        Assert.Equal("8520f0098930a754748b7ddcb43ef75a0dbf3a0d26381af4eba4a98eaa9b4e6a", Convert.ToHexStringLower(alicePublic));
        Assert.Equal("de9edb7d7b7dc1b4d35b61c2ece435373f8343c85b78674dadfc7e146f882b4f", Convert.ToHexStringLower(bobPublic));

        var shared1 = new byte[32];
        var shared2 = new byte[32];
        Assert.True(X25519.TryComputeSharedSecret(alicePrivate, bobPublic, shared1));
        Assert.True(X25519.TryComputeSharedSecret(bobPrivate, alicePublic, shared2));
        Assert.Equal("4a5d9d5ba4ce2de1728e3bf480350f25e07e21c947d19e3376f09b3c1e161742", Convert.ToHexStringLower(shared1));
        Assert.Equal(shared1, shared2);

        // A low-order point (zero) gives the all-zero secret, which is refused.
        Assert.False(X25519.TryComputeSharedSecret(alicePrivate, new byte[32], new byte[32]));
    }

    [Fact]
    public void ChaCha20Poly1305_matches_rfc8439_section_2_8_2()
    {
        var key = Convert.FromHexString("808182838485868788898a8b8c8d8e8f909192939495969798999a9b9c9d9e9f");
        var nonce = Convert.FromHexString("070000004041424344454647");
        var aad = Convert.FromHexString("50515253c0c1c2c3c4c5c6c7");
        var plaintext = Encoding.ASCII.GetBytes("Ladies and Gentlemen of the class of '99: If I could offer you only one tip for the future, sunscreen would be it.");
        var ciphertext = new byte[plaintext.Length + 16];
        ChaCha20Poly1305.Encrypt(key, nonce, plaintext, aad, ciphertext);
        Assert.StartsWith("d31a8d34648e60db7b86afbc53ef7ec2", Convert.ToHexStringLower(ciphertext), StringComparison.Ordinal);
        Assert.EndsWith("61161ae10b594f09e26a7e902ecbd0600691", Convert.ToHexStringLower(ciphertext), StringComparison.Ordinal);

        var decrypted = new byte[plaintext.Length];
        Assert.True(ChaCha20Poly1305.TryDecrypt(key, nonce, ciphertext, aad, decrypted));
        Assert.Equal(plaintext, decrypted);

        ciphertext[5] ^= 0x80;
        Assert.False(ChaCha20Poly1305.TryDecrypt(key, nonce, ciphertext, aad, decrypted));
        ciphertext[5] ^= 0x80;
        Assert.False(ChaCha20Poly1305.TryDecrypt(key, nonce, ciphertext, Convert.FromHexString("50515253c0c1c2c3c4c5c6c8"), decrypted));
        Assert.False(ChaCha20Poly1305.TryDecrypt(key, nonce, ciphertext.AsSpan(0, 10), aad, new byte[0]));
    }

    [Fact]
    public void Empty_plaintext_still_carries_a_tag()
    {
        var key = new byte[32];
        var nonce = new byte[12];
        var ciphertext = new byte[16];
        ChaCha20Poly1305.Encrypt(key, nonce, ReadOnlySpan<byte>.Empty, ReadOnlySpan<byte>.Empty, ciphertext);
        Assert.True(ChaCha20Poly1305.TryDecrypt(key, nonce, ciphertext, ReadOnlySpan<byte>.Empty, Span<byte>.Empty));
        ciphertext[0] ^= 1;
        Assert.False(ChaCha20Poly1305.TryDecrypt(key, nonce, ciphertext, ReadOnlySpan<byte>.Empty, Span<byte>.Empty));
    }
}
