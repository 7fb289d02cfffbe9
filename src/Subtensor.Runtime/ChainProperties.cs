namespace Subtensor.Runtime;

/// <summary>Token properties of a chain: symbol, decimals and SS58 prefix (chain spec <c>properties</c>; RFC-0078 extra info).</summary>
public sealed record ChainProperties(string TokenSymbol, byte TokenDecimals, ushort Ss58Format)
{
    /// <summary>Subtensor: TAO, 9 decimals, SS58 42 (the metadata-hash extension is built with "TAO", 9).</summary>
    public static readonly ChainProperties Tao = new("TAO", 9, 42);
}
