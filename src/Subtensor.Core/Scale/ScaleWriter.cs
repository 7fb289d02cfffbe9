using System.Buffers;
using System.Buffers.Binary;
using System.Text;

namespace Subtensor.Core.Scale;

/// <summary>SCALE encoder into a growable buffer.</summary>
public sealed class ScaleWriter : IBufferWriter<byte>
{
    private byte[] _buffer;
    private int _length;

    public ScaleWriter(int initialCapacity = 64)
    {
        _buffer = new byte[Math.Max(initialCapacity, 16)];
    }

    public int Length => _length;

    public ReadOnlySpan<byte> WrittenSpan => _buffer.AsSpan(0, _length);

    public byte[] ToArray() => _buffer.AsSpan(0, _length).ToArray();

    public void Clear() => _length = 0;

    public void Advance(int count)
    {
        if (count < 0 || _length + count > _buffer.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(count));
        }

        _length += count;
    }

    public Memory<byte> GetMemory(int sizeHint = 0)
    {
        Ensure(Math.Max(sizeHint, 1));
        return _buffer.AsMemory(_length);
    }

    public Span<byte> GetSpan(int sizeHint = 0)
    {
        Ensure(Math.Max(sizeHint, 1));
        return _buffer.AsSpan(_length);
    }

    public ScaleWriter WriteBytes(ReadOnlySpan<byte> bytes)
    {
        Ensure(bytes.Length);
        bytes.CopyTo(_buffer.AsSpan(_length));
        _length += bytes.Length;
        return this;
    }

    public ScaleWriter WriteU8(byte value)
    {
        Ensure(1);
        _buffer[_length++] = value;
        return this;
    }

    public ScaleWriter WriteI8(sbyte value) => WriteU8(unchecked((byte)value));

    public ScaleWriter WriteU16(ushort value)
    {
        BinaryPrimitives.WriteUInt16LittleEndian(Take(2), value);
        return this;
    }

    public ScaleWriter WriteI16(short value)
    {
        BinaryPrimitives.WriteInt16LittleEndian(Take(2), value);
        return this;
    }

    public ScaleWriter WriteU32(uint value)
    {
        BinaryPrimitives.WriteUInt32LittleEndian(Take(4), value);
        return this;
    }

    public ScaleWriter WriteI32(int value)
    {
        BinaryPrimitives.WriteInt32LittleEndian(Take(4), value);
        return this;
    }

    public ScaleWriter WriteU64(ulong value)
    {
        BinaryPrimitives.WriteUInt64LittleEndian(Take(8), value);
        return this;
    }

    public ScaleWriter WriteI64(long value)
    {
        BinaryPrimitives.WriteInt64LittleEndian(Take(8), value);
        return this;
    }

    public ScaleWriter WriteU128(UInt128 value)
    {
        BinaryPrimitives.WriteUInt128LittleEndian(Take(16), value);
        return this;
    }

    public ScaleWriter WriteI128(Int128 value)
    {
        BinaryPrimitives.WriteInt128LittleEndian(Take(16), value);
        return this;
    }

    public ScaleWriter WriteBool(bool value) => WriteU8(value ? (byte)1 : (byte)0);

    public ScaleWriter WriteCompact(UInt128 value)
    {
        Ensure(17);
        _length += Compact.Encode(value, _buffer.AsSpan(_length));
        return this;
    }

    /// <summary><c>Vec&lt;u8&gt;</c>: compact length then the bytes.</summary>
    public ScaleWriter WriteByteVec(ReadOnlySpan<byte> bytes) => WriteCompact((uint)bytes.Length).WriteBytes(bytes);

    public ScaleWriter WriteString(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var count = Encoding.UTF8.GetByteCount(value);
        WriteCompact((uint)count);
        Encoding.UTF8.GetBytes(value, Take(count));
        return this;
    }

    public ScaleWriter WriteOptionTag(bool isSome) => WriteU8(isSome ? (byte)1 : (byte)0);

    public ScaleWriter WriteOption<T>(T? value, ScaleWriteAction<T> writeSome)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(writeSome);
        if (value is null)
        {
            return WriteU8(0);
        }

        WriteU8(1);
        writeSome(this, value);
        return this;
    }

    public ScaleWriter WriteOptionValue<T>(T? value, ScaleWriteAction<T> writeSome)
        where T : struct
    {
        ArgumentNullException.ThrowIfNull(writeSome);
        if (value is not { } v)
        {
            return WriteU8(0);
        }

        WriteU8(1);
        writeSome(this, v);
        return this;
    }

    /// <summary><c>Option&lt;bool&gt;</c> in one byte: 0 None, 1 Some(true), 2 Some(false).</summary>
    public ScaleWriter WriteOptionBool(bool? value) => WriteU8(value switch { null => 0, true => 1, false => 2 });

    public ScaleWriter WriteResult<TOk, TErr>(ScaleResult<TOk, TErr> result, ScaleWriteAction<TOk> writeOk, ScaleWriteAction<TErr> writeErr)
    {
        ArgumentNullException.ThrowIfNull(writeOk);
        ArgumentNullException.ThrowIfNull(writeErr);
        if (result.IsOk)
        {
            WriteU8(0);
            writeOk(this, result.Value!);
        }
        else
        {
            WriteU8(1);
            writeErr(this, result.Error!);
        }

        return this;
    }

    public ScaleWriter WriteVec<T>(IReadOnlyCollection<T> items, ScaleWriteAction<T> writeItem)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(writeItem);
        WriteCompact((uint)items.Count);
        foreach (var item in items)
        {
            writeItem(this, item);
        }

        return this;
    }

    /// <summary><c>[T; N]</c>: the elements without a length prefix.</summary>
    public ScaleWriter WriteArray<T>(IEnumerable<T> items, ScaleWriteAction<T> writeItem)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(writeItem);
        foreach (var item in items)
        {
            writeItem(this, item);
        }

        return this;
    }

    /// <summary><c>BTreeMap&lt;K, V&gt;</c>: pairs in ascending key order (the key type's order, as Rust's <c>Ord</c>).</summary>
    public ScaleWriter WriteBTreeMap<TKey, TValue>(
        IEnumerable<KeyValuePair<TKey, TValue>> pairs, ScaleWriteAction<TKey> writeKey, ScaleWriteAction<TValue> writeValue, IComparer<TKey>? comparer = null)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        ArgumentNullException.ThrowIfNull(writeKey);
        ArgumentNullException.ThrowIfNull(writeValue);
        var ordered = pairs.OrderBy(p => p.Key, comparer ?? Comparer<TKey>.Default).ToList();
        WriteCompact((uint)ordered.Count);
        foreach (var (key, value) in ordered)
        {
            writeKey(this, key);
            writeValue(this, value);
        }

        return this;
    }

    /// <summary><c>BTreeSet&lt;T&gt;</c>: distinct elements in ascending order.</summary>
    public ScaleWriter WriteBTreeSet<T>(IEnumerable<T> items, ScaleWriteAction<T> writeItem, IComparer<T>? comparer = null)
    {
        ArgumentNullException.ThrowIfNull(items);
        var set = new SortedSet<T>(items, comparer ?? Comparer<T>.Default);
        return WriteVec(set, writeItem);
    }

    public ScaleWriter Write<T>(T value)
        where T : IScaleEncodable
    {
        ArgumentNullException.ThrowIfNull(value);
        value.EncodeTo(this);
        return this;
    }

    private Span<byte> Take(int count)
    {
        Ensure(count);
        var span = _buffer.AsSpan(_length, count);
        _length += count;
        return span;
    }

    private void Ensure(int extra)
    {
        if (_length + extra <= _buffer.Length)
        {
            return;
        }

        var newSize = Math.Max(_buffer.Length * 2, _length + extra);
        Array.Resize(ref _buffer, newSize);
    }
}
