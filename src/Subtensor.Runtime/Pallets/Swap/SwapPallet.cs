using Subtensor.Core.Arithmetic;
using Subtensor.Core.Hashing;
using Subtensor.Core.Scale;
using Subtensor.Economics.Swap;
using Subtensor.Runtime.Framework;
using Subtensor.Runtime.Framework.Codec;
using Subtensor.Runtime.Framework.Dispatch;
using Subtensor.Runtime.Framework.Storage;
using Subtensor.Runtime.Framework.TypeInfo;
using Subtensor.Runtime.Pallets.FrameSystem;
using Subtensor.Runtime.Pallets.SubtensorModule;
using Subtensor.Runtime.State;
using static Subtensor.Runtime.Framework.TypeInfo.Ty;

namespace Subtensor.Runtime.Pallets.Swap;

/// <summary>
/// pallet_subtensor_swap (index 28): the weighted ("Balancer") pool of each dynamic subnet — fee rate, pool weights and
/// lazy initialisation — and the swap engine pallet_subtensor calls (<c>pallets/swap/src/pallet/{mod,impls}.rs</c>). The
/// reserves themselves are pallet_subtensor's <c>SubnetTAO</c> / <c>SubnetAlphaIn</c>; the math is
/// <see cref="PoolSwap"/> / <see cref="BalancerPool"/>.
/// </summary>
public sealed class SwapPallet : Pallet
{
    /// <summary><c>SwapMaxFeeRate</c>: 10_000 / 65535 ≈ 15.26 %.</summary>
    public const ushort MaxFeeRate = 10_000;

    public const ulong MinimumLiquidity = 1_000;

    public const ulong MinimumReserve = PoolSwap.DefaultMinimumReserve;

    private readonly SubtensorModulePallet _subtensor;
    private readonly ErrorDef[] _errors;

