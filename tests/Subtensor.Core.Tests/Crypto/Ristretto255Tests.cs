using Subtensor.Core.Crypto;

namespace Subtensor.Core.Tests.Crypto;

public class Ristretto255Tests
{
    // RFC 9496 A.1: encodings of i·B.
    private static readonly string[] Multiples =
    [
        "0000000000000000000000000000000000000000000000000000000000000000",
        "e2f2ae0a6abc4e71a884a961c500515f58e30b6aa582dd8db6a65945e08d2d76",
        "6a493210f7499cd17fecb510ae0cea23a110e8d5b901f8acadd3095c73a3b919",
        "94741f5d5d52755ece4f23f044ee27d5d1ea1e2bd196b462166b16152a9d0259",
        "da80862773358b466ffadfe0b3293ab3d9fd53c5ea6c955358f568322daf6a57",
        "e882b131016b52c1d3337080187cf768423efccbb517bb495ab812c4160ff44e",
    ];

    private const string GroupOrderMinusOne = "ecd3f55c1a631258d69cf7a2def9de1400000000000000000000000000000010";
    private const string GroupOrder = "edd3f55c1a631258d69cf7a2def9de1400000000000000000000000000000010";

    [Fact]
    public void Base_multiples_match_rfc9496_including_the_identity()
    {
        var scalar = new byte[32];
        var point = new byte[32];
        for (var i = 0; i < Multiples.Length; i++)
        {
            scalar[0] = (byte)i;
            Ristretto255.ScalarMultiplyBase(scalar, point);
            Assert.Equal(Multiples[i], Convert.ToHexStringLower(point));
            Assert.True(Ristretto255.IsValidPoint(point));
        }
    }

    [Fact]
    public void Variable_base_multiplication_treats_an_identity_result_as_the_identity()
    {
        var b = Convert.FromHexString(Multiples[1]);
        var result = new byte[32];
        Assert.True(Ristretto255.TryScalarMultiply(Scalar(2), b, result));
        Assert.Equal(Multiples[2], Convert.ToHexStringLower(result));

        // ℓ·B is the identity: libsodium reports −1, we report the zero encoding.
        Assert.True(Ristretto255.TryScalarMultiply(Convert.FromHexString(GroupOrder), b, result));
        Assert.All(result, x => Assert.Equal(0, x));
        Assert.True(Ristretto255.TryScalarMultiply(Scalar(5), new byte[32], result));
        Assert.All(result, x => Assert.Equal(0, x));
    }

    [Fact]
    public void Addition_and_subtraction_follow_the_group_law()
    {
        var two = Convert.FromHexString(Multiples[2]);
        var three = Convert.FromHexString(Multiples[3]);
        var result = new byte[32];
        Assert.True(Ristretto255.TryAdd(two, three, result));
        Assert.Equal(Multiples[5], Convert.ToHexStringLower(result));
        Assert.True(Ristretto255.TrySubtract(three, two, result));
        Assert.Equal(Multiples[1], Convert.ToHexStringLower(result));
        Assert.False(Ristretto255.TryAdd(two, Convert.FromHexString("0100000000000000000000000000000000000000000000000000000000000000"), result));
    }

    [Theory]
    [InlineData("edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f")]
    [InlineData("ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f")]
    [InlineData("0100000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("5866666666666666666666666666666666666666666666666666666666666666")]
    [InlineData("ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f")]
    public void Bad_encodings_are_rejected(string hex)
    {
        var bad = Convert.FromHexString(hex);
        Assert.False(Ristretto255.IsValidPoint(bad));
        Assert.False(Ristretto255.TryScalarMultiply(Scalar(1), bad, new byte[32]));
    }

    [Theory]
    [InlineData("5d1be09e3d0c82fc538112490e35701979d99e06ca3e2b5b54bffe8b4dc772c14d98b696a1bbfb5ca32c436cc61c16563790306c79eaca7705668b47dffe5bb6", "3066f82a1a747d45120d1740f14358531a8f04bbffe6a819f86dfe50f44a0a46")]
    [InlineData("f116b34b8f17ceb56e8732a60d913dd10cce47a6d53bee9204be8b44f6678b270102a56902e2488c46120e9276cfe54638286b9e4b3cdb470b542d46c2068d38", "f26e5b6f7d362d2d2a94c5d0e7602cb4773c95a2e5c31a64f133189fa76ed61b")]
    [InlineData("8422e1bbdaab52938b81fd602effb6f89110e1e57208ad12d9ad767e2e25510c27140775f9337088b982d83d7fcf0b2fa1edffe51952cbe7365e95c86eaf325c", "006ccd2a9e6867e6a2c5cea83d3302cc9de128dd2a9a57dd8ee7b9d7ffe02826")]
    [InlineData("ac22415129b61427bf464e17baee8db65940c233b98afce8d17c57beeb7876c2150d15af1cb1fb824bbd14955f2b57d08d388aab431a391cfc33d5bafb5dbbaf", "f8f0c87cf237953c5890aec3998169005dae3eca1fbb04548c635953c817f92a")]
    public void From_uniform_bytes_matches_rfc9496(string uniform, string expected)
    {
        var point = new byte[32];
        Ristretto255.FromUniformBytes(Convert.FromHexString(uniform), point);
        Assert.Equal(expected, Convert.ToHexStringLower(point));
    }

    [Fact]
    public void Scalar_arithmetic_is_mod_the_group_order()
    {
        var result = new byte[32];
        var minusOne = Convert.FromHexString(GroupOrderMinusOne);
        Ristretto255.ScalarAdd(minusOne, Scalar(2), result);
        Assert.Equal(Scalar(1), result);
        Ristretto255.ScalarSubtract(Scalar(1), Scalar(2), result);
        Assert.Equal(minusOne, result);
        Ristretto255.ScalarNegate(Scalar(1), result);
        Assert.Equal(minusOne, result);
        Ristretto255.ScalarMultiply(minusOne, minusOne, result);
        Assert.Equal(Scalar(1), result);

        var wide = new byte[64];
        Convert.FromHexString(GroupOrder).CopyTo(wide, 0);
        wide[0] += 3;
        Ristretto255.ReduceWide(wide, result);
        Assert.Equal(Scalar(3), result);
    }

    [Fact]
    public void Canonical_scalars_are_exactly_those_below_the_order()
    {
        Assert.True(Ristretto255.IsCanonicalScalar(new byte[32]));
        Assert.True(Ristretto255.IsCanonicalScalar(Convert.FromHexString(GroupOrderMinusOne)));
        Assert.False(Ristretto255.IsCanonicalScalar(Convert.FromHexString(GroupOrder)));
        var top = new byte[32];
        top[31] = 0x80;
        Assert.False(Ristretto255.IsCanonicalScalar(top));
        Assert.False(Ristretto255.IsCanonicalScalar(new byte[31]));
    }

    private static byte[] Scalar(byte value)
    {
        var scalar = new byte[32];
        scalar[0] = value;
        return scalar;
    }
}
