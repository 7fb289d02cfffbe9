using Subtensor.Core.Arithmetic;
using Subtensor.Core.Scale;
using Subtensor.Economics.Swap;
using Subtensor.Runtime.Framework.Codec;
using Subtensor.Runtime.Framework.TypeInfo;
using Subtensor.Runtime.State;
using static Subtensor.Runtime.Framework.TypeInfo.Ty;

namespace Subtensor.Runtime.Api;

/// <summary>
/// Subtensor's own runtime APIs this runtime offers: <c>SubnetRegistrationRuntimeApi</c> (the lock cost) and
/// <c>SwapRuntimeApi</c> (spot prices and swap simulations), as <c>runtime/src/lib.rs</c> implements them.
/// </summary>
public static class SubtensorApis
{
    public static readonly MetaType SimSwapResultType = Composite("pallet_subtensor_swap_runtime_api::SimSwapResult", [],
        Field("tao_amount", U64, "TaoBalance"), Field("alpha_amount", U64, "AlphaBalance"), Field("tao_fee", U64, "TaoBalance"),
        Field("alpha_fee", U64, "AlphaBalance"), Field("tao_slippage", U64, "TaoBalance"), Field("alpha_slippage", U64, "AlphaBalance"));

    public static readonly MetaType SubnetPriceType = Composite("pallet_subtensor_swap_runtime_api::SubnetPrice", [],
        Field("netuid", U16, "NetUid"), Field("price", U64, "u64"));

    public static IEnumerable<RuntimeApiDef> Build(SubtensorRuntime rt)
    {
        ArgumentNullException.ThrowIfNull(rt);
        var u16 = Codecs.U16;
        var u64 = Codecs.U64;
        var sim = new ScaleCodec<byte[]>(SimSwapResultType, (w, v) => w.WriteBytes(v), (ref ScaleReader r) => r.ReadBytes(r.Remaining).ToArray());
        var prices = new ScaleCodec<byte[]>(Vec(SubnetPriceType), (w, v) => w.WriteBytes(v), (ref ScaleReader r) => r.ReadBytes(r.Remaining).ToArray());
        yield return new RuntimeApiDef("SubnetRegistrationRuntimeApi", 1,
        [
            new RuntimeApiMethod("get_network_registration_cost", [], u64, (s, _) => u64.Encode(rt.SubtensorModule.NetworkLockCost(s)), []),
        ], []);
        yield return new RuntimeApiDef("SwapRuntimeApi", 1,
        [
            new RuntimeApiMethod("current_alpha_price", [("netuid", u16)], u64, (s, a) => u64.Encode(PriceRao(rt, s, u16.DecodeAll(a))), []),
            new RuntimeApiMethod("current_alpha_price_all", [], prices, (s, _) =>
            {
                var w = new ScaleWriter();
                var netuids = rt.SubtensorModule.AllSubnetNetuids(s);
                w.WriteCompact((uint)netuids.Count);
                foreach (var n in netuids)
                {
                    w.WriteU16(n).WriteU64(PriceRao(rt, s, n));
                }

                return w.ToArray();
            }, []),
            new RuntimeApiMethod("sim_swap_tao_for_alpha", [("netuid", u16), ("tao", u64)], sim, (s, a) =>
            {
                var (netuid, tao) = ReadNetuidAmount(a);
                return SimTaoForAlpha(rt, s, netuid, tao);
            }, []),
            new RuntimeApiMethod("sim_swap_alpha_for_tao", [("netuid", u16), ("alpha", u64)], sim, (s, a) =>
            {
                var (netuid, alpha) = ReadNetuidAmount(a);
                return SimAlphaForTao(rt, s, netuid, alpha);
            }, []),
        ], []);
    }

    /// <summary><c>current_alpha_price</c>: the spot price × 10^9, floored.</summary>
    public static ulong PriceRao(SubtensorRuntime rt, IStateAccess state, ushort netuid)
    {
        ArgumentNullException.ThrowIfNull(rt);
        return rt.Swap.CurrentPrice(state, netuid).SaturatingMul(U64F64.SaturatingFromNum(1_000_000_000UL)).SaturatingToU64();
    }

    /// <summary><c>sim_swap_tao_for_alpha</c>: paid-in TAO, alpha out, TAO fee, and the alpha lost to slippage against the spot price.</summary>
    public static byte[] SimTaoForAlpha(SubtensorRuntime rt, IStateAccess state, ushort netuid, ulong tao)
    {
        ArgumentNullException.ThrowIfNull(rt);
        var noSlippage = U64F64.SaturatingFromNum(tao).SafeDiv(rt.Swap.CurrentPrice(state, netuid)).SaturatingToU64();
        var r = rt.Swap.SimSwap(state, netuid, SwapDirection.Buy, tao);
        return r is null ? Result(0, 0, 0, 0, 0, 0) : Result(r.AmountPaidIn, r.AmountPaidOut, r.FeePaid, 0, 0, Sub(noSlippage, r.AmountPaidOut));
    }

    /// <summary><c>sim_swap_alpha_for_tao</c>: TAO out, paid-in alpha, alpha fee, and the TAO lost to slippage.</summary>
    public static byte[] SimAlphaForTao(SubtensorRuntime rt, IStateAccess state, ushort netuid, ulong alpha)
    {
        ArgumentNullException.ThrowIfNull(rt);
        var noSlippage = U64F64.SaturatingFromNum(alpha).SaturatingMul(rt.Swap.CurrentPrice(state, netuid)).SaturatingToU64();
        var r = rt.Swap.SimSwap(state, netuid, SwapDirection.Sell, alpha);
        return r is null ? Result(0, 0, 0, 0, 0, 0) : Result(r.AmountPaidOut, r.AmountPaidIn, 0, r.FeePaid, Sub(noSlippage, r.AmountPaidOut), 0);
    }

    private static (ushort, ulong) ReadNetuidAmount(byte[] args)
    {
        var r = new ScaleReader(args);
        var netuid = r.ReadU16();
        var amount = r.ReadU64();
        r.EnsureAtEnd();
        return (netuid, amount);
    }

    private static byte[] Result(ulong taoAmount, ulong alphaAmount, ulong taoFee, ulong alphaFee, ulong taoSlippage, ulong alphaSlippage) =>
        new ScaleWriter(48).WriteU64(taoAmount).WriteU64(alphaAmount).WriteU64(taoFee).WriteU64(alphaFee).WriteU64(taoSlippage).WriteU64(alphaSlippage).ToArray();

    private static ulong Sub(ulong a, ulong b) => a > b ? a - b : 0;
}
