using Subtensor.Core.Crypto;
using Subtensor.Core.Scale;
using Subtensor.Core.Types;

namespace Subtensor.Core.Tests.Types;

public class MultiSignatureTests
{
    [Theory]
    [InlineData(KeyScheme.Ed25519)]
    [InlineData(KeyScheme.Sr25519)]
    [InlineData(KeyScheme.Ecdsa)]
    public void Signatures_verify_against_the_signer_account(KeyScheme scheme)
    {
        using var derived = KeyPairs.FromSuri("//Alice", scheme);
        var message = "extrinsic payload"u8.ToArray();
        var signature = new MultiSignature(scheme, derived.Pair.Sign(message));
        var signer = new MultiSigner(scheme, derived.Pair.PublicKey);
        var account = signer.ToAccountId();
        Assert.True(signature.Verify(message, account));
        Assert.False(signature.Verify("other"u8, account));
        using var bob = KeyPairs.FromSuri("//Bob", scheme);
        Assert.False(signature.Verify(message, new MultiSigner(scheme, bob.Pair.PublicKey).ToAccountId()));
    }

    [Fact]
    public void Ecdsa_accepts_ethereum_style_recovery_ids_like_sp_io()
    {
        using var derived = KeyPairs.FromSuri("//Alice", KeyScheme.Ecdsa);
        var raw = derived.Pair.Sign("m"u8);
        raw[64] += 27;
        var account = new MultiSigner(KeyScheme.Ecdsa, derived.Pair.PublicKey).ToAccountId();
        Assert.True(new MultiSignature(KeyScheme.Ecdsa, raw).Verify("m"u8, account));
        raw[64] = 5;
        Assert.False(new MultiSignature(KeyScheme.Ecdsa, raw).Verify("m"u8, account));
    }

    [Fact]
    public void Scale_round_trip_with_variant_tags_and_sizes()
    {
        var sr = new MultiSignature(KeyScheme.Sr25519, new byte[64]);
        var writer = new ScaleWriter();
        sr.EncodeTo(writer);
        var bytes = writer.ToArray();
        Assert.Equal(65, bytes.Length);
        Assert.Equal(1, bytes[0]);
        var reader = new ScaleReader(bytes);
        Assert.Equal(sr, MultiSignature.DecodeFrom(ref reader));

        var ecdsa = new MultiSignature(KeyScheme.Ecdsa, new byte[65]);
        writer = new ScaleWriter();
        ecdsa.EncodeTo(writer);
        Assert.Equal(66, writer.ToArray().Length);
        Assert.Equal(2, writer.ToArray()[0]);

        var signer = new MultiSigner(KeyScheme.Ecdsa, new byte[33]);
        writer = new ScaleWriter();
        signer.EncodeTo(writer);
        Assert.Equal(34, writer.ToArray().Length);
        reader = new ScaleReader(writer.ToArray());
        Assert.Equal(signer, MultiSigner.DecodeFrom(ref reader));
    }

    [Fact]
    public void Bad_input_is_a_typed_error()
    {
        byte[] unknown = [3, .. new byte[64]];
        Assert.Throws<ScaleDecodeException>(() =>
        {
            var reader = new ScaleReader(unknown);
            MultiSignature.DecodeFrom(ref reader);
        });
        byte[] truncated = [0, .. new byte[10]];
        Assert.Throws<ScaleDecodeException>(() =>
        {
            var reader = new ScaleReader(truncated);
            MultiSignature.DecodeFrom(ref reader);
        });
        Assert.Throws<ArgumentException>(() => new MultiSignature(KeyScheme.Ecdsa, new byte[64]));
        Assert.Throws<ArgumentException>(() => new MultiSigner(KeyScheme.Sr25519, new byte[33]));
    }
}
