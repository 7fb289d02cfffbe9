namespace Subtensor.Economics.Subnets;

/// <summary>
/// The TAO pot of a dissolved subnet split pro rata by alpha value (<c>destroy_alpha_in_out_stakes</c>): each holder gets
/// floor(pot·v/Σv) (u128, capped at u64::MAX); the remaining RAO go one each to the largest remainders (a stable sort,
/// so ties keep their order). The protocol's alpha (pool and protocol-owned) takes part as the last entry.
/// </summary>
public static class DissolveDistribution
{
    /// <summary>Shares of <paramref name="pot"/> for <paramref name="values"/> (the protocol entry included), in input order.</summary>
    public static ulong[] Split(ulong pot, IReadOnlyList<UInt128> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var shares = new ulong[values.Count];
        UInt128 total = 0;
        foreach (var v in values)
        {
            total = UInt128.MaxValue - total < v ? UInt128.MaxValue : total + v;
        }

        if (pot == 0 || total == 0)
        {
            return shares;
        }

        var remainders = new UInt128[values.Count];
        UInt128 distributed = 0;
        for (var i = 0; i < values.Count; i++)
        {
            var product = SaturatingMul(pot, values[i]);
            var share = product / total;
            shares[i] = share > ulong.MaxValue ? ulong.MaxValue : (ulong)share;
            distributed += shares[i];
            remainders[i] = product % total;
        }

        UInt128 leftover = pot > distributed ? (UInt128)pot - distributed : 0;
        if (leftover > 0)
        {
            var order = Enumerable.Range(0, values.Count).OrderByDescending(i => remainders[i]).ToArray();
            var give = (int)UInt128.Min(leftover, (UInt128)order.Length);
            for (var k = 0; k < give; k++)
            {
                shares[order[k]] = shares[order[k]] == ulong.MaxValue ? ulong.MaxValue : shares[order[k]] + 1;
            }
        }

        return shares;
    }

    private static UInt128 SaturatingMul(UInt128 a, UInt128 b) => a != 0 && b > UInt128.MaxValue / a ? UInt128.MaxValue : a * b;
}
