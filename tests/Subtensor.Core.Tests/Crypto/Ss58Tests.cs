using Subtensor.Core.Crypto;
using Subtensor.Core.Types;

namespace Subtensor.Core.Tests.Crypto;

public class Ss58Tests
{
    private static readonly byte[] Alice = Hex.Parse("0xd43593c715fdd31c61141abd04a99fd6822c8558854ccde39a5684e7a56da27d");

    [Theory]
    // @polkadot/util-crypto encodeAddress(Alice, prefix)
    [InlineData(0, "15oF4uVJwmo4TdGW7VfQxNLavjCXviqxT9S1MgbjMNHr6Sp5")]
    [InlineData(2, "HNZata7iMYWmk5RvZRTiAsSDhV8366zq2YGb3tLH5Upf74F")]
    [InlineData(42, "5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY")]
    [InlineData(63, "7NPoMQbiA6trJKkjB35uk96MeJD4PGWkLQLH7k7hXEkZpiba")]
    [InlineData(64, "cEaNSpz4PxFcZ7nT1VEKrKewH67rfx6MfcM6yKojyyPz7qaqp")]
    [InlineData(255, "yGHXkYLYqxijLKKfd9Q2CB9shRVu8rPNBS53wvwGTutYg4zTg")]
    [InlineData(1284, "VdvKmYJfD4VXA9fzz1SbmCo2eYHSzUFbaDCZSuaNKJAe8YNg6")]
    [InlineData(16383, "yNa8JpqfFB3q8A29rCwSgxvdU94ufJw2yKKxDgznS5m1PoFvn")]
    public void Encodes_and_decodes_one_and_two_byte_prefixes(ushort prefix, string address)
    {
        Assert.Equal(address, Ss58.Encode(Alice, prefix));
        var (key, decodedPrefix) = Ss58.Decode(address);
        Assert.Equal(Alice, key);
        Assert.Equal(prefix, decodedPrefix);
    }

    [Fact]
    public void Worked_example_of_the_vectors()
    {
        var example = DevKeys.Root.GetProperty("ss58_worked_example");
        var raw = Hex.Parse(example.GetProperty("raw_bytes_before_base58").GetString()!);
        Assert.Equal(example.GetProperty("address").GetString(), Base58.Encode(raw));
        Assert.True(Base58.TryDecode(example.GetProperty("address").GetString()!, out var decoded, out _));
        Assert.Equal(raw, decoded);
    }

    [Fact]
    public void Base58_keeps_leading_zero_bytes()
    {
        byte[] data = [0, 0, 1, 2, 255];
        var text = Base58.Encode(data);
        Assert.StartsWith("11", text, StringComparison.Ordinal);
        Assert.True(Base58.TryDecode(text, out var back, out _));
        Assert.Equal(data, back);
        Assert.Equal(string.Empty, Base58.Encode([]));
    }

    [Fact]
    public void Thirty_three_byte_ecdsa_keys_round_trip()
    {
        var key = Hex.Parse("0x028db55b05db86c0b1786ca49f095d76344c9e6056b2f02701a7e7f3c20aabfd91");
        Assert.Equal("KW68TNG6Hkvk7gpEwgAzgfX5aqGAthj3TUUFTu6LndoJmdLZE", Ss58.Encode(key));
        Assert.Equal(key, Ss58.Decode("KW68TNG6Hkvk7gpEwgAzgfX5aqGAthj3TUUFTu6LndoJmdLZE").PublicKey);
        var error = Assert.Throws<Ss58Exception>(() => AccountId32.ParseSs58("KW68TNG6Hkvk7gpEwgAzgfX5aqGAthj3TUUFTu6LndoJmdLZE"));
        Assert.Equal(Ss58ErrorKind.BadLength, error.Kind);
    }

    [Fact]
    public void Each_error_has_its_kind()
    {
        Assert.Equal(Ss58ErrorKind.BadBase58, Assert.Throws<Ss58Exception>(() => Ss58.Decode("5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKut0Y")).Kind);
        Assert.Equal(Ss58ErrorKind.BadBase58, Assert.Throws<Ss58Exception>(() => Ss58.Decode("5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutéY")).Kind);
        byte[] shortKey = [42, .. new byte[20], 0, 0];
        Assert.Equal(Ss58ErrorKind.BadLength, Assert.Throws<Ss58Exception>(() => Ss58.Decode(Base58.Encode(shortKey))).Kind);
        Assert.Equal(Ss58ErrorKind.BadLength, Assert.Throws<Ss58Exception>(() => Ss58.Decode(string.Empty)).Kind);
        Assert.Equal(Ss58ErrorKind.BadChecksum, Assert.Throws<Ss58Exception>(() => Ss58.Decode("5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQZ")).Kind);

        // Prefix 46 is reserved: encodable, but refused on decode (sp-core FormatNotAllowed).
        Assert.Equal(Ss58ErrorKind.ReservedPrefix, Assert.Throws<Ss58Exception>(() => Ss58.Decode(Ss58.Encode(Alice, 46))).Kind);

        var highByte = new byte[35];
        highByte[0] = 0x80;
        Assert.Equal(Ss58ErrorKind.InvalidPrefix, Assert.Throws<Ss58Exception>(() => Ss58.Decode(Base58.Encode(highByte))).Kind);

        Assert.Throws<ArgumentOutOfRangeException>(() => Ss58.Encode(Alice, 16384));
        Assert.Throws<ArgumentException>(() => Ss58.Encode(new byte[31]));
        Assert.False(Ss58.TryDecode("not an address", out _, out _));
    }

    [Fact]
    public void Account_id_helpers()
    {
        var account = new AccountId32(Alice);
        Assert.Equal("5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY", account.ToSs58());
        Assert.Equal("15oF4uVJwmo4TdGW7VfQxNLavjCXviqxT9S1MgbjMNHr6Sp5", account.ToSs58(0));
        Assert.Equal(account, AccountId32.ParseSs58("15oF4uVJwmo4TdGW7VfQxNLavjCXviqxT9S1MgbjMNHr6Sp5", out var prefix));
        Assert.Equal(0, prefix);
        Assert.True(AccountId32.TryParseSs58("5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY", out var parsed));
        Assert.Equal(account, parsed);
        Assert.False(AccountId32.TryParseSs58("5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQZ", out _));
    }
}
