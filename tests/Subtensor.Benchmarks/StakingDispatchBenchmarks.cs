using BenchmarkDotNet.Attributes;
using Subtensor.Core.Crypto;
using Subtensor.Core.Types;
using Subtensor.Runtime;
using Subtensor.Runtime.Extrinsics;
using Subtensor.Runtime.Framework;
using Subtensor.Runtime.Framework.Dispatch;
using Subtensor.Runtime.Genesis;
using Subtensor.Runtime.Primitives;
using Subtensor.Runtime.State;
using Subtensor.Trie;

namespace Subtensor.Benchmarks;

/// <summary>
/// add_stake / remove_stake on the dev chain's subnet 1 (a 1000 TAO pool), each inside a storage transaction that is
/// rolled back so every iteration sees the same state: the bare dispatch (pallet logic, pool swap, share pool, storage
/// through the overlay) and the whole signed extrinsic through the executive (decode, sr25519 check, nonce, fee, events).
/// </summary>
[MemoryDiagnoser]
public class StakingDispatchBenchmarks
{
    private static readonly SubtensorRuntime Rt = new();
    private OverlayedState _state = null!;
    private RuntimeCall _addStake = null!;
    private RuntimeCall _removeStake = null!;
    private byte[] _addStakeXt = null!;
    private byte[] _removeStakeXt = null!;
    private RuntimeCall _transfer = null!;
    private byte[] _transferXt = null!;
    private AccountId32 _alice;
    private AccountId32 _bob;

    [GlobalSetup]
    public void Setup()
    {
        var plain = SubtensorChainSpecs.PlainSpec(Rt, "dev");
        var spec = Subtensor.ChainSpec.ChainSpec.Parse(System.Text.Encoding.UTF8.GetBytes(plain));
        var storage = SubtensorChainSpecs.BuildStorage(Rt, spec.Genesis.Code!, spec.Genesis.RuntimeGenesisConfig!.Value, spec.Genesis.IsPatch);
        var backend = new InMemoryStateBackend(storage.Top);
        var genesisHash = new Header(Hash256.Zero, 0, backend.Root(StateVersion.V1), TrieRootBuilder.OrderedRoot([], TrieLayout.V0), Digest.Empty).Hash();
        _state = new OverlayedState(backend);
        var digest = new Digest([DigestItem.PreRuntime(ConsensusEngineId.Aura, BitConverter.GetBytes(1_000_001UL))]);
        Rt.Executive.InitializeBlock(_state, new Header(genesisHash, 1, Hash256.Zero, Hash256.Zero, digest));
        Check(Rt.Executive.ApplyExtrinsic(_state, UncheckedExtrinsic.Bare(Rt.Timestamp.Set.Create(1_000_001UL * Rt.Aura.SlotDurationMs)).Encoded).IsSuccess);

        _alice = Account("Alice");
        _bob = Account("Bob");
        var st = Rt.SubtensorModule;
        st.SubnetTAO.Mutate(_state, 1, v => v + 990_000_000_000);
        st.SubnetAlphaIn.Mutate(_state, 1, v => v + 990_000_000_000);
        Rt.Balances.Transfer(_state, _alice, Subtensor.Runtime.Pallets.SubtensorModule.SubtensorModulePallet.SubnetAccount(1), 990_000_000_000,
            Subtensor.Runtime.Pallets.Balances.Preservation.Preserve);
        _addStake = st.FindCall("add_stake")!.Create(_alice, (ushort)1, 10_000_000_000UL);
        Check(Rt.Dispatch(_state, st.FindCall("add_stake")!.Create(_alice, (ushort)1, 100_000_000_000UL), Origin.Signed(_bob), bypassFilter: false).IsOk);
        _removeStake = st.FindCall("remove_stake")!.Create(_alice, (ushort)1, 10_000_000_000UL);
        _addStakeXt = Sign(_addStake, "Bob", genesisHash);
        _removeStakeXt = Sign(_removeStake, "Bob", genesisHash);
        _transfer = Rt.Balances.TransferKeepAlive.Create(MultiAddress.FromId(_alice), 10_000_000_000UL);
        _transferXt = Sign(_transfer, "Bob", genesisHash);
        Check(AddStakeDispatch() && RemoveStakeDispatch() && AddStakeExtrinsic() && RemoveStakeExtrinsic() && TransferDispatch() && TransferExtrinsic());
    }

    [Benchmark]
    public bool AddStakeDispatch() => Rolled(() => Rt.Dispatch(_state, _addStake, Origin.Signed(_bob), bypassFilter: false).IsOk);

    [Benchmark]
    public bool RemoveStakeDispatch() => Rolled(() => Rt.Dispatch(_state, _removeStake, Origin.Signed(_bob), bypassFilter: false).IsOk);

    [Benchmark]
    public bool AddStakeExtrinsic() => Rolled(() => Rt.Executive.ApplyExtrinsic(_state, _addStakeXt).IsSuccess);

    [Benchmark]
    public bool RemoveStakeExtrinsic() => Rolled(() => Rt.Executive.ApplyExtrinsic(_state, _removeStakeXt).IsSuccess);

    /// <summary>Baseline: a balance transfer, to separate the executive's per-extrinsic cost from the staking logic.</summary>
    [Benchmark]
    public bool TransferDispatch() => Rolled(() => Rt.Dispatch(_state, _transfer, Origin.Signed(_bob), bypassFilter: false).IsOk);

    [Benchmark]
    public bool TransferExtrinsic() => Rolled(() => Rt.Executive.ApplyExtrinsic(_state, _transferXt).IsSuccess);

    private bool Rolled(Func<bool> body)
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

    private static AccountId32 Account(string seed) => new(KeyPairs.FromSuri("//" + seed, KeyScheme.Sr25519).Pair.PublicKey);

    private byte[] Sign(RuntimeCall call, string signer, Hash256 genesis)
    {
        using var pair = KeyPairs.FromSuri("//" + signer, KeyScheme.Sr25519);
        var account = KeyPairs.AccountIdOf(KeyScheme.Sr25519, pair.Pair.PublicKey);
        var extra = new SignedExtra(Era.Immortal, Rt.System.AccountNonce(_state, account), 0, false);
        var implicitData = new ImplicitData(Rt.Version.SpecVersion, Rt.Version.TransactionVersion, genesis, genesis, null);
        var payload = UncheckedExtrinsic.SigningPayload(call.Encode(), extra, implicitData);
        return UncheckedExtrinsic.CreateSigned(call, MultiAddress.FromId(account), new MultiSignature(KeyScheme.Sr25519, pair.Pair.Sign(payload)), extra).Encoded;
    }

    private static void Check(bool ok)
    {
        if (!ok)
        {
            throw new InvalidOperationException("benchmark setup failed");
        }
    }
}
