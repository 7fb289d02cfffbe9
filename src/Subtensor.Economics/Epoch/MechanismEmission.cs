using Subtensor.Core.Arithmetic;

namespace Subtensor.Economics.Epoch;

/// <summary>
/// Sub-subnet (mechanism) handling of <c>subnets/mechanism.rs</c>: splitting a subnet's epoch emission across mechanisms
/// and merging their per-UID results.
/// </summary>
public static class MechanismEmission
{
    /// <summary>
    /// <c>split_emissions</c>: floor(E × s_m / 65535) per mechanism with an explicit split, else floor(E / count);
    /// padded or trimmed to the mechanism count, with the rounding remainder added to mechanism 0.
    /// </summary>
    public static ulong[] Split(ulong emission, int mechanismCount, IReadOnlyList<ushort>? split)
    {
        var result = new ulong[Math.Max(mechanismCount, 0)];
        if (split is not null)
        {
            for (int m = 0; m < result.Length && m < split.Count; m++)
            {
                result[m] = (ulong)((UInt128)emission * split[m] / ushort.MaxValue);
            }
        }
        else if (mechanismCount > 0)
        {
            Array.Fill(result, emission / (ulong)mechanismCount);
        }

        UInt128 assigned = 0;
        foreach (var e in result)
        {
            assigned += e;
        }

        if (result.Length > 0 && assigned < emission)
        {
            result[0] += emission - (ulong)assigned;
        }

        return result;
    }

    /// <summary>
    /// The per-UID merge of <c>epoch_with_mechanisms</c>: server/validator emission and stake add up; dividend, stake
    /// weight, emission, consensus and validator trust accumulate weighted by E_m / E (U64F64, floored); incentive is
    /// taken (weighted) from the first mechanism only, as Subtensor's fold does; booleans are OR-ed.
    /// </summary>
    public static MergedEpochTerms Merge(IReadOnlyList<EpochOutput> outputs, IReadOnlyList<ulong> mechanismEmission, ulong totalEmission)
    {
        ArgumentNullException.ThrowIfNull(outputs);
        ArgumentNullException.ThrowIfNull(mechanismEmission);
        int n = outputs.Count == 0 ? 0 : outputs[0].Incentive.Length;
        var merged = new MergedEpochTerms(n);
        for (int m = 0; m < outputs.Count; m++)
        {
            var weight = U64F64.SaturatingFromNum(mechanismEmission[m])
                .SafeDivOr(U64F64.SaturatingFromNum(totalEmission), m == 0 ? U64F64.One : U64F64.Zero);
            var o = outputs[m];
            for (int uid = 0; uid < n; uid++)
            {
                merged.ServerEmission[uid] = Add(merged.ServerEmission[uid], o.ServerEmission[uid]);
                merged.ValidatorEmission[uid] = Add(merged.ValidatorEmission[uid], o.ValidatorEmission[uid]);
                merged.Stake[uid] = m == 0 ? o.Stake[uid] : Add(merged.Stake[uid], o.Stake[uid]);
                merged.Dividends[uid] = WeightedU16(merged.Dividends[uid], o.Dividends[uid], weight);
                merged.StakeWeight[uid] = WeightedU16(merged.StakeWeight[uid], o.StakeWeight[uid], weight);
                merged.Consensus[uid] = WeightedU16(merged.Consensus[uid], o.Consensus[uid], weight);
                merged.ValidatorTrust[uid] = WeightedU16(merged.ValidatorTrust[uid], o.ValidatorTrust[uid], weight);
                merged.Emission[uid] = WeightedU64(merged.Emission[uid], o.Emission[uid], weight);
                if (m == 0)
                {
                    merged.Incentive[uid] = WeightedU16(0, o.Incentive[uid], weight);
                }

                merged.Active[uid] |= o.Active[uid];
                merged.NewValidatorPermit[uid] |= o.NewValidatorPermit[uid];
            }
        }

        return merged;
    }

    /// <summary><c>weighted_acc_u16</c>: existing + added × weight (U64F64), floored to u16.</summary>
    public static ushort WeightedU16(ushort existing, ushort added, U64F64 weight) =>
        U64F64.SaturatingFromNum(existing).SaturatingAdd(U64F64.SaturatingFromNum(added).SaturatingMul(weight)).SaturatingToU16();

    /// <summary><c>weighted_acc_alpha</c>: existing + added × weight (U64F64), floored to u64.</summary>
    public static ulong WeightedU64(ulong existing, ulong added, U64F64 weight) =>
        U64F64.SaturatingFromNum(existing).SaturatingAdd(U64F64.SaturatingFromNum(added).SaturatingMul(weight)).SaturatingToU64();

    private static ulong Add(ulong a, ulong b) => ulong.MaxValue - a < b ? ulong.MaxValue : a + b;
}
