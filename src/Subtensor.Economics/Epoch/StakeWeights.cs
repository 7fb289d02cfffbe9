using Subtensor.Core.Arithmetic;

namespace Subtensor.Economics.Epoch;

/// <summary>Epoch stake weights (<c>get_stake_weights_for_network</c>, <c>get_tao_weight</c>, the stake-threshold filter).</summary>
public static class StakeWeights
{
    /// <summary><c>get_tao_weight</c>: the stored u64 divided by u64::MAX in U96F32.</summary>
    public static U96F32 TaoWeight(ulong stored) =>
        U96F32.SaturatingFromNum(stored).SafeDiv(U96F32.SaturatingFromNum(ulong.MaxValue));

    /// <summary>Raw stake weight per UID: alpha + TaoWeight × root (I64F64, saturating), for UIDs 0..n−1.</summary>
    public static I64F64[] Raw(ReadOnlySpan<ulong> alphaStake, ReadOnlySpan<ulong> taoStake, ulong taoWeight, int n)
    {
        var weight = I64F64.SaturatingFrom(TaoWeight(taoWeight));
        var result = new I64F64[n];
        for (int uid = 0; uid < n; uid++)
        {
            var alpha = I64F64.SaturatingFromNum(uid < alphaStake.Length ? alphaStake[uid] : 0UL);
            var tao = I64F64.SaturatingFromNum(uid < taoStake.Length ? taoStake[uid] : 0UL);
            result[uid] = alpha.SaturatingAdd(tao.SaturatingMul(weight));
        }

        return result;
    }

    /// <summary>
    /// The epoch stake vector S: raw weights below <paramref name="stakeThreshold"/> (floored to u64) are zeroed except
    /// for the owner UID, then normalised in I64F64 and converted to I32F32.
    /// </summary>
    public static I32F32[] Normalized(ReadOnlySpan<I64F64> rawStake, ulong stakeThreshold, ushort? ownerUid)
    {
        var filtered = rawStake.ToArray();
        for (int uid = 0; uid < filtered.Length; uid++)
        {
            if (ownerUid != uid && filtered[uid].SaturatingToU64() < stakeThreshold)
            {
                filtered[uid] = I64F64.Zero;
            }
        }

        VectorMath.NormalizeInPlace(filtered.AsSpan());
        return filtered.Select(I32F32.SaturatingFrom).ToArray();
    }
}
