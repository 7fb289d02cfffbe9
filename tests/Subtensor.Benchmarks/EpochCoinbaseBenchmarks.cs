using BenchmarkDotNet.Attributes;
using Subtensor.Core.Arithmetic;
using Subtensor.Core.Types;
using Subtensor.Runtime;
using Subtensor.Runtime.Genesis;
using Subtensor.Runtime.Pallets.SubtensorModule;
using Subtensor.Runtime.Primitives;
using Subtensor.Runtime.State;
using Subtensor.Trie;

namespace Subtensor.Benchmarks;

/// <summary>
/// The pallet side of the epoch on the dev chain's state: one Yuma epoch read from and written to storage for a subnet of
/// 256 / 1,024 / 4,096 UIDs with dense weights (the pure kernel alone: <see cref="EconomicsBenchmarks"/>; the block
/// coinbase: <see cref="CoinbaseBenchmarks"/>). Each iteration runs in a storage layer that is rolled back.
/// </summary>
[MemoryDiagnoser]
public class EpochCoinbaseBenchmarks
{
    internal static readonly SubtensorRuntime Rt = new();
    private OverlayedState _state = null!;

    [Params(256, 1024, 4096)]
    public int Uids { get; set; }

    private SubtensorModulePallet St => Rt.SubtensorModule;

    [GlobalSetup]
    public void SetupEpoch()
    {
        _state = DevState();
        SeedSubnet(_state, 2, Uids, 1);
    }

    [Benchmark]
    public int EpochFromStorage() => Rolled(() => St.RunEpochWithMechanisms(_state, 2, 1_000_000_000).Count);

    /// <summary>A started dynamic subnet with <paramref name="n"/> staked, permitted UIDs that all weight every UID; its epoch is due.</summary>
    internal static void SeedSubnet(OverlayedState s, ushort net, int n, ulong now)
    {
        var st = Rt.SubtensorModule;
        var random = new Random(net);
        st.NetworksAdded.Insert(s, net, true);
        st.SubnetMechanism.Insert(s, net, 1);
        st.SubnetTAO.Insert(s, net, 1_000_000_000_000);
        st.SubnetAlphaIn.Insert(s, net, 1_000_000_000_000);
        Rt.Balances.DepositInto(s, SubtensorModulePallet.SubnetAccount(net), 1_000_000_000_000, exact: true);
        Rt.Balances.TotalIssuance.Mutate(s, v => v + 1_000_000_000_000);
        st.TotalIssuance.Mutate(s, v => v + 1_000_000_000_000);
        st.FirstEmissionBlockNumber.Insert(s, net, 1);
        st.SubtokenEnabled.Insert(s, net, true);
        st.SubnetMovingPrice.Insert(s, net, I96F32.SaturatingFromNum((ulong)random.Next(1, 100)).SafeDiv(I96F32.SaturatingFromNum(100UL)));
        st.Tempo.Insert(s, net, 10);
        st.PendingEpochAt.Insert(s, net, Math.Max(1, now));
        st.CommitRevealWeightsEnabled.Insert(s, net, false);
        st.MaxAllowedValidators.Insert(s, net, (ushort)n);
        st.SubnetworkN.Insert(s, net, (ushort)n);
        var coldkey = Key(net, 0xFFFF);
        ulong staked = 0;
        for (var uid = 0; uid < n; uid++)
        {
            var hotkey = Key(net, uid);
            st.Keys.Insert(s, net, (ushort)uid, hotkey);
            st.Uids.Insert(s, net, hotkey, (ushort)uid);
            st.Owner.Insert(s, hotkey, coldkey);
            var stake = (ulong)random.NextInt64(1_000_000_000, 100_000_000_000);
            st.IncreaseStake(s, hotkey, coldkey, net, stake);
            staked += stake;
            st.Weights.Insert(s, net, (ushort)uid, Enumerable.Range(0, n).Select(j => ((ushort)j, (ushort)random.Next(1, 65_536))).ToArray());
        }

        st.SubnetAlphaOut.Insert(s, net, staked);
        st.SubnetOwner.Insert(s, net, coldkey);
        st.SubnetOwnerHotkey.Insert(s, net, Key(net, 0));
        st.LastUpdate.Insert(s, net, Enumerable.Repeat(Math.Max(1, now), n).ToArray());
        st.ValidatorPermit.Insert(s, net, Enumerable.Repeat(true, n).ToArray());
    }

    private static AccountId32 Key(ushort net, int uid)
    {
        var bytes = new byte[32];
        bytes[0] = 0xBE;
        BitConverter.GetBytes(net).CopyTo(bytes, 1);
        BitConverter.GetBytes(uid).CopyTo(bytes, 3);
        return new AccountId32(bytes);
    }

    internal static OverlayedState DevState()
    {
        var plain = SubtensorChainSpecs.PlainSpec(Rt, "dev");
        var spec = Subtensor.ChainSpec.ChainSpec.Parse(System.Text.Encoding.UTF8.GetBytes(plain));
        var storage = SubtensorChainSpecs.BuildStorage(Rt, spec.Genesis.Code!, spec.Genesis.RuntimeGenesisConfig!.Value, spec.Genesis.IsPatch);
        var backend = new InMemoryStateBackend(storage.Top);
        var genesisHash = new Header(Hash256.Zero, 0, backend.Root(StateVersion.V1), TrieRootBuilder.OrderedRoot([], TrieLayout.V0), Digest.Empty).Hash();
        var state = new OverlayedState(backend);
        var digest = new Digest([DigestItem.PreRuntime(ConsensusEngineId.Aura, BitConverter.GetBytes(1_000_001UL))]);
        Rt.Executive.InitializeBlock(state, new Header(genesisHash, 1, Hash256.Zero, Hash256.Zero, digest));
        return state;
    }

    private int Rolled(Func<int> body)
    {
        _state.StartTransaction();
        try
        {
            return body();
        }
        finally
        {
            _state.RollbackTransaction();
        }
    }
}
