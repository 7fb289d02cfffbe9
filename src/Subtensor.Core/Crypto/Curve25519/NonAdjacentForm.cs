namespace Subtensor.Core.Crypto.Curve25519;

/// <summary>Width-w non-adjacent form of a scalar below 2^255: odd digits in (−2^(w−1), 2^(w−1)), at least w−1 zeros between.</summary>
internal static class NonAdjacentForm
{
    public static void Compute(ReadOnlySpan<byte> scalar, int width, Span<sbyte> naf)
    {
        if (scalar.Length != 32 || naf.Length != 256 || width is < 2 or > 8 || (scalar[31] & 0x80) != 0)
        {
            throw new ArgumentException("NAF takes a 32-byte scalar below 2^255, 256 digits and a width of 2..8");
        }

        naf.Clear();
        Span<ulong> words = stackalloc ulong[5];
        for (var i = 0; i < 4; i++)
        {
            words[i] = System.Buffers.Binary.BinaryPrimitives.ReadUInt64LittleEndian(scalar[(i * 8)..]);
        }

        words[4] = 0;
        var windowSize = 1 << width;
        var windowMask = (ulong)windowSize - 1;
        var carry = 0;
        var position = 0;
        while (position < 256)
        {
            var index = position / 64;
            var bit = position % 64;
            var bits = bit < 64 - width
                ? words[index] >> bit
                : (words[index] >> bit) | (words[index + 1] << (64 - bit));

            // The pending carry is the +1 left over by the previous negative digit.
            var window = carry + (int)(bits & windowMask);
            if ((window & 1) == 0)
            {
                position++;
                continue;
            }

            if (window < windowSize / 2)
            {
                carry = 0;
                naf[position] = (sbyte)window;
            }
            else
            {
                carry = 1;
                naf[position] = (sbyte)(window - windowSize);
            }

            position += width;
        }
    }
}
