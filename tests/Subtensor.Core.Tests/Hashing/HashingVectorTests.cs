using System.Security.Cryptography;
using System.Text;
using Subtensor.Core.Hashing;
using Subtensor.Core.Types;
using Subtensor.TestSupport;

namespace Subtensor.Core.Tests.Hashing;

public class HashingVectorTests
{
    public static TheoryData<string, int> HostApiCases()
    {
        var data = new TheoryData<string, int>();
        using var doc = TestVectors.Json("hashing_host_api.json");
        foreach (var fn in doc.RootElement.GetProperty("outputs_hex").EnumerateObject())
        {
            for (var i = 0; i < fn.Value.GetArrayLength(); i++)
            {
                data.Add(fn.Name, i);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(HostApiCases))]
    public void Host_api_hashing_vectors(string function, int index)
    {
        using var doc = TestVectors.Json("hashing_host_api.json");
        var input = Encoding.UTF8.GetBytes(doc.RootElement.GetProperty("inputs_utf8")[index].GetString()!);
        var expected = doc.RootElement.GetProperty("outputs_hex").GetProperty(function)[index].GetString()!;
        byte[] actual = function switch
        {
            "keccak_256" => Keccak256.Hash(input),
            "sha2_256" => SHA256.HashData(input),
            "blake2_128" => Blake2b.Blake2b128(input),
            "blake2_256" => Blake2b.Blake2b256(input),
            "twox_64" => Twox.Twox64(input),
            "twox_128" => Twox.Twox128(input),
            "twox_256" => Twox.Twox256(input),
            _ => throw new InvalidOperationException(function),
        };
        Assert.Equal(expected, Hex.ToHex(actual, withPrefix: false));
    }

    [Fact]
    public void Digest_known_answers()
    {
        // spec digest §1.2, Python hashlib for blake2b-64/512, and the Keccak/SHA3 reference for empty input
        Assert.Equal("0x0e5751c026e543b2e8ab2eb06099daa1d1e5df47778f7787faab45cdf12fe3a8", Hex.ToHex(Blake2b.Blake2b256([])));
        Assert.Equal("0x03170a2e7597b7b7e3d84c05391d139a62b157e78786d8c082f29dcf4c111314", Hex.ToHex(Blake2b.Blake2b256([0])));
        Assert.Equal("0xcae66941d9efbd404e4d88758ea67670", Hex.ToHex(Blake2b.Blake2b128([])));
        Assert.Equal("0xe4a6a0577479b2b4", Hex.ToHex(Blake2b.Blake2b64([])));
        Assert.Equal("0x786a02f742015903c6c6fd852552d272912f4740e15847618a86e217f71f5419d25e1031afee585313896444934eb04b903a685b1448b755d56f701afe9be2ce", Hex.ToHex(Blake2b.Blake2b512([])));
        Assert.Equal("0xc5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470", Hex.ToHex(Keccak256.Hash([])));
        Assert.Equal("0x99e9d85137db46ef", Hex.ToHex(Twox.Twox64([])));
        Assert.Equal("0x26aa394eea5630e07c48ae0c9558cef7", Hex.ToHex(Twox.Twox128("System"u8)));
        Assert.Equal("0xb99d880ec681799c0cf30e8886371da9", Hex.ToHex(Twox.Twox128("Account"u8)));
        Assert.Equal("0x658faa385070e074c85bf6b568cf0555", Hex.ToHex(Twox.Twox128("SubtensorModule"u8)));
        Assert.Equal("0x8db94452208c000954a3f72cd0d55c82", Hex.ToHex(Twox.Twox128(":code"u8)));
    }

    [Fact]
    public void Keccak_matches_across_block_boundaries()
    {
        // Lengths around the 136-byte rate: every single-bit change of the input changes the digest.
        var random = new Random(5);
        foreach (var len in new[] { 1, 135, 136, 137, 271, 272, 273, 1000 })
        {
            var data = new byte[len];
            random.NextBytes(data);
            var a = Keccak256.Hash(data);
            data[random.Next(len)] ^= 1;
            Assert.NotEqual(a, Keccak256.Hash(data));
        }

        // "abc" from the Keccak team's known answers
        Assert.Equal("0x4e03657aea45a94fc7d47ba826c8d667c0d1e6e33a64a036ec44f58fa12d6c45", Hex.ToHex(Keccak256.Hash("abc"u8)));
    }

    [Fact]
    public void Incremental_blake2b_equals_one_shot()
    {
        var random = new Random(3);
        for (var i = 0; i < 200; i++)
        {
            var data = new byte[random.Next(0, 5000)];
            random.NextBytes(data);
            var length = random.Next(1, 65);
            var hasher = new Blake2bHasher(length);
            var offset = 0;
            while (offset < data.Length)
            {
                var n = random.Next(1, 700);
                n = Math.Min(n, data.Length - offset);
                hasher.Update(data.AsSpan(offset, n));
                offset += n;
            }

            Assert.Equal(Blake2b.Hash(data, length), hasher.Finish());
        }
    }

    [Fact]
    public void Output_length_is_validated()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Blake2b.Hash([], 65));
        Assert.Throws<ArgumentOutOfRangeException>(() => Blake2b.Hash([], 0));
        Assert.Throws<ArgumentException>(() => Twox.Hash([], new byte[12]));
    }
}
