using Subtensor.Core.Scale;
using Subtensor.Core.Types;

namespace Subtensor.Core.Tests.Scale;

public class ScaleRoundTripTests
{
    [Fact]
    public void Fixed_width_integers_are_little_endian()
    {
        var w = new ScaleWriter();
        w.WriteU8(0x01).WriteU16(0x0203).WriteU32(0x04050607).WriteU64(0x08090a0b0c0d0e0f)
         .WriteI8(-1).WriteI16(-2).WriteI32(-3).WriteI64(-4)
         .WriteU128(UInt128.MaxValue - 1).WriteI128(Int128.MinValue).WriteBool(true).WriteBool(false);
        Assert.Equal(
            "0x01" + "0302" + "07060504" + "0f0e0d0c0b0a0908" + "ff" + "feff" + "fdffffff" + "fcffffffffffffff" +
            "feffffffffffffffffffffffffffffff" + "00000000000000000000000000000080" + "01" + "00",
            Hex.ToHex(w.WrittenSpan));

        var r = new ScaleReader(w.WrittenSpan);
        Assert.Equal(0x01, r.ReadU8());
        Assert.Equal(0x0203, r.ReadU16());
        Assert.Equal(0x04050607u, r.ReadU32());
        Assert.Equal(0x08090a0b0c0d0e0fUL, r.ReadU64());
        Assert.Equal(-1, r.ReadI8());
        Assert.Equal(-2, r.ReadI16());
        Assert.Equal(-3, r.ReadI32());
        Assert.Equal(-4, r.ReadI64());
        Assert.Equal(UInt128.MaxValue - 1, r.ReadU128());
        Assert.Equal(Int128.MinValue, r.ReadI128());
        Assert.True(r.ReadBool());
        Assert.False(r.ReadBool());
        r.EnsureAtEnd();
    }

    [Fact]
    public void Option_bool_is_one_byte()
    {
        Assert.Equal([0, 1, 2], ScaleCodec.Encode(w => w.WriteOptionBool(null).WriteOptionBool(true).WriteOptionBool(false)));
        var r = new ScaleReader([0, 1, 2, 3]);
        Assert.Null(r.ReadOptionBool());
        Assert.True(r.ReadOptionBool());
        Assert.False(r.ReadOptionBool());
        var ex = Assert.Throws<ScaleDecodeException>(() => new ScaleReader([3]).ReadOptionBool());
        Assert.Equal(0, ex.Offset);
    }

    [Fact]
    public void Option_result_vec_string_and_tuples_match_parity_scale_codec()
    {
        // Option<u32>: None = 00, Some(5) = 01 05000000
        Assert.Equal("0x000105000000", Hex.ToHex(ScaleCodec.Encode(w => w
            .WriteOptionValue<uint>(null, (x, v) => x.WriteU32(v))
            .WriteOptionValue<uint>(5u, (x, v) => x.WriteU32(v)))));

        // Result<u8, String>: Ok(42) = 00 2a ; Err("no") = 01 08 6e 6f
        var encoded = ScaleCodec.Encode(w => w
            .WriteResult(ScaleResult<byte, string>.Ok(42), (x, v) => x.WriteU8(v), (x, v) => x.WriteString(v))
            .WriteResult(ScaleResult<byte, string>.Err("no"), (x, v) => x.WriteU8(v), (x, v) => x.WriteString(v)));
        Assert.Equal("0x002a01086e6f", Hex.ToHex(encoded));
        var r = new ScaleReader(encoded);
        var ok = r.ReadResult((ref ScaleReader x) => x.ReadU8(), (ref ScaleReader x) => x.ReadString());
        var err = r.ReadResult((ref ScaleReader x) => x.ReadU8(), (ref ScaleReader x) => x.ReadString());
        Assert.True(ok.IsOk);
        Assert.Equal(42, ok.Value);
        Assert.False(err.IsOk);
        Assert.Equal("no", err.Error);

        // Vec<u16> [4, 8, 15, 16, 23, 42] = 18 0400 0800 0f00 1000 1700 2a00 (parity-scale-codec docs)
        ushort[] items = [4, 8, 15, 16, 23, 42];
        var vec = ScaleCodec.Encode(w => w.WriteVec(items, (x, v) => x.WriteU16(v)));
        Assert.Equal("0x18040008000f00100017002a00", Hex.ToHex(vec));
        Assert.Equal(items, ScaleCodec.Decode(vec, (ref ScaleReader x) => x.ReadVec((ref ScaleReader y) => y.ReadU16(), 2)));

        // (u8, String, bool) tuple and [u8; 3] array: plain concatenation
        var tuple = ScaleCodec.Encode(w => w.WriteU8(7).WriteString("Alice").WriteBool(true).WriteBytes([1, 2, 3]));
        Assert.Equal("0x0714416c69636501010203", Hex.ToHex(tuple));
    }

