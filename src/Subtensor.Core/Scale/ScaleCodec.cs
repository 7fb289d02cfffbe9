namespace Subtensor.Core.Scale;

/// <summary>Whole-value helpers: encode to bytes; decode requiring all input to be consumed.</summary>
public static class ScaleCodec
{
    public static byte[] Encode<T>(T value)
        where T : IScaleEncodable
    {
        var writer = new ScaleWriter();
        writer.Write(value);
        return writer.ToArray();
    }

    public static byte[] Encode(Action<ScaleWriter> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        var writer = new ScaleWriter();
        write(writer);
        return writer.ToArray();
    }

    /// <summary>Decodes a <typeparamref name="T"/> and demands that no byte is left over (<c>decode_all</c>).</summary>
    public static T Decode<T>(ReadOnlySpan<byte> data)
        where T : IScaleDecodable<T>
    {
        var reader = new ScaleReader(data);
        var value = T.DecodeFrom(ref reader);
        reader.EnsureAtEnd();
        return value;
    }

    public static T Decode<T>(ReadOnlySpan<byte> data, ScaleReadFunc<T> read)
    {
        ArgumentNullException.ThrowIfNull(read);
        var reader = new ScaleReader(data);
        var value = read(ref reader);
        reader.EnsureAtEnd();
        return value;
    }
}
