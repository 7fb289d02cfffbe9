using Google.Protobuf;
using Subtensor.Core.Crypto;

namespace Subtensor.Network.Identity;

/// <summary>
/// A libp2p public key as the protobuf <c>PublicKey{ required KeyType Type = 1; required bytes Data = 2; }</c>
/// of the peer-ids spec. Only Ed25519 keys can verify signatures here; other types parse so that their peer ids can be shown.
/// </summary>
public sealed class IdentityPublicKey : IEquatable<IdentityPublicKey>
{
    private readonly byte[] _data;

    public IdentityPublicKey(KeyType type, ReadOnlySpan<byte> data)
    {
        if (type == KeyType.Ed25519 && data.Length != Ed25519.PublicKeyLength)
        {
            throw new ArgumentException($"an Ed25519 public key is 32 bytes, got {data.Length}", nameof(data));
        }

        Type = type;
        _data = data.ToArray();
    }

    public KeyType Type { get; }

    public ReadOnlySpan<byte> Data => _data;

    public static IdentityPublicKey FromEd25519(ReadOnlySpan<byte> publicKey) => new(KeyType.Ed25519, publicKey);

    /// <summary>The canonical protobuf encoding (fields in order, no unknown fields), the input of the peer id.</summary>
    public byte[] ToProtobuf()
    {
        var size = CodedOutputStream.ComputeTagSize(1) + CodedOutputStream.ComputeEnumSize((int)Type)
            + CodedOutputStream.ComputeTagSize(2) + CodedOutputStream.ComputeLengthSize(_data.Length) + _data.Length;
        var bytes = new byte[size];
        var output = new CodedOutputStream(bytes);
        output.WriteTag(1, WireFormat.WireType.Varint);
        output.WriteEnum((int)Type);
        output.WriteTag(2, WireFormat.WireType.LengthDelimited);
        output.WriteBytes(ByteString.CopyFrom(_data));
        output.CheckNoSpaceLeft();
        return bytes;
    }

    /// <summary>Decodes the protobuf form; throws <see cref="FormatException"/> for malformed input or missing fields.</summary>
    public static IdentityPublicKey FromProtobuf(ReadOnlySpan<byte> encoded)
    {
        int? type = null;
        byte[]? data = null;
        try
        {
            var input = new CodedInputStream(encoded.ToArray());
            uint tag;
            while ((tag = input.ReadTag()) != 0)
            {
                switch (WireFormat.GetTagFieldNumber(tag))
                {
                    case 1 when WireFormat.GetTagWireType(tag) == WireFormat.WireType.Varint:
                        type = input.ReadEnum();
                        break;
                    case 2 when WireFormat.GetTagWireType(tag) == WireFormat.WireType.LengthDelimited:
                        data = input.ReadBytes().ToByteArray();
                        break;
                    default:
                        input.SkipLastField();
                        break;
                }
            }
        }
        catch (InvalidProtocolBufferException ex)
        {
            throw new FormatException("malformed libp2p PublicKey protobuf: " + ex.Message, ex);
        }

        if (type is null || data is null)
        {
            throw new FormatException("libp2p PublicKey protobuf lacks its Type or Data field");
        }

        if (type is < 0 or > 3)
        {
            throw new FormatException($"unknown libp2p key type {type}");
        }

        try
        {
            return new IdentityPublicKey((KeyType)type.Value, data);
        }
        catch (ArgumentException ex)
        {
            throw new FormatException(ex.Message, ex);
        }
    }

    /// <summary>Verifies an Ed25519 signature; keys of other types never verify (we do not support them).</summary>
    public bool Verify(ReadOnlySpan<byte> message, ReadOnlySpan<byte> signature)
        => Type == KeyType.Ed25519 && Ed25519.Verify(signature, message, _data);

    public PeerId ToPeerId() => PeerId.FromPublicKey(this);

    public bool Equals(IdentityPublicKey? other) => other is not null && other.Type == Type && other.Data.SequenceEqual(Data);

    public override bool Equals(object? obj) => Equals(obj as IdentityPublicKey);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(Type);
        hash.AddBytes(_data);
        return hash.ToHashCode();
    }
}
