namespace Subtensor.Trie.Codec;

/// <summary>Keys as base-16 digits, high nibble first (byte 0xAB is A, B), as the trie walks them.</summary>
internal static class Nibbles
{
    /// <summary>Nibble <paramref name="index"/> of a byte key.</summary>
    public static int At(ReadOnlySpan<byte> key, int index)
        => (index & 1) == 0 ? key[index >> 1] >> 4 : key[index >> 1] & 0x0F;

    public static byte[] FromKey(ReadOnlySpan<byte> key)
    {
        var nibbles = new byte[key.Length * 2];
        for (var i = 0; i < key.Length; i++)
        {
            nibbles[2 * i] = (byte)(key[i] >> 4);
            nibbles[(2 * i) + 1] = (byte)(key[i] & 0x0F);
        }

        return nibbles;
    }

    /// <summary>Packs an even number of nibbles back into the key bytes.</summary>
    public static byte[] ToKey(ReadOnlySpan<byte> nibbles)
    {
        if ((nibbles.Length & 1) != 0)
        {
            throw new ArgumentException("an odd number of nibbles is not a key", nameof(nibbles));
        }

        var key = new byte[nibbles.Length / 2];
        for (var i = 0; i < key.Length; i++)
        {
            key[i] = (byte)((nibbles[2 * i] << 4) | nibbles[(2 * i) + 1]);
        }

        return key;
    }

    /// <summary>Length of the common prefix of two nibble sequences.</summary>
    public static int CommonPrefix(ReadOnlySpan<byte> a, ReadOnlySpan<byte> b) => a.CommonPrefixLength(b);

    /// <summary>Length of the common nibble prefix of two byte keys, counted from nibble <paramref name="from"/>.</summary>
    public static int CommonPrefixOfKeys(ReadOnlySpan<byte> a, ReadOnlySpan<byte> b, int from)
    {
        var limit = Math.Min(a.Length, b.Length) * 2;
        var i = from;
        if ((i & 1) == 1 && i < limit)
        {
            if ((a[i >> 1] & 0x0F) != (b[i >> 1] & 0x0F))
            {
                return 0;
            }

            i++;
        }

        var byteStart = i >> 1;
        var sameBytes = a[byteStart..].CommonPrefixLength(b[byteStart..]);
        i += 2 * Math.Min(sameBytes, (limit / 2) - byteStart);
        if (i < limit && (a[i >> 1] >> 4) == (b[i >> 1] >> 4))
        {
            i++;
        }

        return Math.Min(i, limit) - from;
    }

    /// <summary>Number of bytes a packed partial key of <paramref name="count"/> nibbles takes.</summary>
    public static int PackedLength(int count) => (count + 1) / 2;

    /// <summary>Packs nibbles two per byte; an odd count leaves the first byte's high half zero (left padding).</summary>
    public static void Pack(ReadOnlySpan<byte> nibbles, Span<byte> destination)
    {
        var o = 0;
        var i = 0;
        if ((nibbles.Length & 1) == 1)
        {
            destination[o++] = nibbles[0];
            i = 1;
        }

        for (; i < nibbles.Length; i += 2)
        {
            destination[o++] = (byte)((nibbles[i] << 4) | nibbles[i + 1]);
        }
    }

    /// <summary>Packs nibbles <paramref name="from"/>..<paramref name="to"/> of a byte key like <see cref="Pack"/>.</summary>
    public static void PackFromKey(ReadOnlySpan<byte> key, int from, int to, Span<byte> destination)
    {
        var o = 0;
        var i = from;
        if (((to - from) & 1) == 1)
        {
            destination[o++] = (byte)At(key, i);
            i++;
        }

        if ((i & 1) == 0)
        {
            key.Slice(i >> 1, (to - i) >> 1).CopyTo(destination[o..]);
            return;
        }

        for (; i < to; i += 2)
        {
            destination[o++] = (byte)((At(key, i) << 4) | At(key, i + 1));
        }
    }
}
