using System.Numerics;
using Subtensor.Core.Scale;
using Subtensor.Core.Types;
using Subtensor.TestSupport;

namespace Subtensor.Core.Tests.Scale;

public class CompactVectorTests
{
    public static TheoryData<string, string> Valid()
    {
        var data = new TheoryData<string, string>();
        using var doc = TestVectors.Json("scale_compact.json");
        foreach (var v in doc.RootElement.GetProperty("valid").EnumerateArray())
        {
            data.Add(v.GetProperty("value").GetString()!, v.GetProperty("hex").GetString()!);
        }

        return data;
    }

    public static TheoryData<string, string> Invalid()
    {
        var data = new TheoryData<string, string>();
        using var doc = TestVectors.Json("scale_compact.json");
        foreach (var v in doc.RootElement.GetProperty("invalid").EnumerateArray())
        {
            data.Add(v.GetProperty("hex").GetString()!, v.GetProperty("type").GetString()!);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Valid))]
    public void Valid_vectors_encode_and_decode(string value, string hex)
    {
        var expected = UInt128.Parse(value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(hex, Hex.ToHex(Compact.Encode(expected), withPrefix: false));
        Assert.Equal(Compact.EncodedLength(expected), hex.Length / 2);

        var reader = new ScaleReader(Hex.Parse(hex));
        Assert.Equal(expected, reader.ReadCompactU128());
        Assert.True(reader.IsAtEnd);

        // Every narrower target that can hold the value decodes it too; the ones that cannot reject it.
        foreach (var bits in new[] { 8, 16, 32, 64 })
        {
            var r = new ScaleReader(Hex.Parse(hex));
            var fits = (BigInteger)expected < BigInteger.One << bits;
            if (fits)
            {
                Assert.Equal(expected, r.ReadCompact(bits));
            }
            else
            {
                var bytes = Hex.Parse(hex);
                Assert.Throws<ScaleDecodeException>(() => new ScaleReader(bytes).ReadCompact(bits));
            }
        }
    }

    [Theory]
    [MemberData(nameof(Invalid))]
    public void Invalid_vectors_are_rejected(string hex, string type)
    {
        var bits = type switch
        {
            "Compact<u8>" => 8,
            "Compact<u16>" => 16,
            "Compact<u32>" => 32,
            "Compact<u64>" => 64,
            "Compact<u128>" => 128,
            _ => throw new InvalidOperationException(type),
        };
        var bytes = Hex.Parse(hex);
        var error = Assert.Throws<ScaleDecodeException>(() =>
        {
            var r = new ScaleReader(bytes);
            r.ReadCompact(bits);
            r.EnsureAtEnd();
        });
        Assert.InRange(error.Offset, 0, bytes.Length);
    }

    [Fact]
    public void Every_boundary_round_trips_and_non_minimal_forms_are_rejected()
    {
        var random = new Random(7);
        for (var bits = 0; bits < 128; bits++)
        {
            foreach (var delta in new[] { -1, 0, 1 })
            {
                var v = (UInt128.One << bits) + (UInt128)(Int128)delta;
                var encoded = Compact.Encode(v);
                var r = new ScaleReader(encoded);
                Assert.Equal(v, r.ReadCompactU128());
                Assert.True(r.IsAtEnd);

                // Pad the big-integer form with an extra zero byte: always non-canonical.
                if ((encoded[0] & 3) == 3 && encoded.Length < 17)
                {
                    var padded = new byte[encoded.Length + 1];
                    encoded.CopyTo(padded, 0);
                    padded[0] = (byte)(((encoded.Length - 1 + 1 - 4) << 2) | 3);
                    Assert.Throws<ScaleDecodeException>(() => new ScaleReader(padded).ReadCompactU128());
                }
            }
        }

        for (var i = 0; i < 10_000; i++)
        {
            var hi = (ulong)random.NextInt64() >> random.Next(64);
            var lo = (ulong)random.NextInt64();
            var v = new UInt128(random.Next(2) == 0 ? 0 : hi, lo >> random.Next(64));
            var r = new ScaleReader(Compact.Encode(v));
            Assert.Equal(v, r.ReadCompactU128());
        }
    }
}
