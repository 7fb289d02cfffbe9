using Subtensor.Core.Scale;
using Subtensor.Core.Types;
using Subtensor.Runtime.Framework.TypeInfo;

namespace Subtensor.Runtime.Framework.Codec;

/// <summary>Codecs for the primitive and common types, each paired with its metadata type.</summary>
public static class Codecs
{
    public static readonly ScaleCodec<bool> Bool = new(Ty.Bool, (w, v) => w.WriteBool(v), (ref ScaleReader r) => r.ReadBool());
    public static readonly ScaleCodec<byte> U8 = new(Ty.U8, (w, v) => w.WriteU8(v), (ref ScaleReader r) => r.ReadU8());
    public static readonly ScaleCodec<ushort> U16 = new(Ty.U16, (w, v) => w.WriteU16(v), (ref ScaleReader r) => r.ReadU16());
    public static readonly ScaleCodec<uint> U32 = new(Ty.U32, (w, v) => w.WriteU32(v), (ref ScaleReader r) => r.ReadU32());
    public static readonly ScaleCodec<ulong> U64 = new(Ty.U64, (w, v) => w.WriteU64(v), (ref ScaleReader r) => r.ReadU64());
    public static readonly ScaleCodec<UInt128> U128 = new(Ty.U128, (w, v) => w.WriteU128(v), (ref ScaleReader r) => r.ReadU128());
    public static readonly ScaleCodec<string> Str = new(Ty.Str, (w, v) => w.WriteString(v), (ref ScaleReader r) => r.ReadString());

    public static readonly ScaleCodec<uint> CompactU32 = new(Ty.Compact(Ty.U32), (w, v) => w.WriteCompact(v), (ref ScaleReader r) => r.ReadCompactU32());
    public static readonly ScaleCodec<ulong> CompactU64 = new(Ty.Compact(Ty.U64), (w, v) => w.WriteCompact(v), (ref ScaleReader r) => r.ReadCompactU64());
    public static readonly ScaleCodec<UInt128> CompactU128 = new(Ty.Compact(Ty.U128), (w, v) => w.WriteCompact(v), (ref ScaleReader r) => r.ReadCompactU128());

    /// <summary><c>Vec&lt;u8&gt;</c>.</summary>
    public static readonly ScaleCodec<byte[]> Bytes = new(Ty.Bytes, (w, v) => w.WriteByteVec(v), (ref ScaleReader r) => r.ReadByteVec());

    public static readonly ScaleCodec<Hash256> H256 = new(Ty.H256, (w, v) => v.EncodeTo(w), (ref ScaleReader r) => Hash256.DecodeFrom(ref r));

    public static readonly ScaleCodec<AccountId32> AccountId = new(Ty.AccountId32, (w, v) => v.EncodeTo(w), (ref ScaleReader r) => AccountId32.DecodeFrom(ref r));

    public static readonly ScaleCodec<byte[]> Bytes32 = FixedBytes(32);

    public static ScaleCodec<byte[]> FixedBytes(int length) => new(
        Ty.Array((uint)length, Ty.U8),
        (w, v) => w.WriteBytes(v.Length == length ? v : throw new ArgumentException($"expected {length} bytes, got {v.Length}")),
        (ref ScaleReader r) => r.ReadFixed(length));

    public static ScaleCodec<T[]> Vec<T>(ScaleCodec<T> element, int minElementSize = 1)
    {
        ArgumentNullException.ThrowIfNull(element);
        return new(Ty.Vec(element.Type), (w, v) => w.WriteVec(v, element.Encode), (ref ScaleReader r) => r.ReadVec(element.Decode, minElementSize));
    }

    /// <summary><c>Option&lt;T&gt;</c> for reference types (null is None).</summary>
    public static ScaleCodec<T?> Option<T>(ScaleCodec<T> inner)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(inner);
        return new(Ty.Option(inner.Type), (w, v) => w.WriteOption(v, inner.Encode), (ref ScaleReader r) => r.ReadOption(inner.Decode));
    }

    /// <summary><c>Option&lt;T&gt;</c> for value types.</summary>
    public static ScaleCodec<T?> OptionValue<T>(ScaleCodec<T> inner)
        where T : struct
    {
        ArgumentNullException.ThrowIfNull(inner);
        return new(Ty.Option(inner.Type), (w, v) => w.WriteOptionValue(v, inner.Encode), (ref ScaleReader r) => r.ReadOptionValue(inner.Decode));
    }

    public static ScaleCodec<(TA, TB)> Tuple<TA, TB>(ScaleCodec<TA> a, ScaleCodec<TB> b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        return new(
            Ty.Tuple(a.Type, b.Type),
            (w, v) =>
            {
                a.Encode(w, v.Item1);
                b.Encode(w, v.Item2);
            },
            (ref ScaleReader r) =>
            {
                var x = a.Decode(ref r);
                return (x, b.Decode(ref r));
            });
    }

    /// <summary>
    /// Pre-encoded bytes of a type this runtime does not model (described by <paramref name="type"/>): written as
    /// they are, read as everything that remains.
    /// </summary>
    public static ScaleCodec<byte[]> Raw(MetaType type) => new(type, (w, v) => w.WriteBytes(v), (ref ScaleReader r) => r.ReadBytes(r.Remaining).ToArray());

    /// <summary><c>()</c>.</summary>
    public static readonly ScaleCodec<ValueTuple> Unit = new(Ty.Unit, (_, _) => { }, (ref ScaleReader _) => default);
}
