using System.Buffers.Binary;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Subtensor.Core.Crypto;
using Subtensor.Network.Identity;

namespace Subtensor.Network.Multiformats;

/// <summary>One <c>/protocol/value</c> pair of a multiaddr, holding the value in its binary form.</summary>
public sealed class MultiaddrComponent : IEquatable<MultiaddrComponent>
{
    private readonly byte[] _value;

    private MultiaddrComponent(MultiaddrProtocol protocol, byte[] value)
    {
        Protocol = protocol;
        _value = value;
    }

    public MultiaddrProtocol Protocol { get; }

    /// <summary>The binary value (without the length prefix of variable-size values).</summary>
    public ReadOnlySpan<byte> RawValue => _value;

    /// <summary>The protocol's text name, e.g. <c>ip4</c>.</summary>
    public string Name => NameOf(Protocol);

    /// <summary>The value in text form, or null for protocols without a value (<c>ws</c>, <c>tls</c>…).</summary>
    public string? Value => Protocol switch
    {
        MultiaddrProtocol.Ip4 or MultiaddrProtocol.Ip6 => new IPAddress(_value).ToString(),
        MultiaddrProtocol.Tcp or MultiaddrProtocol.Udp => BinaryPrimitives.ReadUInt16BigEndian(_value).ToString(CultureInfo.InvariantCulture),
        MultiaddrProtocol.Dns or MultiaddrProtocol.Dns4 or MultiaddrProtocol.Dns6 or MultiaddrProtocol.DnsAddr => Encoding.UTF8.GetString(_value),
        MultiaddrProtocol.P2p => Base58.Encode(_value),
        _ => null,
    };

    public static MultiaddrComponent Ip(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        return address.AddressFamily switch
        {
            AddressFamily.InterNetwork => new(MultiaddrProtocol.Ip4, address.GetAddressBytes()),
            AddressFamily.InterNetworkV6 => new(MultiaddrProtocol.Ip6, address.GetAddressBytes()),
            _ => throw new ArgumentException($"unsupported address family {address.AddressFamily}", nameof(address)),
        };
    }

