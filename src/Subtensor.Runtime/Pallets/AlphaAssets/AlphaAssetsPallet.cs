using Subtensor.Core.Hashing;
using Subtensor.Runtime.Framework;
using Subtensor.Runtime.Framework.Codec;
using Subtensor.Runtime.Framework.Storage;
using Subtensor.Runtime.State;

namespace Subtensor.Runtime.Pallets.AlphaAssets;

/// <summary>
/// pallet_alpha_assets (index 31): per-subnet alpha issuance, burn and recycle counters that pallet_subtensor updates
/// when it mints, burns or recycles alpha (<c>pallets/alpha-assets/src/lib.rs</c>). No calls, events or errors.
/// </summary>
public sealed class AlphaAssetsPallet : Pallet
{
    public AlphaAssetsPallet()
        : base("AlphaAssets", 31, "pallet_alpha_assets")
    {
        TotalAlphaIssuance = Map("TotalAlphaIssuance", StorageHasher.Twox64Concat, Codecs.U16, Codecs.U64, 0UL, " Total alpha issuance tracked by the pallet.");
        AlphaBurned = Map("AlphaBurned", StorageHasher.Twox64Concat, Codecs.U16, Codecs.U64, 0UL, " Total alpha burned per subnet through this pallet.");
        AlphaRecycled = Map("AlphaRecycled", StorageHasher.Twox64Concat, Codecs.U16, Codecs.U64, 0UL, " Total alpha recycled per subnet through this pallet.");
    }

    public StorageMap<ushort, ulong> TotalAlphaIssuance { get; }

    public StorageMap<ushort, ulong> AlphaBurned { get; }

    public StorageMap<ushort, ulong> AlphaRecycled { get; }

    /// <summary><c>mint_alpha</c>: issuance grows by the minted amount.</summary>
    public void Mint(IStateAccess state, ushort netuid, ulong amount)
    {
        if (amount != 0)
        {
            TotalAlphaIssuance.Mutate(state, netuid, v => Sat(v, amount));
        }
    }

    /// <summary><c>burn_alpha</c>: counts the burned alpha (issuance unchanged).</summary>
    public void Burn(IStateAccess state, ushort netuid, ulong amount)
    {
        if (amount != 0)
        {
            AlphaBurned.Mutate(state, netuid, v => Sat(v, amount));
        }
    }

    /// <summary><c>recycle_alpha</c>: counts the recycled alpha and lowers the issuance.</summary>
    public void Recycle(IStateAccess state, ushort netuid, ulong amount)
    {
        if (amount != 0)
        {
            AlphaRecycled.Mutate(state, netuid, v => Sat(v, amount));
            TotalAlphaIssuance.Mutate(state, netuid, v => v > amount ? v - amount : 0);
        }
    }

    private static ulong Sat(ulong a, ulong b) => ulong.MaxValue - a < b ? ulong.MaxValue : a + b;
}
