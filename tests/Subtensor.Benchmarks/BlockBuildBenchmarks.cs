using BenchmarkDotNet.Attributes;
using Subtensor.Core.Crypto;
using Subtensor.Core.Types;
using Subtensor.Runtime;
using Subtensor.Runtime.Extrinsics;
using Subtensor.Runtime.Genesis;
using Subtensor.Runtime.Primitives;
using Subtensor.Runtime.State;
using Subtensor.Trie;

namespace Subtensor.Benchmarks;

/// <summary>
/// One dev-chain block holding <see cref="Transfers"/> signed transfer_keep_alive extrinsics (50 senders, consecutive
/// nonces) through the executive: initialize, timestamp inherent, every apply_extrinsic, finalize (state root). Shows
/// whether the per-transaction cost stays flat as a block fills (events, extrinsic data, overlay growth).
/// </summary>
[MemoryDiagnoser]
public class BlockBuildBenchmarks
{
    private const int Senders = 50;
    private static readonly SubtensorRuntime Rt = new();
    private InMemoryStateBackend _backend = null!;
    private Hash256 _genesisHash;
    private byte[][] _transfers = [];

    [Params(500, 2000)]
    public int Transfers { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var plain = SubtensorChainSpecs.PlainSpec(Rt, "dev");
        var spec = Subtensor.ChainSpec.ChainSpec.Parse(System.Text.Encoding.UTF8.GetBytes(plain));
        var storage = SubtensorChainSpecs.BuildStorage(Rt, spec.Genesis.Code!, spec.Genesis.RuntimeGenesisConfig!.Value, spec.Genesis.IsPatch);
        var keys = Enumerable.Range(0, Senders).Select(i => KeyPairs.FromSuri($"//Alice//bench//{i}", KeyScheme.Sr25519)).ToArray();
        var funding = new OverlayedState(new InMemoryStateBackend(storage.Top));
        var alice = new AccountId32(KeyPairs.FromSuri("//Alice", KeyScheme.Sr25519).Pair.PublicKey);
        foreach (var key in keys)
        {
            Rt.Balances.Transfer(funding, alice, new AccountId32(key.Pair.PublicKey), 1_000_000_000_000, Subtensor.Runtime.Pallets.Balances.Preservation.Preserve);
        }

        var top = new SortedDictionary<byte[], byte[]>(storage.Top, ByteArrayComparer.Instance);
        foreach (var (key, value) in funding.TopChanges)
        {
            if (value is null)
            {
                top.Remove(key);
            }
            else
            {
                top[key] = value;
            }
        }

        _backend = new InMemoryStateBackend(top);
        _genesisHash = new Header(Hash256.Zero, 0, _backend.Root(StateVersion.V1), TrieRootBuilder.OrderedRoot([], TrieLayout.V0), Digest.Empty).Hash();
        var implicitData = new ImplicitData(Rt.Version.SpecVersion, Rt.Version.TransactionVersion, _genesisHash, _genesisHash, null);
        var call = Rt.Balances.TransferKeepAlive.Create(MultiAddress.FromId(alice), 1_000_000UL);
        _transfers = Enumerable.Range(0, Transfers).Select(i =>
        {
            var key = keys[i % Senders];
            var extra = new SignedExtra(Era.Immortal, (uint)(i / Senders), 0, false);
            var payload = UncheckedExtrinsic.SigningPayload(call.Encode(), extra, implicitData);
            var who = MultiAddress.FromId(new AccountId32(key.Pair.PublicKey));
            return UncheckedExtrinsic.CreateSigned(call, who, new MultiSignature(KeyScheme.Sr25519, key.Pair.Sign(payload)), extra).Encoded;
        }).ToArray();
        if (BuildBlock() != Transfers)
        {
            throw new InvalidOperationException("benchmark setup failed: not every transfer was included");
        }
    }

    [Benchmark]
    public int BuildBlock()
    {
        var state = new OverlayedState(_backend);
        var digest = new Digest([DigestItem.PreRuntime(ConsensusEngineId.Aura, BitConverter.GetBytes(1_000_001UL))]);
        Rt.Executive.InitializeBlock(state, new Header(_genesisHash, 1, Hash256.Zero, Hash256.Zero, digest));
        Rt.Executive.ApplyExtrinsic(state, UncheckedExtrinsic.Bare(Rt.Timestamp.Set.Create(1_000_001UL * Rt.Aura.SlotDurationMs)).Encoded);
        var included = 0;
        foreach (var xt in _transfers)
        {
            if (Rt.Executive.ApplyExtrinsic(state, xt).IsIncluded)
            {
                included++;
            }
        }

        Rt.Executive.FinalizeBlock(state);
        return included;
    }
}
