using System.Buffers.Binary;
using Subtensor.Storage.Chain;

namespace Subtensor.Storage.State;

/// <summary>
/// A <c>state</c> column value in the reference-counted modes: reference count (u32 LE) ‖ node encoding. Keeping the
/// count beside the node makes a reference change one write instead of two. Archive mode stores the bare node.
/// </summary>
internal static class StateNodeValue
{
    public const int Prefix = 4;

    /// <summary>Writes count ‖ node into <paramref name="destination"/>, which must hold <see cref="Prefix"/> + node bytes.</summary>
    public static void Write(Span<byte> destination, uint referenceCount, ReadOnlySpan<byte> node)
    {
        BinaryPrimitives.WriteUInt32LittleEndian(destination, referenceCount);
        node.CopyTo(destination[Prefix..]);
    }

    public static uint ReferenceCount(ReadOnlySpan<byte> value)
        => value.Length >= Prefix
            ? BinaryPrimitives.ReadUInt32LittleEndian(value)
            : throw new DatabaseCorruptedException($"a state node record is {value.Length} bytes, shorter than its reference count");

    public static void SetReferenceCount(Span<byte> value, uint referenceCount) => BinaryPrimitives.WriteUInt32LittleEndian(value, referenceCount);

    public static byte[] Node(ReadOnlySpan<byte> value)
        => value.Length >= Prefix
            ? value[Prefix..].ToArray()
            : throw new DatabaseCorruptedException($"a state node record is {value.Length} bytes, shorter than its reference count");
}
