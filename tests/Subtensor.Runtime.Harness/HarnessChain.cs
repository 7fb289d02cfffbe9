using Subtensor.Core.Types;
using Subtensor.Runtime.Executive;
using Subtensor.Runtime.Extrinsics;
using Subtensor.Runtime.Genesis;
using Subtensor.Runtime.State;
using Subtensor.Trie;

namespace Subtensor.Runtime.Harness;

/// <summary>A chain in memory on a built-in spec's genesis, building blocks through the runtime (Aura slot digest, timestamp inherent).</summary>
internal sealed class HarnessChain
{
    private readonly SubtensorRuntime _rt;

    public HarnessChain(SubtensorRuntime runtime, string chain)
    {
        _rt = runtime;
        var plain = SubtensorChainSpecs.PlainSpec(runtime, chain);
        var spec = Subtensor.ChainSpec.ChainSpec.Parse(System.Text.Encoding.UTF8.GetBytes(plain));
        var storage = SubtensorChainSpecs.BuildStorage(runtime, spec.Genesis.Code!, spec.Genesis.RuntimeGenesisConfig!.Value, spec.Genesis.IsPatch);
        Backend = new InMemoryStateBackend(storage.Top);
        GenesisHeader = new Header(Hash256.Zero, 0, Backend.Root(StateVersion.V1), TrieRootBuilder.OrderedRoot([], TrieLayout.V0), Digest.Empty);
        GenesisHash = GenesisHeader.Hash();
        State = new OverlayedState(Backend);
    }

    public InMemoryStateBackend Backend { get; }

    public Header GenesisHeader { get; }

    public Hash256 GenesisHash { get; }

    public OverlayedState State { get; private set; }

    /// <summary>Slot of block 1: a fixed time (2026-01-01T00:00:00Z) in 12 s slots.</summary>
    public ulong Slot { get; } = 1_767_225_600_000 / 12_000;

    public void StartBlock()
    {
        var digest = new Digest([DigestItem.PreRuntime(ConsensusEngineId.Aura, BitConverter.GetBytes(Slot))]);
        _rt.Executive.InitializeBlock(State, new Header(GenesisHash, 1, Hash256.Zero, Hash256.Zero, digest));
        var ts = UncheckedExtrinsic.Bare(_rt.Timestamp.Set.Create(Slot * _rt.Aura.SlotDurationMs));
        var r = _rt.Executive.ApplyExtrinsic(State, ts.Encoded);
        if (!r.IsSuccess)
        {
            throw new InvalidOperationException($"timestamp inherent failed: {r}");
        }
    }

    public ApplyExtrinsicResult Apply(byte[] extrinsic) => _rt.Executive.ApplyExtrinsic(State, extrinsic);

    public Header FinishBlock()
    {
        var header = _rt.Executive.FinalizeBlock(State);
        Backend.Apply(State);
        State = new OverlayedState(Backend);
        return header;
    }
}
