using System.Globalization;

namespace Subtensor.Node.Cli;

/// <summary>The few SS58 registry names an operator types most (ss58-registry); any number 0..16383 is accepted too.</summary>
internal static class Ss58Networks
{
    private static readonly Dictionary<string, ushort> ByName = new(StringComparer.OrdinalIgnoreCase)
    {
        ["polkadot"] = 0,
        ["kusama"] = 2,
        ["substrate"] = 42,
        ["bittensor"] = 42,
    };

    public static IEnumerable<string> Names => ByName.Keys;

    public static bool TryParse(string text, out ushort prefix)
    {
        if (ByName.TryGetValue(text, out prefix))
        {
            return true;
        }

        return ushort.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out prefix) && prefix < 16384 && prefix is not 46 and not 47;
    }

    /// <summary>The name subkey prints as "Network ID" for a prefix.</summary>
    public static string NameOf(ushort prefix) => prefix switch
    {
        0 => "polkadot",
        2 => "kusama",
        42 => "substrate",
        _ => prefix.ToString(CultureInfo.InvariantCulture),
    };
}
