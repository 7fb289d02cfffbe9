using System.Numerics;
using Xunit.Abstractions;
using Subtensor.Core.Arithmetic;
using Subtensor.Core.Types;
using Subtensor.Runtime.Extrinsics;
using Subtensor.Runtime.Framework;
using Subtensor.Runtime.Pallets.Balances;
using Subtensor.Runtime.Pallets.SubtensorModule;
using Subtensor.Runtime.Primitives;
using Subtensor.Runtime.Tests.Support;

namespace Subtensor.Runtime.Tests.Pallets.SubtensorModule;

/// <summary>
/// A long random run of registrations, stakes, unstakes, moves, transfers, swaps and random weights between many coldkeys,
/// with the coinbase and epochs running every block (tempo 20). After every block: TAO is conserved to the RAO (minted
/// emission included), the alpha books balance (staked + burned + pending + protocol alpha + unclaimed root alpha, with
/// only the per-block and per-epoch flooring dust left over, bounded and non-negative), and each nominator's alpha equals
/// its shares times the pool ratio. Every failed call leaves the state exactly as it was.
/// </summary>
public class EconomyInvariantTests(ITestOutputHelper output)
{
    private const int Blocks = 1_000;
    private const int Coldkeys = 12;
    private const int Hotkeys = 16;

    private readonly EconomyChain _c = new();
    private readonly Random _rng = new(20_250_101);
    private readonly Dictionary<string, (int Ok, int Failed)> _tally = [];
    private readonly string[] _cold = Enumerable.Range(0, Coldkeys).Select(i => $"Cold{i}").ToArray();
    private readonly string[] _hot = Enumerable.Range(0, Hotkeys).Select(i => $"Hot{i}").ToArray();
    private readonly Dictionary<AccountId32, string> _ownerOfHot = [];
    private readonly List<ushort> _subnets = [1];
    private ulong _maxDust;
    private int _blocks;

    private static SubtensorRuntime Rt => EconomyChain.Rt;

    private SubtensorModulePallet St => _c.St;

    [Fact]
    public void Thousand_random_blocks_conserve_tao_balance_alpha_and_keep_failures_pure()
    {
        Setup();
        CheckInvariants(shares: true);
        for (var b = 0; b < Blocks; b++)
        {
            var ops = _rng.Next(1, 5);
            for (var i = 0; i < ops; i++)
            {
                RandomOp();
            }

            if (b % 50 == 25)
            {
                SimulatedEmissionGrowsEveryNominatorProRata();
            }

            CheckInvariants(shares: b % 10 == 0);
            _c.NextBlock();
            _blocks++;
            if (b % 10 == 0)
            {
                CheckInvariants(shares: false);
            }
        }

        CheckInvariants(shares: true);
        output.WriteLine(string.Join(Environment.NewLine, _tally.OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => $"{t.Key}: {t.Value.Ok} ok, {t.Value.Failed} failed")));
        output.WriteLine($"subnets {string.Join(',', _subnets)}; max flooring dust {_maxDust} RAO; epochs {string.Join(',', _subnets.Select(n => St.SubnetEpochIndex.Get(_c.State, n)))}");
        Assert.True(_subnets.All(n => St.SubnetEpochIndex.Get(_c.State, n) >= 10), "every subnet ran its epochs");
        Assert.True(_subnets.Any(n => St.Incentive.Get(_c.State, n).Any(i => i > 0)), "random weights earned incentive somewhere");
        Assert.True(St.RootAlphaDividendsPerSubnet.Iterate(_c.State).Any(), "root stakers earned root alpha dividends");
        Assert.True(St.RootClaimed.Iterate(_c.State).Any(e => e.Value > 0), "root dividends were claimed");
        foreach (var op in new[] { "set_weights", "add_stake", "remove_stake", "add_stake_limit", "remove_stake_limit", "move_stake", "transfer_stake", "swap_stake", "burned_register", "register_network", "signed" })
        {
            Assert.True(_tally.TryGetValue(op, out var t) && t.Ok >= 5, $"{op}: {(_tally.TryGetValue(op, out var x) ? x : default)}");
        }