    public SwapPallet(SubtensorModulePallet subtensor)
        : base("Swap", 28, "pallet_subtensor_swap")
    {
        _subtensor = subtensor ?? throw new ArgumentNullException(nameof(subtensor));
        var perquintill = Composite("sp_arithmetic::per_things::Perquintill", [], Field(null, U64, "u64"));
        var balancerType = Composite("pallet_subtensor_swap::pallet::balancer::Balancer", [], Field("quote", perquintill, "Perquintill"));
        var balancer = new ScaleCodec<BalancerPool>(balancerType, (w, v) => w.WriteU64(v.QuoteWeight.Parts),
            (ref ScaleReader r) => BalancerPool.Create(Perquintill.FromParts(r.ReadU64())) ?? BalancerPool.Default);
        FeeRate = Map("FeeRate", StorageHasher.Twox64Concat, Codecs.U16, Codecs.U16, PoolSwap.DefaultFeeRate,
            " The fee rate applied to swaps per subnet, normalized value between 0 and u16::MAX");
        SwapBalancer = Map("SwapBalancer", StorageHasher.Twox64Concat, Codecs.U16, balancer, BalancerPool.Default, " u64-normalized reserve weight");
        PalSwapInitialized = Map("PalSwapInitialized", StorageHasher.Twox64Concat, Codecs.U16, Codecs.Bool, false,
            " Storage to determine whether balancer swap was initialized for a specific subnet.");
        Map("HasMigrationRun", StorageHasher.Identity, Codecs.Bytes.As(BoundedVec(U8, "128")), Codecs.Bool, false, " --- Storage for migration run status");
        ScrapReservoirAlpha = Map("ScrapReservoirAlpha", StorageHasher.Twox64Concat, Codecs.U16, Codecs.U64, 0UL, " Alpha reservoir for scraps of protocol claimed fees.");

        FeeRateSetEvent = Event(0, "FeeRateSet", Arg("netuid", Codecs.U16, "NetUid"), Arg("rate", Codecs.U16, "u16"));
        string[] errors = ["FeeRateTooHigh", "InsufficientInputAmount", "InsufficientLiquidity", "PriceLimitExceeded", "InsufficientBalance",
            "InvalidTickRange", "InvalidLiquidityValue", "ReservesTooLow", "MechanismDoesNotExist", "SubtokenDisabled", "ReservesOutOfBalance",
            "SwapInputTooLarge", "Deprecated"];
        _errors = errors.Select((e, i) => Error((byte)i, e)).ToArray();

        var tickIndex = new ScaleCodec<int>(Composite("pallet_subtensor_swap::pallet::TickIndex", [], Field(null, Prim(Metadata.Portable.PrimitiveKind.I32), "i32")),
            (w, v) => w.WriteI32(v), (ref ScaleReader r) => r.ReadI32());
        var positionId = Codecs.U128.As(Composite("pallet_subtensor_swap::pallet::PositionId", [], Field(null, U128, "u128")));
        var netuid = Arg("netuid", Codecs.U16, "NetUid");
        DispatchInfo Deprecated(CallArgs _) => Normal(Weight.FromRefTime(15_000_000));
        DispatchOutcome Fail(IStateAccess s, Origin o, CallArgs a) => throw Err(12);

        SetFeeRate = Call(0, "set_fee_rate", [netuid, Arg("rate", Codecs.U16, "u16")],
            _ => Normal(Weight.FromParts(15_063_000, 3994).SaturatingAdd(SystemPallet.DbReads(1)).SaturatingAdd(SystemPallet.DbWrites(1))),
            (s, o, a) =>
            {
                o.EnsureRoot();
                var n = a.Get<ushort>(0);
                var rate = a.Get<ushort>(1);
                if (!_subtensor.NetworksAdded.Get(s, n))
                {
                    throw Err(8);
                }

                if (rate > MaxFeeRate)
                {
                    throw Err(0);
                }

                FeeRate.Insert(s, n, rate);
                Deposit(s, FeeRateSetEvent, n, rate);
                return DispatchOutcome.Ok();
            },
            "Set the fee rate for swaps on a specific subnet (normalized value).");
        Call(1, "add_liquidity", [Arg("hotkey", Codecs.AccountId, "T::AccountId"), Arg("netuid", Codecs.U16, "NetUid"), Arg("tick_low", tickIndex, "TickIndex"),
            Arg("tick_high", tickIndex, "TickIndex"), Arg("liquidity", Codecs.U64, "u64")], Deprecated, Fail, "DEPRECATED");
        Call(2, "remove_liquidity", [Arg("hotkey", Codecs.AccountId, "T::AccountId"), Arg("netuid", Codecs.U16, "NetUid"), Arg("position_id", positionId, "PositionId")],
            Deprecated, Fail, "DEPRECATED");
        Call(3, "modify_position", [Arg("hotkey", Codecs.AccountId, "T::AccountId"), Arg("netuid", Codecs.U16, "NetUid"), Arg("position_id", positionId, "PositionId"),
            Arg("liquidity_delta", SubtensorTypes.I64Codec, "i64")], Deprecated, Fail, "DEPRECATED");
        Call(4, "toggle_user_liquidity", [Arg("netuid", Codecs.U16, "NetUid"), Arg("enable", Codecs.Bool, "bool")], Deprecated, Fail, "DEPRECATED");
        Call(5, "disable_lp", [], Deprecated, Fail, "DEPRECATED");

        Constant("ProtocolId", Codecs.FixedBytes(8).As(Composite("frame_support::PalletId", [], Field(null, Array(8, U8), "[u8; 8]"))), "ten/swap"u8.ToArray(),
            " This type is used to derive protocol accoun ID.");
        Constant("MaxFeeRate", Codecs.U16, MaxFeeRate, " The maximum fee rate that can be set");
        Constant("MinimumLiquidity", Codecs.U64, MinimumLiquidity, " Minimum liquidity that is safe for rounding and integer math.");
        Constant("MinimumReserve", Codecs.U64.As(Composite("NonZeroU64", [], Field(null, U64))), MinimumReserve, " Minimum reserve for tao and alpha");
    }

    public StorageMap<ushort, ushort> FeeRate { get; }

    public StorageMap<ushort, BalancerPool> SwapBalancer { get; }

    public StorageMap<ushort, bool> PalSwapInitialized { get; }

    public StorageMap<ushort, ulong> ScrapReservoirAlpha { get; }

    public CallDef SetFeeRate { get; }

    public EventDef FeeRateSetEvent { get; }

    public ErrorDef ErrorOf(SwapError e) => e switch
    {
        SwapError.SwapInputTooLarge => _errors[11],
        SwapError.ReservesTooLow => _errors[7],
        SwapError.PriceLimitExceeded => _errors[3],
        SwapError.InsufficientLiquidity => _errors[2],
        _ => throw new ArgumentOutOfRangeException(nameof(e)),
    };

    /// <summary><c>current_price</c>: the Balancer price of a dynamic subnet (0 without alpha reserve), 1 otherwise.</summary>
    public U64F64 CurrentPrice(IStateAccess state, ushort netuid)
    {
        if (_subtensor.SubnetMechanism.Get(state, netuid) != 1)
        {
            return U64F64.One;
        }

        var alpha = _subtensor.SubnetAlphaIn.Get(state, netuid);
        return alpha == 0 ? U64F64.Zero : SwapBalancer.Get(state, netuid).Price(alpha, _subtensor.SubnetTAO.Get(state, netuid));
    }

