namespace Subtensor.Core.Types;

/// <summary>Lower-case hex with the <c>0x</c> prefix Substrate uses; strict parsing with clear errors.</summary>
public static class Hex
{
    public static string ToHex(ReadOnlySpan<byte> bytes, bool withPrefix = true)
        => withPrefix ? "0x" + Convert.ToHexStringLower(bytes) : Convert.ToHexStringLower(bytes);

    /// <summary>Parses hex with or without <c>0x</c>; throws <see cref="FormatException"/> naming the problem.</summary>
    public static byte[] Parse(string hex)
    {
        ArgumentNullException.ThrowIfNull(hex);
        var digits = hex.StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? hex.AsSpan(2) : hex.AsSpan();
        if (digits.Length % 2 != 0)
        {
            throw new FormatException($"invalid hex: odd number of digits ({digits.Length})");
        }

        for (var i = 0; i < digits.Length; i++)
        {
            if (!char.IsAsciiHexDigit(digits[i]))
            {
                throw new FormatException($"invalid hex: character '{digits[i]}' at position {i}");
            }
        }

        return Convert.FromHexString(digits);
    }

    public static bool TryParse(string? hex, out byte[] bytes)
    {
        bytes = [];
        if (hex is null)
        {
            return false;
        }

        try
        {
            bytes = Parse(hex);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
