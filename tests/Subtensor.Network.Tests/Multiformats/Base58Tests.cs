using System.Text;
using Subtensor.Network.Multiformats;

namespace Subtensor.Network.Tests.Multiformats;

public class Base58Tests
{
    // Vectors from the IETF base58 draft (draft-msporny-base58) and Bitcoin's base58 tests.
    [Theory]
    [InlineData("48656c6c6f20576f726c6421", "2NEpo7TZRRrLZSi2U")]
    [InlineData("54686520717569636b2062726f776e20666f78206a756d7073206f76657220746865206c617a7920646f672e", "USm3fpXnKG5EUBx2ndxBDMPVciP5hGey2Jh4NDv6gmeo1LkMeiKrLJUUBk6Z")]
    [InlineData("0000287fb4cd", "11233QC4")]
    [InlineData("", "")]
    [InlineData("00", "1")]
    public void Encodes_and_decodes_vectors(string hex, string text)
    {
        var bytes = Convert.FromHexString(hex);
        Assert.Equal(text, Base58.Encode(bytes));
        Assert.Equal(bytes, Base58.Decode(text));
    }

    [Fact]
    public void Rejects_characters_outside_the_alphabet()
    {
        var ex = Assert.Throws<FormatException>(() => Base58.Decode("12D3Koo0"));
        Assert.Contains("'0'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Round_trips_random_data()
    {
        var random = new Random(7);
        for (var i = 0; i < 200; i++)
        {
            var data = new byte[random.Next(0, 60)];
            random.NextBytes(data);
            if (data.Length > 2)
            {
                data[0] = 0;
            }

            Assert.Equal(data, Base58.Decode(Base58.Encode(data)));
        }

        Assert.Equal("Hello World!", Encoding.ASCII.GetString(Base58.Decode("2NEpo7TZRRrLZSi2U")));
    }
}
