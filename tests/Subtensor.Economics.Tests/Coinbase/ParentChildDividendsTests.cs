using Subtensor.Core.Arithmetic;
using Subtensor.Economics.Coinbase;

namespace Subtensor.Economics.Tests.Coinbase;

/// <summary><see cref="ParentChildDividends"/>: shares by contributed stake weight, child take and CKBurn on other coldkeys.</summary>
public class ParentChildDividendsTests
{
    private static U96F32 U(ulong v) => U96F32.SaturatingFromNum(v);

    [Fact]
    public void Without_parents_the_hotkey_keeps_everything()
    {
        var split = ParentChildDividends.Compute(1_000_000, U(5), [], 0, 0);
        Assert.Equal(1_000_000UL, split.ToHotkey);
        Assert.Empty(split.ToParents);
    }

    [Fact]
    public void Same_coldkey_parent_gets_its_contributed_share_without_take()
    {
        // Parent contributes 300 of 400 stake weight: 3/4 of 1_000_000.
        var split = ParentChildDividends.Compute(1_000_000, U(100), [new(U(300), SameColdkey: true)], childkeyTake: 11_796, ckBurn: ulong.MaxValue);
        Assert.Equal(750_000UL, split.ToParents[0]);
        Assert.Equal(250_000UL, split.ToHotkey);
        Assert.Equal(0UL, split.Burned);
    }

    [Fact]
    public void Other_coldkey_parent_pays_the_child_take_and_ckburn()
    {
        // Parent share 500_000; take 32_767/65_535 ≈ 0.49999 of it stays with the child; CKBurn 1/4 is recycled.
        var split = ParentChildDividends.Compute(1_000_000, U(1), [new(U(1), SameColdkey: false)], childkeyTake: 32_767, ckBurn: ulong.MaxValue / 4);
        Assert.Equal(124_999UL, split.Burned);
        Assert.Equal(125_004UL, split.ToParents[0]); // 500_000 − 249_996.18 (take) − 124_999 (burn), floored
        Assert.Equal(1_000_000UL, split.ToParents[0] + split.ToHotkey + split.Burned);
    }

    [Fact]
    public void Amounts_always_add_up_to_the_dividend()
    {
        var random = new Random(7);
        for (var i = 0; i < 200; i++)
        {
            var parents = Enumerable.Range(0, random.Next(0, 5)).Select(_ => new ParentChildDividends.Parent(U((ulong)random.NextInt64(0, 1_000_000_000_000)), random.Next(2) == 0)).ToList();
            var d = (ulong)random.NextInt64(0, 10_000_000_000);
            var split = ParentChildDividends.Compute(d, U((ulong)random.NextInt64(0, 1_000_000_000_000)), parents, (ushort)random.Next(0, 11_797), (ulong)random.NextInt64());
            Assert.Equal(d, split.ToParents.Aggregate(0UL, (a, b) => a + b) + split.ToHotkey + split.Burned);
        }
    }
}
