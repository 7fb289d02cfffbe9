using System.Buffers.Binary;
using System.Text;
using Subtensor.Core.Scale;

namespace Subtensor.Core.Types;

/// <summary>A 4-byte consensus engine id (<c>ConsensusEngineId</c>), ASCII such as <c>aura</c>, <c>BABE</c>, <c>FRNK</c>.</summary>
public readonly record struct ConsensusEngineId(uint Value) : IScaleEncodable, IScaleDecodable<ConsensusEngineId>
{
    public static ConsensusEngineId Aura { get; } = FromAscii("aura");

    public static ConsensusEngineId Babe { get; } = FromAscii("BABE");

    public static ConsensusEngineId Grandpa { get; } = FromAscii("FRNK");

    public static ConsensusEngineId Beefy { get; } = FromAscii("BEEF");

    public static ConsensusEngineId Frontier { get; } = FromAscii("fron");

    /// <summary>The id whose four bytes are the ASCII characters of <paramref name="name"/>.</summary>
    public static ConsensusEngineId FromAscii(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (name.Length != 4 || !Ascii.IsValid(name))
        {
            throw new ArgumentException("an engine id is 4 ASCII characters", nameof(name));
        }

        return new(BinaryPrimitives.ReadUInt32BigEndian(Encoding.ASCII.GetBytes(name)));
    }

    public static ConsensusEngineId FromBytes(ReadOnlySpan<byte> bytes) => new(BinaryPrimitives.ReadUInt32BigEndian(bytes));

    public void CopyTo(Span<byte> destination) => BinaryPrimitives.WriteUInt32BigEndian(destination, Value);

    public void EncodeTo(ScaleWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        CopyTo(writer.GetSpan(4));
        writer.Advance(4);
    }

    public static ConsensusEngineId DecodeFrom(ref ScaleReader reader) => FromBytes(reader.ReadBytes(4));

    public override string ToString()
    {
        Span<byte> bytes = stackalloc byte[4];
        CopyTo(bytes);
        return Ascii.IsValid(bytes) ? Encoding.ASCII.GetString(bytes) : Hex.ToHex(bytes);
    }
}
