using System.Text;
using Subtensor.Core.Types;

namespace Subtensor.Trie.Tests;

internal static class TestData
{
    public static byte[] Utf8(string s) => Encoding.UTF8.GetBytes(s);

    public static KeyValuePair<byte[], byte[]> Pair(string keyHex, string valueHex) => new(Hex.Parse(keyHex), Hex.Parse(valueHex));

    /// <summary>Last write wins, as a map built from the pairs in order.</summary>
    public static List<KeyValuePair<byte[], byte[]>> Dedup(IEnumerable<KeyValuePair<byte[], byte[]>> pairs)
    {
        var map = new Dictionary<byte[], byte[]>(ByteArrayComparer.Instance);
        foreach (var (k, v) in pairs)
        {
            map[k] = v;
        }

        return [.. map];
    }

    /// <summary>Random entries: shared prefixes, empty values, long keys, values both sides of 32/33 bytes.</summary>
    public static Dictionary<byte[], byte[]> RandomEntries(Random random, int count)
    {
        var prefixes = new List<byte[]> { Array.Empty<byte>() };
        for (var i = 0; i < 4; i++)
        {
            var p = new byte[random.Next(1, 6)];
            random.NextBytes(p);
            prefixes.Add(p);
        }

        var map = new Dictionary<byte[], byte[]>(ByteArrayComparer.Instance);
        while (map.Count < count)
        {
            map[RandomKey(random, prefixes)] = RandomValue(random);
        }

        return map;
    }

    public static byte[] RandomKey(Random random, List<byte[]> prefixes)
    {
        var prefix = prefixes[random.Next(prefixes.Count)];
        var length = random.Next(10) switch
        {
            0 => 0,
            1 => random.Next(60, 140),
            _ => random.Next(1, 5),
        };
        var key = new byte[prefix.Length + length];
        prefix.CopyTo(key, 0);
        random.NextBytes(key.AsSpan(prefix.Length));
        if (random.Next(4) == 0 && key.Length > 0)
        {
            // narrow alphabet to force long shared nibble runs
            for (var i = prefix.Length; i < key.Length; i++)
            {
                key[i] &= 0x11;
            }
        }

        return key;
    }

    public static byte[] RandomValue(Random random)
    {
        var length = random.Next(8) switch
        {
            0 => 0,
            1 => 32,
            2 => 33,
            3 => random.Next(34, 200),
            _ => random.Next(1, 32),
        };
        var value = new byte[length];
        random.NextBytes(value);
        return value;
    }
}
