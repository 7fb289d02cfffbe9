using Subtensor.Core.Scale;
using Subtensor.Runtime.Framework.TypeInfo;

namespace Subtensor.Runtime.Framework.Codec;

/// <summary>A typed SCALE codec together with the metadata type that describes its encoding.</summary>
public sealed class ScaleCodec<T> : IScaleCodec
{
    private readonly ScaleWriteAction<T> _write;
    private readonly ScaleReadFunc<T> _read;

    public ScaleCodec(MetaType type, ScaleWriteAction<T> write, ScaleReadFunc<T> read)
    {
        Type = type;
        _write = write;
        _read = read;
    }

    public MetaType Type { get; }

    public void Encode(ScaleWriter writer, T value) => _write(writer, value);

    public T Decode(ref ScaleReader reader) => _read(ref reader);

    public byte[] Encode(T value)
    {
        var writer = new ScaleWriter();
        _write(writer, value);
        return writer.ToArray();
    }

    /// <summary>Decodes a whole value, rejecting trailing bytes.</summary>
    public T DecodeAll(ReadOnlySpan<byte> bytes)
    {
        var reader = new ScaleReader(bytes);
        var value = _read(ref reader);
        reader.EnsureAtEnd();
        return value;
    }

    public void EncodeObject(ScaleWriter writer, object? value) => _write(writer, (T)value!);

    public object? DecodeObject(ref ScaleReader reader) => _read(ref reader);

    /// <summary>The same encoding described by another metadata type (e.g. a newtype around a primitive).</summary>
    public ScaleCodec<T> As(MetaType type) => new(type, _write, _read);

    public ScaleCodec<TOut> Map<TOut>(MetaType type, Func<TOut, T> to, Func<T, TOut> from)
    {
        ArgumentNullException.ThrowIfNull(to);
        ArgumentNullException.ThrowIfNull(from);
        var write = _write;
        var read = _read;
        return new ScaleCodec<TOut>(type, (w, v) => write(w, to(v)), (ref ScaleReader r) => from(read(ref r)));
    }
}
