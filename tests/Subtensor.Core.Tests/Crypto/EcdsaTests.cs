using Subtensor.Core.Crypto;
using Subtensor.Core.Types;

namespace Subtensor.Core.Tests.Crypto;

public class EcdsaTests
{
    private static readonly byte[] Seed = Hex.Parse("0x9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60");

    [Fact]
    public void Known_key_and_deterministic_signature_match_sp_core()
    {
        // sp-core ecdsa test_vector_should_work (public given uncompressed as 8db55b05…d7d4, y even → 02 prefix).
        using var pair = Ecdsa.FromSeed(Seed);
        Assert.Equal("0x028db55b05db86c0b1786ca49f095d76344c9e6056b2f02701a7e7f3c20aabfd91", Hex.ToHex(pair.PublicKey));
        var signature = pair.Sign([]);
        Assert.Equal("0x3dde91174bd9359027be59a428b8146513df80a2a3c7eda2194f64de04a69ab97b753169e94db6ffd50921a2668a48b94ca11e3d32c1ff19cfe88890aa7e8f3c00", Hex.ToHex(signature));
        Assert.True(Ecdsa.Verify(signature, [], pair.PublicKey));

        // @polkadot/util-crypto secp256k1Sign("substrate", pair, 'blake2')
        Assert.Equal("0x0361abf35584c71229c870430e8dd8ec7dff56a0ccad36eed4f29832e5ce83995bb42eb032bb4476336db2495dd0decc25a5c973b268cf1b52c67f7acad6adc401", Hex.ToHex(pair.Sign("substrate"u8)));
    }

    [Fact]
    public void Recovery_returns_the_uncompressed_key_of_sp_core()
    {
        using var pair = Ecdsa.FromSeed(Seed);
        var signature = pair.Sign([]);
        var full = Ecdsa.RecoverPrehashed(signature, Subtensor.Core.Hashing.Blake2b.Blake2b256([]), compressed: false);
        Assert.Equal("0x048db55b05db86c0b1786ca49f095d76344c9e6056b2f02701a7e7f3c20aabfd913ebbe148dd17c56551a52952371071a6c604b3f3abe8f2c8fa742158ea6dd7d4", Hex.ToHex(full!));
    }

    [Fact]
    public void Tampering_and_malformed_signatures_fail()
    {
        using var pair = Ecdsa.FromSeed(Seed);
        var signature = pair.Sign("msg"u8);
        Assert.True(KeyPairs.Verify(KeyScheme.Ecdsa, signature, "msg"u8, pair.PublicKey));
        Assert.False(Ecdsa.Verify(signature, "msh"u8, pair.PublicKey));
        var flipped = (byte[])signature.Clone();
        flipped[5] ^= 1;
        Assert.False(Ecdsa.Verify(flipped, "msg"u8, pair.PublicKey));
        var badId = (byte[])signature.Clone();
        badId[64] = 4;
        Assert.False(Ecdsa.Verify(badId, "msg"u8, pair.PublicKey));
        var zeroR = (byte[])signature.Clone();
        Array.Clear(zeroR, 0, 32);
        Assert.Null(Ecdsa.Recover(zeroR, "msg"u8));
        var overflowS = (byte[])signature.Clone();
        overflowS.AsSpan(32, 32).Fill(0xff);
        Assert.Null(Ecdsa.Recover(overflowS, "msg"u8));
    }

    [Fact]
    public void Signatures_are_low_s()
    {
        var halfOrder = Hex.Parse("0x7fffffffffffffffffffffffffffffff5d576e7357a4501ddfe92f46681b20a0");
        using var pair = Ecdsa.FromSeed(Seed);
        for (var i = 0; i < 20; i++)
        {
            var signature = pair.Sign(BitConverter.GetBytes(i));
            Assert.True(signature.AsSpan(32, 32).SequenceCompareTo(halfOrder) <= 0);
            Assert.True(Ecdsa.Verify(signature, BitConverter.GetBytes(i), pair.PublicKey));
        }
    }

    [Fact]
    public void Hard_derivation_matches_sp_core_and_invalid_seeds_are_refused()
    {
        // sp-core ecdsa seed_and_derive_should_work
        Assert.Equal("0xb8eefc4937200a8382d00050e050ced2d4ab72cc2ef1b061477afb51564fdd61", Hex.ToHex(Ecdsa.DeriveHard(Seed, new byte[32])));
        Assert.Throws<ArgumentException>(() => Ecdsa.FromSeed(new byte[32]));
        Assert.Throws<ArgumentException>(() => Ecdsa.FromSeed(Enumerable.Repeat((byte)0xff, 32).ToArray()));
    }

    [Fact]
    public void Account_id_is_blake2_of_the_compressed_key()
    {
        using var pair = Ecdsa.FromSeed(Seed);
        Assert.Equal(Subtensor.Core.Hashing.Blake2b.Blake2b256(pair.PublicKey), KeyPairs.AccountIdOf(KeyScheme.Ecdsa, pair.PublicKey).ToArray());
    }
}
