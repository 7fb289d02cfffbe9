using Subtensor.Core.Crypto;
using Subtensor.Core.Scale;
using Subtensor.Core.Types;
using Subtensor.Runtime.Executive;
using Subtensor.Runtime.Extrinsics;
using Subtensor.Runtime.Framework;
using Subtensor.Runtime.Genesis;
using Subtensor.Runtime.Primitives;
using Subtensor.Runtime.State;
using Subtensor.Trie;

namespace Subtensor.Runtime.Tests.Support;

/// <summary>A dev chain in memory: genesis from the dev preset, blocks built through the executive, extrinsics signed with dev keys.</summary>
internal sealed class TestChain
{
    public static readonly SubtensorRuntime Runtime = new();

    public TestChain(string chain = "dev")
    {
        var plain = SubtensorChainSpecs.PlainSpec(Runtime, chain);
        var spec = Subtensor.ChainSpec.ChainSpec.Parse(System.Text.Encoding.UTF8.GetBytes(plain));
        var storage = SubtensorChainSpecs.BuildStorage(Runtime, spec.Genesis.Code!, spec.Genesis.RuntimeGenesisConfig!.Value, spec.Genesis.IsPatch);
        Backend = new InMemoryStateBackend(storage.Top);
        var root = Backend.Root(StateVersion.V1);
        GenesisHeader = new Header(Hash256.Zero, 0, root, TrieRootBuilder.OrderedRoot([], TrieLayout.V0), Digest.Empty);
        GenesisHash = GenesisHeader.Hash();
        BestHash = GenesisHash;
        BestNumber = 0;
        State = new OverlayedState(Backend);
    }

    public InMemoryStateBackend Backend { get; }

    public Header GenesisHeader { get; }

    public Hash256 GenesisHash { get; }

    public Hash256 BestHash { get; private set; }

    public uint BestNumber { get; private set; }

    /// <summary>The state of the block being built (after <see cref="StartBlock"/>), or the committed best state.</summary>
    public OverlayedState State { get; private set; }

    public ulong Slot { get; private set; } = 1_000_000;

    public static AccountId32 Account(string seed) => new(Pair(seed).PublicKey);

    public static IKeyPair Pair(string seed, KeyScheme scheme = KeyScheme.Sr25519) => KeyPairs.FromSuri("//" + seed, scheme).Pair;

    /// <summary>Initializes the next block (Aura pre-digest, timestamp inherent applied).</summary>
    public void StartBlock()
    {
        Slot++;
        State = new OverlayedState(Backend);
        var digest = new Digest([DigestItem.PreRuntime(ConsensusEngineId.Aura, BitConverter.GetBytes(Slot))]);
        var header = new Header(BestHash, BestNumber + 1, Hash256.Zero, Hash256.Zero, digest);
        Runtime.Executive.InitializeBlock(State, header);
        var ts = UncheckedExtrinsic.Bare(Runtime.Timestamp.Set.Create(Slot * Runtime.Aura.SlotDurationMs));
        var r = Runtime.Executive.ApplyExtrinsic(State, ts.Encoded);
        Assert.True(r.IsSuccess, $"timestamp inherent: {r}");
        Included.Clear();
        Included.Add(ts.Encoded);
    }

    public List<byte[]> Included { get; } = [];

    public ApplyExtrinsicResult Apply(byte[] extrinsic)
    {
        var r = Runtime.Executive.ApplyExtrinsic(State, extrinsic);
        if (r.IsIncluded)
        {
            Included.Add(extrinsic);
        }

        return r;
    }

    /// <summary>Finalizes and commits the block; returns its header.</summary>
    public Header FinishBlock()
    {
        var header = Runtime.Executive.FinalizeBlock(State);
        Backend.Apply(State);
        BestHash = header.Hash();
        BestNumber = header.Number;
        LastBlock = new Block(header, Included.ToList());
        State = new OverlayedState(Backend);
        return header;
    }

    public Block? LastBlock { get; private set; }

    /// <summary>A signed extrinsic as a wallet builds it.</summary>
    public byte[] Sign(RuntimeCall call, string signer, uint? nonce = null, Era? era = null, ulong tip = 0, bool metadataHash = false,
        KeyScheme scheme = KeyScheme.Sr25519, uint? specVersion = null, Hash256? genesis = null, Hash256? birthHash = null)
    {
        using var pair = KeyPairs.FromSuri("//" + signer, scheme);
        var account = KeyPairs.AccountIdOf(scheme, pair.Pair.PublicKey);
        var n = nonce ?? Runtime.System.AccountNonce(State, account);
        var e = era ?? Era.Immortal;
        var extra = new SignedExtra(e, n, tip, metadataHash);
        var birth = birthHash ?? (e.IsImmortal ? GenesisHash : Runtime.System.BlockHash.Get(State, (uint)e.Birth(Runtime.System.Number.Get(State))));
        var implicitData = new ImplicitData(specVersion ?? Runtime.Version.SpecVersion, Runtime.Version.TransactionVersion, genesis ?? GenesisHash, birth,
            metadataHash ? Runtime.MetadataHash : null);
        var callBytes = call.Encode();
        var payload = UncheckedExtrinsic.SigningPayload(callBytes, extra, implicitData);
        var signature = new MultiSignature(scheme, pair.Pair.Sign(payload));
        return UncheckedExtrinsic.CreateSigned(call, MultiAddress.FromId(account), signature, extra).Encoded;
    }

    public ulong Free(string seed) => Runtime.Balances.FreeBalance(State, Account(seed));

    public RuntimeEvent[] Events() => Runtime.System.ReadEvents(State).Select(e => e.Event).ToArray();
}
