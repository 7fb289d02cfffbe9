using Subtensor.Core.Scale;

namespace Subtensor.Runtime.State;

/// <summary>
/// A SCALE <c>Vec</c> value that grows in place, as <c>sp_io::storage::append</c> keeps it in Substrate's overlay:
/// appending copies only the new element, and the encoded value (compact count ++ elements) is built when read.
/// A prefix once written never changes, so a transactional layer undoes its appends by truncating.
/// </summary>
internal sealed class AppendableVec
{
    private byte[] _buffer;
    private byte[]? _encoded;

    private AppendableVec(byte[] buffer, int length, uint count)
    {
        _buffer = buffer;
        Length = length;
        Count = count;
    }

    /// <summary>Bytes of the elements (without the count prefix).</summary>
    public int Length { get; private set; }

    public uint Count { get; private set; }

    /// <summary>Starts from an existing encoded vector; an absent or malformed value starts an empty one, as FRAME does.</summary>
    public static AppendableVec From(byte[]? existing)
    {
        var (count, body) = Split(existing);
        var buffer = new byte[Math.Max(256, body.Length * 2)];
        body.CopyTo(buffer);
        return new AppendableVec(buffer, body.Length, count);
    }

    /// <summary>Appends one encoded element to an encoded <c>Vec</c> by copying (for states without an in-place overlay).</summary>
    public static byte[] AppendEncoded(byte[]? existing, byte[] encodedItem)
    {
        ArgumentNullException.ThrowIfNull(encodedItem);
        var (count, body) = Split(existing);
        var writer = new ScaleWriter(body.Length + encodedItem.Length + 5);
        writer.WriteCompact(count + 1).WriteBytes(body).WriteBytes(encodedItem);
        return writer.ToArray();
    }

    public void Add(ReadOnlySpan<byte> encodedItem)
    {
        if (Length + encodedItem.Length > _buffer.Length)
        {
            Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, Length + encodedItem.Length));
        }

        encodedItem.CopyTo(_buffer.AsSpan(Length));
        Length += encodedItem.Length;
        Count++;
        _encoded = null;
    }

    /// <summary>Back to an earlier (length, count): what a rolled-back layer appended is dropped.</summary>
    public void Truncate(int length, uint count)
    {
        if (length > Length)
        {
            throw new InvalidOperationException("an append journal cannot grow a vector");
        }

        Length = length;
        Count = count;
        _encoded = null;
    }

    /// <summary>The value as stored: compact count ++ elements (cached until the next change).</summary>
    public byte[] Encoded() =>
        _encoded ??= new ScaleWriter(Length + 5).WriteCompact(Count).WriteBytes(_buffer.AsSpan(0, Length)).ToArray();

    private static (uint Count, byte[] Body) Split(byte[]? existing)
    {
        if (existing is not { Length: > 0 })
        {
            return (0, []);
        }

        try
        {
            var reader = new ScaleReader(existing);
            var count = reader.ReadCompactU32();
            return (count, reader.Rest.ToArray());
        }
        catch (ScaleDecodeException)
        {
            return (0, []);
        }
    }
}