    [Fact]
    public void BTreeMap_is_sorted_by_key_order_and_decodes_back()
    {
        var map = new Dictionary<uint, string> { [300] = "c", [1] = "a", [2] = "b" };
        var encoded = ScaleCodec.Encode(w => w.WriteBTreeMap(map, (x, k) => x.WriteU32(k), (x, v) => x.WriteString(v)));
        // 3 pairs; keys in numeric order (not by encoded bytes: 300 = 2c01 would sort first bytewise)
        Assert.Equal("0x0c" + "01000000" + "0461" + "02000000" + "0462" + "2c010000" + "0463", Hex.ToHex(encoded));
        var decoded = ScaleCodec.Decode(encoded, (ref ScaleReader r) => r.ReadBTreeMap((ref ScaleReader x) => x.ReadU32(), (ref ScaleReader x) => x.ReadString()));
        Assert.Equal(new uint[] { 1, 2, 300 }, decoded.Keys);

        var set = ScaleCodec.Encode(w => w.WriteBTreeSet(new[] { 5, 1, 5, 3 }, (x, v) => x.WriteI32(v)));
        Assert.Equal("0x0c010000000300000005000000", Hex.ToHex(set));
    }

    [Fact]
    public void Enum_index_is_checked()
    {
        var r = new ScaleReader([2, 9]);
        Assert.Equal(2, r.ReadEnumIndex(3));
        var ex = Assert.Throws<ScaleDecodeException>(() => new ScaleReader([3]).ReadEnumIndex(3));
        Assert.Contains("variant", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Random_values_round_trip()
    {
        var random = new Random(11);
        for (var i = 0; i < 2_000; i++)
        {
            var u64 = (ulong)random.NextInt64() ^ ((ulong)random.Next() << 40);
            var u128 = new UInt128(u64, (ulong)random.NextInt64());
            var bytes = new byte[random.Next(0, 300)];
            random.NextBytes(bytes);
            var text = new string(Enumerable.Range(0, random.Next(0, 40)).Select(_ => (char)random.Next(0x20, 0x3000)).Where(c => !char.IsSurrogate(c)).ToArray());
            var opt = random.Next(3) switch { 0 => (bool?)null, 1 => true, _ => false };

            var encoded = ScaleCodec.Encode(w => w.WriteU64(u64).WriteCompact(u128).WriteByteVec(bytes).WriteString(text).WriteOptionBool(opt).WriteI128((Int128)u128));
            var r = new ScaleReader(encoded);
            Assert.Equal(u64, r.ReadU64());
            Assert.Equal(u128, r.ReadCompactU128());
            Assert.Equal(bytes, r.ReadByteVec());
            Assert.Equal(text, r.ReadString());
            Assert.Equal(opt, r.ReadOptionBool());
            Assert.Equal((Int128)u128, r.ReadI128());
            r.EnsureAtEnd();
        }
    }

    [Fact]
    public void Trailing_bytes_fail_decode_all_with_offset()
    {
        var ex = Assert.Throws<ScaleDecodeException>(() => ScaleCodec.Decode([1, 0, 0, 0, 9], (ref ScaleReader r) => r.ReadU32()));
        Assert.Equal(4, ex.Offset);
    }

    [Fact]
    public void Invalid_utf8_is_a_decode_error()
    {
        var ex = Assert.Throws<ScaleDecodeException>(() => new ScaleReader([0x08, 0xc3, 0x28]).ReadString());
        Assert.Equal(0, ex.Offset);
    }
}
