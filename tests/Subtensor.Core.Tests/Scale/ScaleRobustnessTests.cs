using Subtensor.Core.Scale;

namespace Subtensor.Core.Tests.Scale;

/// <summary>Random and truncated inputs into every decoder end only in <see cref="ScaleDecodeException"/>.</summary>
public class ScaleRobustnessTests
{
    private static readonly (string Name, ScaleReadFunc<object?> Read)[] Decoders =
    [
        ("u8", (ref ScaleReader r) => r.ReadU8()),
        ("u16", (ref ScaleReader r) => r.ReadU16()),
        ("u32", (ref ScaleReader r) => r.ReadU32()),
        ("u64", (ref ScaleReader r) => r.ReadU64()),
        ("u128", (ref ScaleReader r) => r.ReadU128()),
        ("i8", (ref ScaleReader r) => r.ReadI8()),
        ("i16", (ref ScaleReader r) => r.ReadI16()),
        ("i32", (ref ScaleReader r) => r.ReadI32()),
        ("i64", (ref ScaleReader r) => r.ReadI64()),
        ("i128", (ref ScaleReader r) => r.ReadI128()),
        ("bool", (ref ScaleReader r) => r.ReadBool()),
        ("compact<u8>", (ref ScaleReader r) => r.ReadCompactU8()),
        ("compact<u16>", (ref ScaleReader r) => r.ReadCompactU16()),
        ("compact<u32>", (ref ScaleReader r) => r.ReadCompactU32()),
        ("compact<u64>", (ref ScaleReader r) => r.ReadCompactU64()),
        ("compact<u128>", (ref ScaleReader r) => r.ReadCompactU128()),
        ("Vec<u8>", (ref ScaleReader r) => r.ReadByteVec()),
        ("String", (ref ScaleReader r) => r.ReadString()),
        ("Option<bool>", (ref ScaleReader r) => r.ReadOptionBool()),
        ("Option<u64>", (ref ScaleReader r) => r.ReadOptionValue((ref ScaleReader x) => x.ReadU64())),
        ("Option<String>", (ref ScaleReader r) => r.ReadOption((ref ScaleReader x) => x.ReadString())),
        ("Result<u32,String>", (ref ScaleReader r) => r.ReadResult((ref ScaleReader x) => x.ReadU32(), (ref ScaleReader x) => x.ReadString())),
        ("Vec<u64>", (ref ScaleReader r) => r.ReadVec((ref ScaleReader x) => x.ReadU64(), 8)),
        ("Vec<Vec<u8>>", (ref ScaleReader r) => r.ReadVec((ref ScaleReader x) => x.ReadByteVec())),
        ("Vec<(u16,String)>", (ref ScaleReader r) => r.ReadVec((ref ScaleReader x) => (x.ReadU16(), x.ReadString()), 3)),
        ("[u32;4]", (ref ScaleReader r) => r.ReadArray(4, (ref ScaleReader x) => x.ReadU32(), 4)),
        ("BTreeMap<u32,Vec<u8>>", (ref ScaleReader r) => r.ReadBTreeMap((ref ScaleReader x) => x.ReadU32(), (ref ScaleReader x) => x.ReadByteVec(), null, 5)),
        ("BTreeSet<u16>", (ref ScaleReader r) => r.ReadBTreeSet((ref ScaleReader x) => x.ReadU16(), null, 2)),
        ("enum(4)", (ref ScaleReader r) => r.ReadEnumIndex(4)),
        ("Hash256", (ref ScaleReader r) => Subtensor.Core.Types.Hash256.DecodeFrom(ref r)),
    ];

    [Fact]
    public void Random_inputs_only_raise_the_typed_error()
    {
        var random = new Random(1234);
        var failures = 0;
        for (var i = 0; i < 20_000; i++)
        {
            var input = new byte[random.Next(0, 48)];
            random.NextBytes(input);
            foreach (var (name, read) in Decoders)
            {
                try
                {
                    var reader = new ScaleReader(input);
                    read(ref reader);
                    reader.EnsureAtEnd();
                }
                catch (ScaleDecodeException e)
                {
                    Assert.InRange(e.Offset, 0, input.Length);
                    failures++;
                }
                catch (Exception e)
                {
                    Assert.Fail($"{name} on {Convert.ToHexString(input)} threw {e.GetType().Name}: {e.Message}");
                }
            }
        }

        Assert.True(failures > 10_000, "random input should mostly fail to decode");
    }

    [Fact]
    public void Truncated_valid_encodings_are_rejected()
    {
        var encodings = new[]
        {
            ScaleCodec.Encode(w => w.WriteVec(new ulong[] { 1, 2, 3 }, (x, v) => x.WriteU64(v))),
            ScaleCodec.Encode(w => w.WriteString("a longer string to be cut")),
            ScaleCodec.Encode(w => w.WriteCompact(UInt128.MaxValue)),
            ScaleCodec.Encode(w => w.WriteVec(new[] { new byte[] { 1, 2 }, new byte[] { 3 } }, (x, v) => x.WriteByteVec(v))),
        };
        ScaleReadFunc<object?>[] readers =
        [
            (ref ScaleReader r) => r.ReadVec((ref ScaleReader x) => x.ReadU64(), 8),
            (ref ScaleReader r) => r.ReadString(),
            (ref ScaleReader r) => r.ReadCompactU128(),
            (ref ScaleReader r) => r.ReadVec((ref ScaleReader x) => x.ReadByteVec()),
        ];

        for (var k = 0; k < encodings.Length; k++)
        {
            for (var cut = 0; cut < encodings[k].Length; cut++)
            {
                var input = encodings[k].AsSpan(0, cut).ToArray();
                var read = readers[k];
                Assert.Throws<ScaleDecodeException>(() =>
                {
                    var r = new ScaleReader(input);
                    read(ref r);
                });
            }
        }
    }

    [Fact]
    public void Huge_length_prefix_does_not_allocate()
    {
        // Compact(2^30 - 1) elements announced, 3 bytes present.
        byte[] input = [0xfe, 0xff, 0xff, 0xff, 1, 2, 3];
        var before = GC.GetAllocatedBytesForCurrentThread();
        var ex = Assert.Throws<ScaleDecodeException>(() =>
        {
            var r = new ScaleReader(input);
            r.ReadVec((ref ScaleReader x) => x.ReadU64(), 8);
        });
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(0, ex.Offset);
        Assert.True(allocated < 64 * 1024, $"allocated {allocated} bytes for a forged length");

        Assert.Throws<ScaleDecodeException>(() => new ScaleReader(input).ReadByteVec());
        Assert.Throws<ScaleDecodeException>(() =>
        {
            var r = new ScaleReader(input);
            r.ReadBTreeMap((ref ScaleReader x) => x.ReadU8(), (ref ScaleReader x) => x.ReadU8());
        });
    }
}