    /// <summary><c>calculate_fee_amount</c>: the fee a dynamic subnet takes on an input (0 for other mechanisms).</summary>
    public ulong ApproxFee(IStateAccess state, ushort netuid, ulong amount) =>
        _subtensor.SubnetMechanism.Get(state, netuid) == 1 ? PoolSwap.Fee(amount, FeeRate.Get(state, netuid), false) : 0;

    /// <summary>
    /// <c>SwapEngine::swap</c> on a dynamic subnet: the pool as the swap sees it after lazy initialisation (w2 = 0.5 when
    /// not yet initialised), the engine's checks and outcome, and the initialisation written unless
    /// <paramref name="simulate"/>. Failures are the pallet's errors.
    /// </summary>
    public SwapOutcome Swap(IStateAccess state, ushort netuid, SwapDirection direction, ulong amount, ulong priceLimitRao, bool dropFees, bool simulate)
    {
        var pool = PoolFor(state, netuid);
        var result = PoolSwap.Swap(pool, direction, amount, PoolSwap.LimitPrice(priceLimitRao), dropFees, simulate, MinimumReserve);
        if (!result.IsSuccess)
        {
            throw ErrorOf(result.Error).Exception();
        }

        if (!simulate && !PalSwapInitialized.Get(state, netuid))
        {
            SwapBalancer.Insert(state, netuid, BalancerPool.Default);
            PalSwapInitialized.Insert(state, netuid, true);
        }

        return result.Outcome!;
    }

    /// <summary>
    /// <c>sim_swap</c>: a rolled-back swap at the order's default price limit (the maximum price for buys, the minimum for
    /// sells) on a dynamic subnet; 1:1 without fee otherwise (0 for a subnet that does not exist). Null where the swap
    /// would fail.
    /// </summary>
    public SwapOutcome? SimSwap(IStateAccess state, ushort netuid, SwapDirection direction, ulong amount)
    {
        if (_subtensor.SubnetMechanism.Get(state, netuid) == 1)
        {
            var limit = direction == SwapDirection.Buy ? PoolSwap.MaxPriceRao : PoolSwap.MinPriceRao;
            var result = PoolSwap.Swap(PoolFor(state, netuid), direction, amount, PoolSwap.LimitPrice(limit), false, true, MinimumReserve);
            return result.IsSuccess ? result.Outcome : null;
        }

        var actual = _subtensor.NetworksAdded.Get(state, netuid) ? amount : 0;
        return PoolSwap.StableSwap(actual);
    }

    /// <summary><c>maybe_initialize_palswap</c> with an optional target price (ReservesOutOfBalance when it cannot be met).</summary>
    public void MaybeInitialize(IStateAccess state, ushort netuid, U64F64? price)
    {
        if (PalSwapInitialized.Get(state, netuid))
        {
            return;
        }

        var tao = _subtensor.SubnetTAO.Get(state, netuid);
        var alpha = _subtensor.SubnetAlphaIn.Get(state, netuid);
        var pool = price is { } p ? BalancerPool.ForPrice(p, tao, alpha) : BalancerPool.Default;
        if (pool is not { } b)
        {
            throw Err(10);
        }

        SwapBalancer.Insert(state, netuid, b);
        PalSwapInitialized.Insert(state, netuid, true);
    }

    /// <summary><c>do_clear_protocol_liquidity</c>: empties the reserves and forgets the pool state of a dissolved subnet.</summary>
    public void ClearProtocolLiquidity(IStateAccess state, ushort netuid)
    {
        if (_subtensor.SubnetTAO.Get(state, netuid) != 0)
        {
            _subtensor.SubnetTAO.Insert(state, netuid, 0);
        }

        if (_subtensor.SubnetAlphaIn.Get(state, netuid) != 0)
        {
            _subtensor.SubnetAlphaIn.Insert(state, netuid, 0);
        }
        PalSwapInitialized.Remove(state, netuid);
        FeeRate.Remove(state, netuid);
        SwapBalancer.Remove(state, netuid);
    }

    private PoolState PoolFor(IStateAccess state, ushort netuid)
    {
        var balancer = PalSwapInitialized.Get(state, netuid) ? SwapBalancer.Get(state, netuid) : BalancerPool.Default;
        return new PoolState(_subtensor.SubnetTAO.Get(state, netuid), _subtensor.SubnetAlphaIn.Get(state, netuid), balancer, FeeRate.Get(state, netuid));
    }

    private DispatchException Err(int index) => _errors[index].Exception();
}
