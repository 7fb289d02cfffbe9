using Subtensor.Core.Hashing;
using Subtensor.Core.Scale;
using Subtensor.Core.Types;
using Subtensor.TestSupport;

namespace Subtensor.Core.Tests.Hashing;

public class StorageKeyTests
{
    private static string Vector(string name)
    {
        using var doc = TestVectors.Json("storage_keys.json");
        return doc.RootElement.GetProperty("vectors").GetProperty(name).GetString()!;
    }

    private static readonly byte[] Alice = Hex.Parse("d43593c715fdd31c61141abd04a99fd6822c8558854ccde39a5684e7a56da27d");
    private static readonly byte[] Eve = Hex.Parse("e659a7a1628cdd93febc04a4e0646ea20e9f5f0ce097d9a05290d4a9e054df4e");

    [Fact]
    public void Frame_storage_keys_match_vectors()
    {
        Assert.Equal(Vector("System.Account(Alice) [Blake2_128Concat]"), Hex.ToHex(StorageHashing.MapKey("System", "Account", (StorageHasher.Blake2_128Concat, Alice))));
        Assert.Equal(Vector("System.Account(Eve) [Blake2_128Concat]"), Hex.ToHex(StorageHashing.MapKey("System", "Account", (StorageHasher.Blake2_128Concat, Eve))));
        Assert.Equal(Vector("System.Number [plain]"), Hex.ToHex(StorageHashing.StoragePrefix("System", "Number")));
        Assert.Equal(Vector("System.BlockHash(0u32) [Twox64Concat]"), Hex.ToHex(StorageHashing.MapKey("System", "BlockHash", (StorageHasher.Twox64Concat, ScaleCodec.Encode(w => w.WriteU32(0))))));
        Assert.Equal(Vector("Timestamp.Now [plain]"), Hex.ToHex(StorageHashing.StoragePrefix("Timestamp", "Now")));
        Assert.Equal(Vector("SubtensorModule.TotalNetworks [plain]"), Hex.ToHex(StorageHashing.StoragePrefix("SubtensorModule", "TotalNetworks")));
        Assert.Equal(Vector("SubtensorModule.Tempo(1u16) [Identity]"), Hex.ToHex(StorageHashing.MapKey("SubtensorModule", "Tempo", (StorageHasher.Identity, ScaleCodec.Encode(w => w.WriteU16(1))))));
        Assert.Equal(Vector("blake2_128(Alice)"), Hex.ToHex(StorageHashing.Hash(StorageHasher.Blake2_128, Alice)));
        Assert.Equal(Vector("twox64(0u32 LE)"), Hex.ToHex(Twox.Twox64([0, 0, 0, 0])));
    }

    [Fact]
    public void Concat_hashers_keep_the_key_after_the_hash()
    {
        foreach (var hasher in Enum.GetValues<StorageHasher>())
        {
            var hashed = StorageHashing.Hash(hasher, Alice);
            var prefix = StorageHashing.ConcatPrefixLength(hasher);
            if (prefix >= 0)
            {
                Assert.Equal(Alice, hashed[prefix..]);
            }
            else
            {
                Assert.Equal(hasher is StorageHasher.Blake2_128 or StorageHasher.Twox128 ? 16 : 32, hashed.Length);
            }
        }
    }
}
