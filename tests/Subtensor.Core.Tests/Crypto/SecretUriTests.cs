using Subtensor.Core.Crypto;

namespace Subtensor.Core.Tests.Crypto;

public class SecretUriTests
{
    // Cases of sp-core address_uri.rs tests.
    [Theory]
    [InlineData("///", null, 0, "")]
    [InlineData("////////", null, 0, "/////")]
    [InlineData("sdasd///asda", "sdasd", 0, "asda")]
    [InlineData("sdasd//asda", "sdasd", 1, null)]
    [InlineData("sdasd/xx//a/b//c///pass", "sdasd", 4, "pass")]
    [InlineData("sdasd/asd.a", "sdasd", 1, null)]
    [InlineData("hello world//1/DOT///password", "hello world", 2, "password")]
    public void Parses_like_sp_core(string input, string? phrase, int junctions, string? password)
    {
        var uri = SecretUri.Parse(input);
        Assert.Equal(phrase ?? SecretUri.DevPhrase, uri.Phrase);
        Assert.Equal(junctions, uri.Junctions.Count);
        Assert.Equal(password, uri.Password);
    }

    [Theory]
    [InlineData("sdasd//")]
    [InlineData("sdasd/xx//")]
    [InlineData("sdasd/")]
    [InlineData("sd.asd")]
    [InlineData("sd.asd/asd.a")]
    [InlineData("sd.asd//asd.a")]
    [InlineData("///\n")]
    [InlineData("///a\n")]
    [InlineData("sd.asd///asd.a\n")]
    public void Rejects_like_sp_core(string input)
    {
        var error = Assert.Throws<SecretUriException>(() => SecretUri.Parse(input));
        Assert.Equal(SecretUriErrorKind.InvalidFormat, error.Kind);
    }

    [Fact]
    public void Junction_kinds_and_order_are_kept()
    {
        var uri = SecretUri.Parse("x/1//DOT/a");
        Assert.Equal([false, true, false], uri.Junctions.Select(j => j.IsHard).ToArray());
        Assert.Equal(DeriveJunction.FromU64(1, hard: false), uri.Junctions[0]);
        Assert.Equal(DeriveJunction.FromString("DOT", hard: true), uri.Junctions[1]);
        Assert.Equal("x", uri.Phrase);
    }

    [Fact]
    public void Junction_chain_codes_follow_scale_encoding()
    {
        // "Alice" → compact(5) = 0x14, then the UTF-8 bytes, zero padded.
        Assert.Equal("14416c6963650000000000000000000000000000000000000000000000000000", Convert.ToHexStringLower(DeriveJunction.FromPathSegment("/Alice").ChainCode));
        Assert.True(DeriveJunction.FromPathSegment("/Alice").IsHard);

        // Numbers are u64 little-endian; leading zeros and '+' still parse as numbers, as Rust's u64::from_str.
        Assert.Equal("0500000000000000000000000000000000000000000000000000000000000000", Convert.ToHexStringLower(DeriveJunction.FromPathSegment("05").ChainCode));
        Assert.Equal(DeriveJunction.FromPathSegment("5"), DeriveJunction.FromPathSegment("+5"));
        Assert.Equal(DeriveJunction.FromString("18446744073709551616", false), DeriveJunction.FromPathSegment("18446744073709551616"));
        Assert.Equal(DeriveJunction.FromU64(ulong.MaxValue, false), DeriveJunction.FromPathSegment("18446744073709551615"));

        // Encodings longer than 32 bytes are blake2_256-hashed.
        var longName = new string('a', 40);
        var encoded = new byte[41];
        encoded[0] = 40 << 2;
        System.Text.Encoding.ASCII.GetBytes(longName).CopyTo(encoded, 1);
        Assert.Equal(Subtensor.Core.Hashing.Blake2b.Blake2b256(encoded), DeriveJunction.FromPathSegment(longName).ChainCode.ToArray());
    }
}