    public static MultiaddrComponent Tcp(int port)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(port);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(port, ushort.MaxValue);
        var value = new byte[2];
        BinaryPrimitives.WriteUInt16BigEndian(value, (ushort)port);
        return new(MultiaddrProtocol.Tcp, value);
    }

    public static MultiaddrComponent P2p(PeerId peerId)
    {
        ArgumentNullException.ThrowIfNull(peerId);
        return new(MultiaddrProtocol.P2p, peerId.ToBytes());
    }

    /// <summary>Parses a value in text form for <paramref name="protocol"/>; throws <see cref="FormatException"/>.</summary>
    public static MultiaddrComponent FromText(MultiaddrProtocol protocol, string? value)
    {
        if (!HasValue(protocol))
        {
            return new(protocol, []);
        }

        if (string.IsNullOrEmpty(value))
        {
            throw new FormatException($"multiaddr protocol /{NameOf(protocol)} needs a value");
        }

        switch (protocol)
        {
            case MultiaddrProtocol.Ip4:
                return new(protocol, ParseIp4(value));
            case MultiaddrProtocol.Ip6:
                if (value.Contains('%', StringComparison.Ordinal) || !IPAddress.TryParse(value, out var v6) || v6.AddressFamily != AddressFamily.InterNetworkV6)
                {
                    throw new FormatException($"invalid /ip6 address '{value}'");
                }

                return new(protocol, v6.GetAddressBytes());
            case MultiaddrProtocol.Tcp or MultiaddrProtocol.Udp:
                if (value.Length > 5 || !value.All(char.IsAsciiDigit) || !int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port > ushort.MaxValue)
                {
                    throw new FormatException($"invalid /{NameOf(protocol)} port '{value}'");
                }

                var portBytes = new byte[2];
                BinaryPrimitives.WriteUInt16BigEndian(portBytes, (ushort)port);
                return new(protocol, portBytes);
            case MultiaddrProtocol.P2p:
                return new(protocol, PeerId.Parse(value).ToBytes());
            default:
                return new(protocol, Encoding.UTF8.GetBytes(value));
        }
    }

    /// <summary>Builds a component from its binary value, validating it; throws <see cref="FormatException"/>.</summary>
    public static MultiaddrComponent FromBinary(MultiaddrProtocol protocol, ReadOnlySpan<byte> value)
    {
        var expected = FixedSize(protocol);
        if (expected >= 0 && value.Length != expected)
        {
            throw new FormatException($"/{NameOf(protocol)} value must be {expected} bytes, got {value.Length}");
        }

        switch (protocol)
        {
            case MultiaddrProtocol.P2p:
                _ = PeerId.FromBytes(value);
                break;
            case MultiaddrProtocol.Dns or MultiaddrProtocol.Dns4 or MultiaddrProtocol.Dns6 or MultiaddrProtocol.DnsAddr:
                ValidateDomain(value);
                break;
        }

        return new(protocol, value.ToArray());
    }

    /// <summary>Value size in bytes for fixed-size protocols, -1 for length-prefixed ones, 0 for none.</summary>
    internal static int FixedSize(MultiaddrProtocol protocol) => protocol switch
    {
        MultiaddrProtocol.Ip4 => 4,
        MultiaddrProtocol.Ip6 => 16,
        MultiaddrProtocol.Tcp or MultiaddrProtocol.Udp => 2,
        MultiaddrProtocol.Dns or MultiaddrProtocol.Dns4 or MultiaddrProtocol.Dns6 or MultiaddrProtocol.DnsAddr or MultiaddrProtocol.P2p => -1,
        _ => 0,
    };

    internal static bool HasValue(MultiaddrProtocol protocol) => FixedSize(protocol) != 0;

    internal static string NameOf(MultiaddrProtocol protocol) => protocol switch
    {
        MultiaddrProtocol.Ip4 => "ip4",
        MultiaddrProtocol.Tcp => "tcp",
        MultiaddrProtocol.Ip6 => "ip6",
        MultiaddrProtocol.Dns => "dns",
        MultiaddrProtocol.Dns4 => "dns4",
        MultiaddrProtocol.Dns6 => "dns6",
        MultiaddrProtocol.DnsAddr => "dnsaddr",
        MultiaddrProtocol.Udp => "udp",
        MultiaddrProtocol.P2pCircuit => "p2p-circuit",
        MultiaddrProtocol.P2p => "p2p",
        MultiaddrProtocol.Tls => "tls",
        MultiaddrProtocol.QuicV1 => "quic-v1",
        MultiaddrProtocol.Ws => "ws",
        MultiaddrProtocol.Wss => "wss",
        _ => throw new ArgumentOutOfRangeException(nameof(protocol)),
    };

    internal static bool TryFromName(string name, out MultiaddrProtocol protocol)
    {
        switch (name)
        {
            case "ipfs":
                protocol = MultiaddrProtocol.P2p;
                return true;
            default:
                foreach (var candidate in Enum.GetValues<MultiaddrProtocol>())
                {
                    if (NameOf(candidate) == name)
                    {
                        protocol = candidate;
                        return true;
                    }
                }

                protocol = default;
                return false;
        }
    }

    internal void WriteBinary(List<byte> output)
    {
        Span<byte> varint = stackalloc byte[UnsignedVarint.MaxLength];
        output.AddRange(varint[..UnsignedVarint.Write((ulong)Protocol, varint)]);
        if (FixedSize(Protocol) < 0)
        {
            output.AddRange(varint[..UnsignedVarint.Write((ulong)_value.Length, varint)]);
        }

        output.AddRange(_value);
    }

    public override string ToString() => Value is { } value ? $"/{Name}/{value}" : $"/{Name}";

    public bool Equals(MultiaddrComponent? other) => other is not null && other.Protocol == Protocol && other.RawValue.SequenceEqual(RawValue);

    public override bool Equals(object? obj) => Equals(obj as MultiaddrComponent);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(Protocol);
        hash.AddBytes(_value);
        return hash.ToHashCode();
    }

    private static byte[] ParseIp4(string value)
    {
        var parts = value.Split('.');
        if (parts.Length != 4)
        {
            throw new FormatException($"invalid /ip4 address '{value}'");
        }

        var bytes = new byte[4];
        for (var i = 0; i < 4; i++)
        {
            var part = parts[i];
            if (part.Length is 0 or > 3 || !part.All(char.IsAsciiDigit) || (part.Length > 1 && part[0] == '0')
                || !int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var octet) || octet > 255)
            {
                throw new FormatException($"invalid /ip4 address '{value}'");
            }

            bytes[i] = (byte)octet;
        }

        return bytes;
    }

    private static void ValidateDomain(ReadOnlySpan<byte> value)
    {
        if (value.IsEmpty || value.Contains((byte)'/'))
        {
            throw new FormatException("invalid DNS name in multiaddr");
        }

        try
        {
            _ = new UTF8Encoding(false, true).GetString(value);
        }
        catch (DecoderFallbackException ex)
        {
            throw new FormatException("DNS name in multiaddr is not UTF-8", ex);
        }
    }
}
