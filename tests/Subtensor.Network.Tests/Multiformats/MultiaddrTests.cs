using System.Net;
using Subtensor.Network.Identity;
using Subtensor.Network.Multiformats;

namespace Subtensor.Network.Tests.Multiformats;

public class MultiaddrTests
{
    private const string Alice = "12D3KooWEyoppNCUx8Yx66oV9fJnriXwCcXwDDUA2kj6vnc6iDEp";

    // Binary forms follow the multiaddr spec: varint code, fixed-size values raw, variable-size values length-prefixed.
    [Theory]
    [InlineData("/ip4/127.0.0.1/tcp/4001", "047f000001060fa1")]
    [InlineData("/ip4/0.0.0.0/tcp/0", "0400000000060000")]
    [InlineData("/ip6/::1/tcp/30333", "2900000000000000000000000000000001" + "06" + "767d")]
    [InlineData("/dns4/example.com/tcp/443", "360b6578616d706c652e636f6d0601bb")]
    [InlineData("/dns/a.b/tcp/1/ws", "3503612e62060001dd03")]
    public void Text_and_binary_forms_match(string text, string hex)
    {
        var address = Multiaddr.Parse(text);
        Assert.Equal(text, address.ToString());
        Assert.Equal(hex, Convert.ToHexStringLower(address.ToBytes()));
        Assert.Equal(address, Multiaddr.FromBytes(Convert.FromHexString(hex)));
    }

    [Fact]
    public void P2p_component_carries_the_peer_id_multihash()
    {
        var address = Multiaddr.Parse($"/ip4/10.0.0.1/tcp/30333/p2p/{Alice}");
        Assert.Equal(PeerId.Parse(Alice), address.PeerId);
        var bytes = address.ToBytes();

        // a5 03 = varint(421), 26 = 38-byte multihash, 00 24 = identity multihash of 36 bytes.
        Assert.Equal("a503260024080112204cb5abf6ad79fbf5abbccafcc269d85cd2651ed4b885b5869f241aedf0a5ba29", Convert.ToHexStringLower(bytes[8..]));
        Assert.Equal(address, Multiaddr.FromBytes(bytes));
        Assert.Equal("/ip4/10.0.0.1/tcp/30333", address.WithoutPeerId().ToString());
        Assert.Equal(address, address.WithoutPeerId().WithPeerId(PeerId.Parse(Alice)));
    }

    [Fact]
    public void Legacy_ipfs_name_parses_as_p2p()
        => Assert.Equal($"/ip4/1.2.3.4/tcp/5/p2p/{Alice}", Multiaddr.Parse($"/ip4/1.2.3.4/tcp/5/ipfs/{Alice}").ToString());

    [Fact]
    public void Builds_from_ip_endpoints()
    {
        Assert.Equal("/ip4/192.168.1.2/tcp/30333", Multiaddr.FromEndPoint(new IPEndPoint(IPAddress.Parse("192.168.1.2"), 30333)).ToString());
        Assert.Equal("/ip6/fe80::1/tcp/1", Multiaddr.FromEndPoint(new IPEndPoint(IPAddress.Parse("fe80::1"), 1)).ToString());
        Assert.Equal("/ip4/10.1.2.3/tcp/9", Multiaddr.FromEndPoint(new IPEndPoint(IPAddress.Parse("::ffff:10.1.2.3"), 9)).ToString());
    }

    [Theory]
    [InlineData("ip4/1.2.3.4")]
    [InlineData("/")]
    [InlineData("/ip4")]
    [InlineData("/ip4/1.2.3")]
    [InlineData("/ip4/1.2.3.256")]
    [InlineData("/ip4/01.2.3.4")]
    [InlineData("/ip4/::1")]
    [InlineData("/ip6/1.2.3.4")]
    [InlineData("/tcp/65536")]
    [InlineData("/tcp/-1")]
    [InlineData("/tcp/8x")]
    [InlineData("/unknown/1")]
    [InlineData("/p2p/QmNotBase58Ol0")]
    [InlineData("/p2p/2NEpo7TZRRrLZSi2U")]
    public void Rejects_malformed_text(string text)
        => Assert.Throws<FormatException>(() => Multiaddr.Parse(text));

    [Theory]
    [InlineData("")]
    [InlineData("04")]
    [InlineData("047f0000")]
    [InlineData("0601")]
    [InlineData("3505616263")]
    [InlineData("ff7f")]
    [InlineData("a50302ffff")]
    [InlineData("3500")]
    public void Rejects_malformed_binary(string hex)
        => Assert.Throws<FormatException>(() => Multiaddr.FromBytes(Convert.FromHexString(hex)));
}
