using Subtensor.Client.Authoring;
using Subtensor.Client.Blockchain;
using Subtensor.Client.Keystore;
using Subtensor.Client.Pool;
using Subtensor.Consensus.Aura;
using Subtensor.Core.Crypto;
using Subtensor.Core.Types;
using Subtensor.Runtime;
using Subtensor.Runtime.Extrinsics;
using Subtensor.Runtime.Framework;
using Subtensor.Runtime.Genesis;
using Subtensor.Runtime.Primitives;
using Subtensor.Runtime.State;
using Subtensor.Storage.Chain;

namespace Subtensor.Rpc.Tests.Modules;

/// <summary>
/// An in-memory dev chain assembled from the client parts (as Subtensor.Client.Tests' DevChain does): authored by
/// //Alice through the pool, finalizing every block, with a clock the test controls.
/// </summary>
internal sealed class TestChain : IDisposable
{
    public static readonly SubtensorRuntime Runtime = new();

    /// <summary>Id of the default child trie the genesis holds when built <c>withChildTrie</c>.</summary>
    public static readonly byte[] ChildId = "rpc-test"u8.ToArray();

    /// <summary>The child trie's entries.</summary>
    public static readonly IReadOnlyDictionary<string, string> ChildEntries = new Dictionary<string, string>
    {
        ["0x01"] = "0xaa", ["0x0102"] = "0xbbbb", ["0x0103"] = "0xcc", ["0x02"] = "0xdddddd",
    };

    public TestChain(ChainDatabaseOptions? options = null, bool finalizeEveryBlock = true, bool withChildTrie = false)
    {
        var plain = SubtensorChainSpecs.PlainSpec(Runtime, "dev");
        var json = plain;
        if (withChildTrie)
        {
            var raw = System.Text.Json.Nodes.JsonNode.Parse(SubtensorChainSpecs.RawSpec(Runtime, plain))!;
            var child = new System.Text.Json.Nodes.JsonObject();
            foreach (var (k, v) in ChildEntries)
            {
                child[k] = v;
            }

            raw["genesis"]!["raw"]!["childrenDefault"]![Hex.ToHex(ChildId)] = child;
            json = raw.ToJsonString();
        }

        var spec = ChainSpec.ChainSpec.Parse(System.Text.Encoding.UTF8.GetBytes(json));
        Client = ChainClient.Open(spec, null, options ?? new ChainDatabaseOptions(), Runtime);
        Keystore = new LocalKeystore(null);
        Keystore.InsertUri("aura", "//Alice");
        Engine = new AuraEngine(Client.SlotDurationMs(Client.GenesisHash));
        Importer = new BlockImporter(Client, Engine, () => NowMs, allowFutureSlots: true, finalizeEveryBlock: finalizeEveryBlock);
        Pool = new TransactionPool.TransactionPool(new RuntimeTransactionValidator(Client));
        PoolMaintenance.Attach(Client, Pool);
        Author = new BlockAuthor(Client, Importer, new BlockBuilder(Client, Pool), Engine, Keystore);
    }

    public ChainClient Client { get; }

    public LocalKeystore Keystore { get; }

    public AuraEngine Engine { get; }

    public BlockImporter Importer { get; }

    public TransactionPool.TransactionPool Pool { get; }

    public BlockAuthor Author { get; }

    public ulong NowMs { get; set; } = 1_700_000_000_000;

    private readonly object _authoring = new();

    /// <summary>Authors the next block in the next dev slot.</summary>
    public ImportResult AuthorNext()
    {
        lock (_authoring)
        {
            var slot = Author.NextDevSlot(NowMs);
            var result = Author.TryAuthor(slot, slot * Engine.SlotDurationMs, TimeSpan.FromSeconds(5))
                ?? throw new InvalidOperationException("could not claim the slot");
            Assert.True(result.IsImported, result.Reason);
            return result;
        }
    }

    public OverlayedState StateAtBest() => new(Client.StateAt(Client.Best.Hash));

    public static AccountId32 Account(string seed) => KeyPairs.AccountIdOf(KeyScheme.Sr25519, KeyPairs.FromSuri("//" + seed, KeyScheme.Sr25519).Pair.PublicKey);

    public static string Address(string seed) => Ss58.Encode(Account(seed).ToArray());

    public uint Nonce(string seed) => Runtime.System.AccountNonce(StateAtBest(), Account(seed));

    /// <summary>A signed, immortal extrinsic from //<paramref name="signer"/> valid on this chain.</summary>
    public byte[] Sign(RuntimeCall call, string signer, uint? nonce = null, ulong tip = 0, bool corruptSignature = false)
    {
        using var pair = KeyPairs.FromSuri("//" + signer, KeyScheme.Sr25519);
        var account = KeyPairs.AccountIdOf(KeyScheme.Sr25519, pair.Pair.PublicKey);
        var n = nonce ?? Runtime.System.AccountNonce(StateAtBest(), account);
        var extra = new SignedExtra(Era.Immortal, n, tip, false);
        var implicitData = new ImplicitData(Runtime.Version.SpecVersion, Runtime.Version.TransactionVersion, Client.GenesisHash, Client.GenesisHash, null);
        var callBytes = call.Encode();
        var signed = pair.Pair.Sign(UncheckedExtrinsic.SigningPayload(callBytes, extra, implicitData));
        if (corruptSignature)
        {
            signed[0] ^= 0xFF;
        }

        var signature = new MultiSignature(KeyScheme.Sr25519, signed);
        return UncheckedExtrinsic.CreateSigned(call, MultiAddress.FromId(account), signature, extra).Encoded;
    }

    public byte[] Transfer(string from, string to, ulong amount, uint? nonce = null, bool corruptSignature = false)
        => Sign(Runtime.Balances.TransferKeepAlive.Create(MultiAddress.FromId(Account(to)), amount), from, nonce, corruptSignature: corruptSignature);

    public void Dispose() => Client.Dispose();
}
