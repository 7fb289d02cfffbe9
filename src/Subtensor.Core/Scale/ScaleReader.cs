using System.Buffers.Binary;
using System.Text;

namespace Subtensor.Core.Scale;

/// <summary>
/// Span-based SCALE decoder. Every failure is a <see cref="ScaleDecodeException"/> carrying the offset;
/// length prefixes are checked against the remaining input before anything is allocated.
/// </summary>
public ref struct ScaleReader
{
    /// <summary>Upper bound on the element count of a sequence whose elements may encode to zero bytes.</summary>
    public const int MaxZeroSizedElements = 1 << 20;

    private readonly ReadOnlySpan<byte> _data;
    private int _position;

    public ScaleReader(ReadOnlySpan<byte> data)
    {
        _data = data;
        _position = 0;
    }

    public readonly int Position => _position;

    public readonly int Remaining => _data.Length - _position;

    public readonly bool IsAtEnd => _position == _data.Length;

    /// <summary>The unread bytes.</summary>
    public readonly ReadOnlySpan<byte> Rest => _data[_position..];

    /// <summary>Throws unless all input has been consumed (SCALE's <c>decode_all</c>).</summary>
    public readonly void EnsureAtEnd()
    {
        if (!IsAtEnd)
        {
            throw new ScaleDecodeException($"{Remaining} trailing byte(s) after the value", _position);
        }
    }

    public readonly ScaleDecodeException Error(string reason) => new(reason, _position);

    public ReadOnlySpan<byte> ReadBytes(int count)
    {
        if (count < 0 || count > Remaining)
        {
            throw new ScaleDecodeException($"need {count} byte(s), {Remaining} left", _position);
        }

        var slice = _data.Slice(_position, count);
        _position += count;
        return slice;
    }

    public byte ReadU8() => ReadBytes(1)[0];

    public sbyte ReadI8() => unchecked((sbyte)ReadU8());

    public ushort ReadU16() => BinaryPrimitives.ReadUInt16LittleEndian(ReadBytes(2));

    public short ReadI16() => BinaryPrimitives.ReadInt16LittleEndian(ReadBytes(2));

    public uint ReadU32() => BinaryPrimitives.ReadUInt32LittleEndian(ReadBytes(4));

    public int ReadI32() => BinaryPrimitives.ReadInt32LittleEndian(ReadBytes(4));

    public ulong ReadU64() => BinaryPrimitives.ReadUInt64LittleEndian(ReadBytes(8));

    public long ReadI64() => BinaryPrimitives.ReadInt64LittleEndian(ReadBytes(8));

    public UInt128 ReadU128() => BinaryPrimitives.ReadUInt128LittleEndian(ReadBytes(16));

    public Int128 ReadI128() => BinaryPrimitives.ReadInt128LittleEndian(ReadBytes(16));

    public bool ReadBool()
    {
        var at = _position;
        return ReadU8() switch
        {
            0 => false,
            1 => true,
            var b => throw new ScaleDecodeException($"invalid bool byte 0x{b:x2}", at),
        };
    }

    public byte ReadCompactU8() => (byte)ReadCompact(8);

    public ushort ReadCompactU16() => (ushort)ReadCompact(16);

    public uint ReadCompactU32() => (uint)ReadCompact(32);

    public ulong ReadCompactU64() => (ulong)ReadCompact(64);

    public UInt128 ReadCompactU128() => ReadCompact(128);

    /// <summary>
    /// Reads a compact integer for a target of <paramref name="bits"/> bits, rejecting values that do not fit
    /// and every non-canonical (non-minimal) encoding, as parity-scale-codec does.
    /// </summary>
    public UInt128 ReadCompact(int bits)
    {
        var start = _position;
        var prefix = ReadU8();
        UInt128 value;
        switch (prefix & 0b11)
        {
            case 0:
                value = (uint)prefix >> 2;
                break;
            case 1:
                _position = start;
                value = (uint)ReadU16() >> 2;
                if (value <= Compact.SingleByteMax)
                {
                    throw new ScaleDecodeException("non-canonical compact (two-byte mode for a value below 64)", start);
                }

                break;
            case 2:
                _position = start;
                value = ReadU32() >> 2;
                if (value <= Compact.TwoByteMax)
                {
                    throw new ScaleDecodeException("non-canonical compact (four-byte mode for a value below 2^14)", start);
                }

                break;
            default:
                var n = (prefix >> 2) + 4;
                if (n * 8 > Math.Max(bits, 32) || n > 16)
                {
                    throw new ScaleDecodeException($"compact of {n} bytes does not fit a {bits}-bit integer", start);
                }

                var bytes = ReadBytes(n);
                value = 0;
                for (var i = n - 1; i >= 0; i--)
                {
                    value = (value << 8) | bytes[i];
                }

                if (n == 4 ? value <= Compact.FourByteMax : bytes[n - 1] == 0)
                {
                    throw new ScaleDecodeException("non-canonical compact (big-integer mode for a value that fits fewer bytes)", start);
                }

                break;
        }

        if (bits < 128 && value > (UInt128.One << bits) - 1)
        {
            throw new ScaleDecodeException($"compact value {value} does not fit a {bits}-bit integer", start);
        }

        return value;
    }

    /// <summary>
    /// Reads a sequence length (Compact&lt;u32&gt;) and checks that <paramref name="minElementSize"/> bytes per
    /// element are still available, so a forged length never causes an allocation.
    /// </summary>
    public int ReadLength(int minElementSize = 1)
    {
        var at = _position;
        var count = ReadCompactU32();
        var limit = minElementSize <= 0 ? MaxZeroSizedElements : Remaining / minElementSize;
        if (count > (uint)limit)
        {
            throw new ScaleDecodeException($"length prefix {count} exceeds the remaining input ({Remaining} bytes)", at);
        }

        return (int)count;
    }

    /// <summary><c>Vec&lt;u8&gt;</c>: a compact length and that many bytes.</summary>
    public ReadOnlySpan<byte> ReadByteSequence() => ReadBytes(ReadLength());

    public byte[] ReadByteVec() => ReadByteSequence().ToArray();

    public string ReadString()
    {
        var at = _position;
        var bytes = ReadByteSequence();
        try
        {
            return Utf8Strict.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            throw new ScaleDecodeException("string is not valid UTF-8", at);
        }
    }

    /// <summary>A fixed-size array <c>[u8; N]</c>: exactly <paramref name="length"/> bytes with no prefix.</summary>
    public byte[] ReadFixed(int length) => ReadBytes(length).ToArray();

    /// <summary>The variant index of an enum, checked against the number of variants.</summary>
    public byte ReadEnumIndex(int variantCount)
    {
        var at = _position;
        var index = ReadU8();
        if (index >= variantCount)
        {
            throw new ScaleDecodeException($"enum variant index {index} out of range (0..{variantCount - 1})", at);
        }

        return index;
    }

    /// <summary>Reads the Option tag: false for None, true for Some.</summary>
    public bool ReadOptionTag()
    {
        var at = _position;
        return ReadU8() switch
        {
            0 => false,
            1 => true,
            var b => throw new ScaleDecodeException($"invalid Option tag 0x{b:x2}", at),
        };
    }

    public T? ReadOption<T>(ScaleReadFunc<T> readSome)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(readSome);
        return ReadOptionTag() ? readSome(ref this) : null;
    }

    public T? ReadOptionValue<T>(ScaleReadFunc<T> readSome)
        where T : struct
    {
        ArgumentNullException.ThrowIfNull(readSome);
        return ReadOptionTag() ? readSome(ref this) : null;
    }

    /// <summary><c>Option&lt;bool&gt;</c> is one byte: 0 None, 1 Some(true), 2 Some(false).</summary>
    public bool? ReadOptionBool()
    {
        var at = _position;
        return ReadU8() switch
        {
            0 => null,
            1 => true,
            2 => false,
            var b => throw new ScaleDecodeException($"invalid Option<bool> byte 0x{b:x2}", at),
        };
    }

    /// <summary><c>Result&lt;T, E&gt;</c>: tag 0 Ok, 1 Err.</summary>
    public ScaleResult<TOk, TErr> ReadResult<TOk, TErr>(ScaleReadFunc<TOk> readOk, ScaleReadFunc<TErr> readErr)
    {
        ArgumentNullException.ThrowIfNull(readOk);
        ArgumentNullException.ThrowIfNull(readErr);
        var at = _position;
        return ReadU8() switch
        {
            0 => ScaleResult<TOk, TErr>.Ok(readOk(ref this)),
            1 => ScaleResult<TOk, TErr>.Err(readErr(ref this)),
            var b => throw new ScaleDecodeException($"invalid Result tag 0x{b:x2}", at),
        };
    }

    /// <summary><c>Vec&lt;T&gt;</c>, with <paramref name="minElementSize"/> the smallest encoding of one element.</summary>
    public T[] ReadVec<T>(ScaleReadFunc<T> readItem, int minElementSize = 1)
    {
        ArgumentNullException.ThrowIfNull(readItem);
        var count = ReadLength(minElementSize);
        var items = new T[count];
        for (var i = 0; i < count; i++)
        {
            items[i] = readItem(ref this);
        }

        return items;
    }

    /// <summary><c>[T; N]</c>: exactly <paramref name="count"/> elements without a length prefix.</summary>
    public T[] ReadArray<T>(int count, ScaleReadFunc<T> readItem, int minElementSize = 1)
    {
        ArgumentNullException.ThrowIfNull(readItem);
        if (minElementSize > 0 && (long)count * minElementSize > Remaining)
        {
            throw new ScaleDecodeException($"array of {count} elements exceeds the remaining input ({Remaining} bytes)", _position);
        }

        var items = new T[count];
        for (var i = 0; i < count; i++)
        {
            items[i] = readItem(ref this);
        }

        return items;
    }

    /// <summary>
    /// <c>BTreeMap&lt;K, V&gt;</c>: a compact count of (key, value) pairs. As in Rust, a repeated key keeps the last value.
    /// </summary>
    public SortedDictionary<TKey, TValue> ReadBTreeMap<TKey, TValue>(
        ScaleReadFunc<TKey> readKey, ScaleReadFunc<TValue> readValue, IComparer<TKey>? comparer = null, int minPairSize = 2)
        where TKey : notnull
    {
        ArgumentNullException.ThrowIfNull(readKey);
        ArgumentNullException.ThrowIfNull(readValue);
        var count = ReadLength(minPairSize);
        var map = new SortedDictionary<TKey, TValue>(comparer ?? Comparer<TKey>.Default);
        for (var i = 0; i < count; i++)
        {
            var key = readKey(ref this);
            map[key] = readValue(ref this);
        }

        return map;
    }

    /// <summary><c>BTreeSet&lt;T&gt;</c>: a compact count of elements; duplicates collapse as in Rust.</summary>
    public SortedSet<T> ReadBTreeSet<T>(ScaleReadFunc<T> readItem, IComparer<T>? comparer = null, int minElementSize = 1)
    {
        ArgumentNullException.ThrowIfNull(readItem);
        var count = ReadLength(minElementSize);
        var set = new SortedSet<T>(comparer ?? Comparer<T>.Default);
        for (var i = 0; i < count; i++)
        {
            set.Add(readItem(ref this));
        }

        return set;
    }

    public T Read<T>()
        where T : IScaleDecodable<T> => T.DecodeFrom(ref this);

    private static readonly UTF8Encoding Utf8Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
}