        Assert.True(_tally.Values.Sum(t => t.Failed) >= 50, "the run should exercise failures too");
    }

    private void Setup()
    {
        _c.RootOk(_c.Admin("sudo_set_network_rate_limit", 0UL));
        var alice = EconomyChain.Acc("Alice");
        foreach (var cold in _cold)
        {
            Rt.Balances.Transfer(_c.State, alice, EconomyChain.Acc(cold), 50_000_000_000_000UL, Preservation.Preserve);
        }

        for (var i = 0; i < _hot.Length; i++)
        {
            _ownerOfHot[EconomyChain.Acc(_hot[i])] = _cold[i % _cold.Length];
        }

        EpochFriendly(1);

        // Root stake on half the hotkeys and a moving price above 1, so root alpha is kept as claimable dividends and
        // claimed automatically (sold for TAO and restaked on root) every block.
        for (var i = 0; i < _hot.Length; i += 2)
        {
            _c.Ok(_ownerOfHot[EconomyChain.Acc(_hot[i])], _c.Call("try_associate_hotkey", EconomyChain.Acc(_hot[i])));
            _c.Ok(_ownerOfHot[EconomyChain.Acc(_hot[i])], _c.Call("add_stake", EconomyChain.Acc(_hot[i]), (ushort)0, 50_000_000_000UL));
        }

        St.SubnetMovingPrice.Insert(_c.State, 1, Core.Arithmetic.I96F32.SaturatingFromNum(2UL));
        St.RootClaimableThreshold.Insert(_c.State, 1, Core.Arithmetic.I96F32.Zero);

        // Deepen subnet 1 so that random stakes move its price by a plausible amount.
        _c.Ok("Alice", _c.Call("add_stake", alice, (ushort)1, 2_000_000_000_000UL));
        _c.NextBlock();
    }

    private void RandomOp()
    {
        var cold = _cold[_rng.Next(_cold.Length)];
        var (hot, net) = _rng.Next(10) < 7 ? Position(cold) : (EconomyChain.Acc(_hot[_rng.Next(_hot.Length)]), Pick(_subnets));
        var roll = _rng.Next(100);
        switch (roll)
        {
            case < 18:
                Run("add_stake", cold, _c.Call("add_stake", hot, net, TaoAmount()));
                break;
            case < 30:
                Run("remove_stake", cold, _c.Call("remove_stake", hot, net, AlphaAmount(hot, cold, net)));
                break;
            case < 38:
                Run("add_stake_limit", cold, _c.Call("add_stake_limit", hot, net, TaoAmount(), LimitNear(net, 1.02), _rng.Next(2) == 0));
                break;
            case < 45:
                Run("remove_stake_limit", cold, _c.Call("remove_stake_limit", hot, net, AlphaAmount(hot, cold, net), LimitNear(net, 0.98), _rng.Next(2) == 0));
                break;
            case < 52:
                Run("move_stake", cold, _c.Call("move_stake", hot, EconomyChain.Acc(_hot[_rng.Next(_hot.Length)]), net, Pick(_subnets), AlphaAmount(hot, cold, net)));
                break;
            case < 58:
                Run("transfer_stake", cold, _c.Call("transfer_stake", EconomyChain.Acc(_cold[_rng.Next(_cold.Length)]), hot, net, Pick(_subnets), AlphaAmount(hot, cold, net)));
                break;
            case < 64:
                Run("swap_stake", cold, _c.Call("swap_stake", hot, net, Pick(_subnets), AlphaAmount(hot, cold, net)));
                break;
            case < 68:
                Run("swap_stake_limit", cold, _c.Call("swap_stake_limit", hot, net, Pick(_subnets), AlphaAmount(hot, cold, net), (ulong)_rng.NextInt64(1, 3_000_000_000), _rng.Next(2) == 0));
                break;
            case < 75:
                // Hotkeys are registered by the coldkey that owns them (others get NonAssociatedColdKey).
                Run("burned_register", _rng.Next(4) == 0 ? cold : _ownerOfHot[hot], _c.Call("burned_register", net, hot));
                break;
            case < 77:
                Run("remove_stake_full_limit", cold, _c.Call("remove_stake_full_limit", hot, net, _rng.Next(2) == 0 ? null : (ulong?)LimitNear(net, 0.9)));
                break;
            case < 78:
                var all = _rng.Next(2) == 0 ? "unstake_all" : "unstake_all_alpha";
                Run(all, cold, _c.Call(all, hot));
                break;
            case < 80:
                Run("recycle_alpha", cold, _c.Call("recycle_alpha", hot, AlphaAmount(hot, cold, net) / 10, net));
                break;
            case < 82:
                Run("burn_alpha", cold, _c.Call("burn_alpha", hot, AlphaAmount(hot, cold, net) / 10, net));
                break;
            case < 84:
                RegisterNetwork(cold, hot);
                break;
            case < 86:
                RandomWeights();
                break;
            case < 88:
                Run("transfer", cold, Rt.Balances.TransferKeepAlive.Create(MultiAddress.FromId(EconomyChain.Acc(_cold[_rng.Next(_cold.Length)])), TaoAmount()));
                break;
            default:
                Signed(cold, hot, net);
                break;
        }
    }

    /// <summary>Dispatches directly; a failure must leave every storage item untouched.</summary>
    private void Run(string op, string signer, RuntimeCall call)
    {
        var before = Snapshot();
        var r = _c.Do(signer, call);
        Count(op, r.IsOk);
        var same = before.SequenceEqual(Snapshot(), ChangeComparer.Instance);
        Assert.True(r.IsOk || same, $"{op} failed with {r.Error} but changed state");

        // The snapshot does see changes (a successful stake always writes).
        Assert.True(!(r.IsOk && op == "add_stake") || !same, "the snapshot missed a successful add_stake");
    }

    /// <summary>A signed extrinsic through the executive: the fee goes to the author, so TAO stays conserved either way.</summary>
    private void Signed(string cold, AccountId32 hot, ushort net)
    {
        var call = _rng.Next(2) == 0 ? _c.Call("add_stake", hot, net, TaoAmount()) : _c.Call("remove_stake", hot, net, AlphaAmount(hot, cold, net));
        var r = _c.Submit(cold, call);
        Assert.True(r.IsIncluded, $"signed extrinsic not included: {r}");
        Count("signed", r.IsSuccess);
    }

    private void RegisterNetwork(string cold, AccountId32 hot)
    {
        if (_subnets.Count >= 5)
        {
            Run("register_network", cold, _c.Call("register_network", hot));
            return;
        }

        var before = Snapshot();
        var r = _c.Do(_ownerOfHot[hot], _c.Call("register_network", hot));
        Count("register_network", r.IsOk);
        if (!r.IsOk)
        {
            Assert.True(before.SequenceEqual(Snapshot(), ChangeComparer.Instance), $"register_network failed with {r.Error} but changed state");
            return;
        }

        var netuid = (ushort)_c.EventsOf(SubtensorEvent.NetworkAdded).Last().Fields[0]!;
        _subnets.Add(netuid);
        Run("start_call", _ownerOfHot[hot], _c.Call("start_call", netuid));
        EpochFriendly(netuid);
    }

    /// <summary>Short tempo, commit-reveal off, no weights rate limit: the epochs of this run use plain set_weights.</summary>
    private void EpochFriendly(ushort netuid)
    {
        St.Tempo.Insert(_c.State, netuid, 20);
        St.CommitRevealWeightsEnabled.Insert(_c.State, netuid, false);
        St.WeightsSetRateLimit.Insert(_c.State, netuid, 0);
        St.MinAllowedWeights.Insert(_c.State, netuid, 1);
    }

    /// <summary>A registered hotkey sets random weights (sometimes invalid ones) on a random subnet.</summary>
    private void RandomWeights()
    {
        var net = Pick(_subnets);
        var n = St.SubnetworkN.Get(_c.State, net);
        if (n == 0)
        {
            return;
        }

        var hot = St.Keys.Get(_c.State, net, (ushort)_rng.Next(n));
        var count = _rng.Next(1, Math.Min((int)n, 8) + 1);
        var uids = Enumerable.Range(0, count).Select(_ => (ushort)_rng.Next(n + (_rng.Next(20) == 0 ? 2 : 0))).ToArray();
        var values = uids.Select(_ => (ushort)_rng.Next(65_536)).ToArray();
        var before = Snapshot();
        var r = Rt.Dispatch(_c.State, _c.Call("set_weights", net, uids, values, 0UL), Runtime.Framework.Dispatch.Origin.Signed(hot), bypassFilter: false);
        Count("set_weights", r.IsOk);
        Assert.True(r.IsOk || before.SequenceEqual(Snapshot(), ChangeComparer.Instance), $"set_weights failed with {r.Error} but changed state");
    }

    private void SimulatedEmissionGrowsEveryNominatorProRata()
    {
        // What the coinbase will do: credit a hotkey's pool (and AlphaOut) so every nominator grows pro rata.
        // Root pools are left alone: growing them by hand would inflate root stakers' claimable dividends.
        var pools = St.TotalHotkeyAlpha.Iterate(_c.State).Where(p => p.Value > 1_000_000 && p.Key2 != 0).ToList();
        if (pools.Count == 0)
        {
            return;
        }

        var (hot, net, total) = pools[_rng.Next(pools.Count)];
        var emission = (ulong)_rng.NextInt64(1, (long)Math.Min(total, 1_000_000_000_000UL));
        var stakers = St.AlphaV2.IteratePrefix(_c.State, hot).Where(x => x.K3 == net).Select(x => x.K2).ToList();
        var exactBefore = stakers.ToDictionary(c => c, c => ExactValue(hot, c, net));
        St.IncreaseHotkeyStake(_c.State, hot, net, emission);
        St.SubnetAlphaOut.Mutate(_c.State, net, v => v + emission);
        foreach (var cold in stakers)
        {
            // value' = value · (T + e) / T, floored, within one RAO of the share pool's SafeFloat arithmetic.
            var (num, den) = exactBefore[cold];
            var expected = num * (total + emission) / (den * total);
            var got = St.Stake(_c.State, hot, cold, net);
            Assert.True(BigInteger.Abs(expected - got) <= 1, $"pro-rata growth: expected {expected}, got {got}");
        }
    }

    private void CheckInvariants(bool shares)
    {
        var state = _c.State;

        // TAO: every balance adds up to the issuance, and Subtensor's issuance agrees with it to the RAO.
        UInt128 sum = 0;
        foreach (var (_, info) in Rt.System.Account.Iterate(state))
        {
            sum += (UInt128)info.Data.Free + info.Data.Reserved;
        }

        var issuance = Rt.Balances.TotalIssuance.Get(state);
        Assert.Equal((UInt128)issuance, sum);
        Assert.Equal(issuance, St.TotalIssuance.Get(state));

        foreach (var net in St.NetworksAdded.Iterate(state).Where(n => n.Value).Select(n => n.Key))
        {
            // The pool's TAO is held by the subnet's account.
            var account = Rt.Balances.FreeBalance(state, SubtensorModulePallet.SubnetAccount(net));
            Assert.True(account >= St.SubnetTAO.Get(state, net), $"subnet {net}: account {account} < SubnetTAO {St.SubnetTAO.Get(state, net)}");

            // Alpha: what left the pool is staked somewhere or burned.
            ulong staked = 0;
            foreach (var (_, n, v) in St.TotalHotkeyAlpha.Iterate(state))
            {
                staked += n == net ? v : 0;
            }

            // Alpha: what left the pool is staked, burned, pending, bought by the protocol or claimable by root stakers;
            // the remainder is flooring dust of the per-block split and the epoch payouts.
            ulong pending = St.PendingServerEmission.Get(state, net) + St.PendingValidatorEmission.Get(state, net)
                + St.PendingRootAlphaDivs.Get(state, net) + St.PendingOwnerCut.Get(state, net);
            var accounted = staked + Rt.AlphaAssets.AlphaBurned.Get(state, net) + pending + St.SubnetProtocolAlpha.Get(state, net) + RootOwed(net);
            var alphaOut = St.SubnetAlphaOut.Get(state, net);

            // Each root staker's owed alpha is rate × stake floored after claims and stake changes, so their sum may
            // exceed what was set aside by up to one RAO per root staker.
            var rootStakers = (ulong)St.AlphaV2.Iterate(state).Count(x => x.K3 == 0);
            var lowest = accounted > rootStakers ? accounted - rootStakers : 0;
            Assert.True(alphaOut >= lowest, $"b{_blocks} subnet {net}: AlphaOut {alphaOut} < accounted {accounted}: staked {staked} burned {Rt.AlphaAssets.AlphaBurned.Get(state, net)} pending {pending} protocol {St.SubnetProtocolAlpha.Get(state, net)} root {RootOwed(net)} epoch {St.SubnetEpochIndex.Get(state, net)}");
            var dust = alphaOut > accounted ? alphaOut - accounted : 0;
            _maxDust = Math.Max(_maxDust, dust);
            var uids = (ulong)St.SubnetworkN.Get(state, net) + 1;
            // Flooring only: per epoch a few RAO per UID, plus the I96F32 root-claimable rate (2^-32 per unit of root
            // stake) times each root staker's stake.
            ulong rootFloor = 2;
            foreach (var (hot, _) in St.RootClaimable.Iterate(state))
            {
                rootFloor += (St.HotkeyStake(state, hot, 0) >> 32) + 2;
            }

            var bound = (2 * uids + rootFloor) * (St.SubnetEpochIndex.Get(state, net) + 1);
            Assert.True(dust <= bound, $"subnet {net}: {dust} RAO unaccounted (bound {bound})");
        }

        if (shares)
        {
            CheckShareValues();
        }
    }

    /// <summary>Root alpha dividends of a subnet not yet claimed: Σ rate × root stake − claimed over root stakers.</summary>
    private ulong RootOwed(ushort net)
    {
        ulong owed = 0;
        foreach (var (hot, rates) in St.RootClaimable.Iterate(_c.State))
        {
            if (rates.All(r => r.NetUid != net))
            {
                continue;
            }

            foreach (var cold in St.AlphaV2.IteratePrefix(_c.State, hot).Where(x => x.K3 == 0).Select(x => x.K2))
            {
                owed += St.RootOwed(_c.State, hot, cold, net);
            }
        }

        return owed;
    }

    private void CheckShareValues()
    {
        var state = _c.State;
        var perPool = new Dictionary<(AccountId32, ushort), (ulong Sum, int Count)>();
        foreach (var (hot, cold, net, _) in St.AlphaV2.Iterate(state))
        {
            var (num, den) = ExactValue(hot, cold, net);
            var value = St.Stake(state, hot, cold, net);
            if (den.IsZero)
            {
                // An emptied pool (denominator reset) may keep zero-share entries; they must be worth nothing.
                Assert.True(num.IsZero && value == 0, $"a share entry of {hot}/{cold} on {net} outlived its pool: value {value}");
                continue;
            }

            var exact = num / den;
            Assert.True(BigInteger.Abs(exact - value) <= 1, $"shares x ratio = {exact}, value {value}");
            perPool[(hot, net)] = perPool.TryGetValue((hot, net), out var p) ? (p.Sum + value, p.Count + 1) : (value, 1);
        }

        foreach (var ((hot, net), (sumValues, count)) in perPool)
        {
            var total = St.TotalHotkeyAlpha.Get(state, hot, net);
            Assert.InRange(total, sumValues, sumValues + (ulong)count);
        }
    }

    /// <summary>TotalHotkeyAlpha · share / denominator as an exact fraction (numerator, denominator).</summary>
    private (BigInteger Num, BigInteger Den) ExactValue(AccountId32 hot, AccountId32 cold, ushort net)
    {
        var share = St.AlphaV2.Get(_c.State, hot, cold, net);
        var denominator = St.Denominator(_c.State, hot, net);
        var total = (BigInteger)St.TotalHotkeyAlpha.Get(_c.State, hot, net);
        var num = total * (BigInteger)share.Mantissa;
        var den = (BigInteger)denominator.Mantissa;
        var e = share.Exponent - denominator.Exponent;
        return e >= 0 ? (num * BigInteger.Pow(10, (int)e), den) : (num, den * BigInteger.Pow(10, (int)-e));
    }

    private List<KeyValuePair<byte[], byte[]?>> Snapshot() =>
        _c.Chain.State.TopChanges.Select(kv => new KeyValuePair<byte[], byte[]?>(kv.Key.ToArray(), kv.Value?.ToArray())).ToList();

    private void Count(string op, bool ok)
    {
        var t = _tally.GetValueOrDefault(op);
        _tally[op] = ok ? (t.Ok + 1, t.Failed) : (t.Ok, t.Failed + 1);
    }

    /// <summary>A (hotkey, subnet) where the coldkey holds stake, or a random pair when it holds none.</summary>
    private (AccountId32 Hot, ushort Net) Position(string cold)
    {
        var coldkey = EconomyChain.Acc(cold);
        var held = St.StakingHotkeys.Get(_c.State, coldkey)
            .SelectMany(h => _subnets.Where(n => St.Stake(_c.State, h, coldkey, n) != 0).Select(n => (h, n)))
            .ToList();
        return held.Count != 0 ? held[_rng.Next(held.Count)] : (EconomyChain.Acc(_hot[_rng.Next(_hot.Length)]), Pick(_subnets));
    }

    private ushort Pick(List<ushort> list) => list[_rng.Next(list.Count)];

    /// <summary>TAO amounts spread over five orders of magnitude (some below the minimum stake).</summary>
    private ulong TaoAmount() => (ulong)Math.Pow(10, 5 + (_rng.NextDouble() * 7));

    /// <summary>Mostly a fraction of what the coldkey holds, sometimes more than it holds, sometimes zero.</summary>
    private ulong AlphaAmount(AccountId32 hot, string cold, ushort net)
    {
        var held = St.Stake(_c.State, hot, EconomyChain.Acc(cold), net);
        return _rng.Next(10) switch
        {
            0 => held + 1 + (ulong)_rng.Next(1_000_000),
            1 => held,
            2 => 0,
            _ => (ulong)(held * _rng.NextDouble()),
        };
    }

    /// <summary>A limit price (RAO per alpha) near the spot price times <paramref name="factor"/>, jittered.</summary>
    private ulong LimitNear(ushort net, double factor)
    {
        var price = (double)Rt.Swap.CurrentPrice(_c.State, net).SaturatingMul(U64F64.SaturatingFromNum(1_000_000_000UL)).SaturatingToU64();
        return (ulong)Math.Max(1, price * factor * (0.97 + (_rng.NextDouble() * 0.06)));
    }

    private sealed class ChangeComparer : IEqualityComparer<KeyValuePair<byte[], byte[]?>>
    {
        public static readonly ChangeComparer Instance = new();

        public bool Equals(KeyValuePair<byte[], byte[]?> x, KeyValuePair<byte[], byte[]?> y) =>
            x.Key.AsSpan().SequenceEqual(y.Key) && (x.Value is null ? y.Value is null : y.Value is not null && x.Value.AsSpan().SequenceEqual(y.Value));

        public int GetHashCode(KeyValuePair<byte[], byte[]?> obj) => obj.Key.Length;
    }
}
