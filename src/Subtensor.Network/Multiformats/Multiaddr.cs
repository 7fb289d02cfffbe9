using System.Net;
using Subtensor.Network.Identity;

namespace Subtensor.Network.Multiformats;

/// <summary>
/// A multiaddr (multiformats spec): a sequence of <c>/protocol/value</c> components with a text form
/// (<c>/ip4/127.0.0.1/tcp/30333/p2p/12D3KooW…</c>) and a binary form (varint code, then the value, length-prefixed when variable).
/// </summary>
public sealed class Multiaddr : IEquatable<Multiaddr>
{
    private readonly MultiaddrComponent[] _components;

    public Multiaddr(IEnumerable<MultiaddrComponent> components)
    {
        ArgumentNullException.ThrowIfNull(components);
        _components = components.ToArray();
    }

    public IReadOnlyList<MultiaddrComponent> Components => _components;

    /// <summary>Parses the text form; throws <see cref="FormatException"/> naming the offending part.</summary>
    public static Multiaddr Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!text.StartsWith('/'))
        {
            throw new FormatException($"multiaddr '{text}' must start with '/'");
        }

        var parts = text.Split('/');
        var count = parts.Length;
        if (count > 1 && parts[^1].Length == 0)
        {
            count--;
        }

        var components = new List<MultiaddrComponent>();
        for (var i = 1; i < count; i++)
        {
            var name = parts[i];
            if (!MultiaddrComponent.TryFromName(name, out var protocol))
            {
                throw new FormatException($"unknown multiaddr protocol '{name}' in '{text}'");
            }

            string? value = null;
            if (MultiaddrComponent.HasValue(protocol))
            {
                if (i + 1 >= count)
                {
                    throw new FormatException($"multiaddr protocol /{name} in '{text}' lacks its value");
                }

                value = parts[++i];
            }

            components.Add(MultiaddrComponent.FromText(protocol, value));
        }

        if (components.Count == 0)
        {
            throw new FormatException("empty multiaddr");
        }

        return new Multiaddr(components);
    }

    public static bool TryParse(string? text, out Multiaddr? multiaddr)
    {
        multiaddr = null;
        if (text is null)
        {
            return false;
        }

        try
        {
            multiaddr = Parse(text);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    /// <summary>Decodes the binary form; throws <see cref="FormatException"/> for unknown codes or truncated values.</summary>
    public static Multiaddr FromBytes(ReadOnlySpan<byte> bytes)
    {
        var components = new List<MultiaddrComponent>();
        var offset = 0;
        while (offset < bytes.Length)
        {
            var code = UnsignedVarint.Read(bytes, ref offset);
            if (code > int.MaxValue || !Enum.IsDefined((MultiaddrProtocol)(int)code))
            {
                throw new FormatException($"unknown multiaddr protocol code 0x{code:x} at offset {offset}");
            }

            var protocol = (MultiaddrProtocol)(int)code;
            var size = MultiaddrComponent.FixedSize(protocol);
            if (size < 0)
            {
                var length = UnsignedVarint.Read(bytes, ref offset);
                if (length > (ulong)(bytes.Length - offset))
                {
                    throw new FormatException($"multiaddr value of /{MultiaddrComponent.NameOf(protocol)} overruns the input");
                }

                size = (int)length;
            }
            else if (size > bytes.Length - offset)
            {
                throw new FormatException($"multiaddr value of /{MultiaddrComponent.NameOf(protocol)} overruns the input");
            }

            components.Add(MultiaddrComponent.FromBinary(protocol, bytes.Slice(offset, size)));
            offset += size;
        }

        if (components.Count == 0)
        {
            throw new FormatException("empty multiaddr");
        }

        return new Multiaddr(components);
    }

    /// <summary><c>/ip4/…/tcp/…</c> or <c>/ip6/…/tcp/…</c> for an endpoint.</summary>
    public static Multiaddr FromEndPoint(IPEndPoint endPoint)
    {
        ArgumentNullException.ThrowIfNull(endPoint);
        return new Multiaddr([MultiaddrComponent.Ip(endPoint.Address), MultiaddrComponent.Tcp(endPoint.Port)]);
    }

    public byte[] ToBytes()
    {
        var output = new List<byte>();
        foreach (var component in _components)
        {
            component.WriteBinary(output);
        }

        return output.ToArray();
    }

    /// <summary>The peer id of a trailing <c>/p2p/</c> component, if any.</summary>
    public PeerId? PeerId => _components.Length > 0 && _components[^1].Protocol == MultiaddrProtocol.P2p
        ? Identity.PeerId.FromBytes(_components[^1].RawValue)
        : null;

    /// <summary>This address with <c>/p2p/&lt;peerId&gt;</c> appended (or replaced).</summary>
    public Multiaddr WithPeerId(PeerId peerId) => new(WithoutPeerId()._components.Append(MultiaddrComponent.P2p(peerId)));

    /// <summary>This address without a trailing <c>/p2p/</c> component.</summary>
    public Multiaddr WithoutPeerId()
        => _components.Length > 0 && _components[^1].Protocol == MultiaddrProtocol.P2p ? new(_components[..^1]) : this;

    public override string ToString() => string.Concat(_components.Select(c => c.ToString()));

    public bool Equals(Multiaddr? other) => other is not null && _components.SequenceEqual(other._components);

    public override bool Equals(object? obj) => Equals(obj as Multiaddr);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var component in _components)
        {
            hash.Add(component);
        }

        return hash.ToHashCode();
    }
}
