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

namespace Subtensor.Client.Tests;

/// <summary>A dev chain assembled from the client parts, authored by //Alice, with a clock the test controls.</summary>
internal sealed class DevChain : IDisposable
{
    public static readonly SubtensorRuntime Runtime = new();

    public DevChain(string? databasePath = null, string chain = "dev")
    {
        var spec = ChainSpec.ChainSpec.Parse(System.Text.Encoding.UTF8.GetBytes(SubtensorChainSpecs.PlainSpec(Runtime, chain)));
        Client = ChainClient.Open(spec, databasePath, new ChainDatabaseOptions(), Runtime);
        Keystore = new LocalKeystore(null);
        Keystore.InsertUri("aura", "//Alice");
        Engine = new AuraEngine(Client.SlotDurationMs(Client.GenesisHash));
        Importer = new BlockImporter(Client, Engine, () => NowMs, allowFutureSlots: true, finalizeEveryBlock: true);
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

    /// <summary>Authors the next block in the next dev slot.</summary>
    public ImportResult AuthorNext()
    {
        var slot = Author.NextDevSlot(NowMs);
        var result = Author.TryAuthor(slot, slot * Engine.SlotDurationMs, TimeSpan.FromSeconds(5))
            ?? throw new InvalidOperationException("could not claim the slot");
        Assert.True(result.IsImported, result.Reason);
        return result;
    }

    public OverlayedState StateAtBest() => new(Client.StateAt(Client.Best.Hash));

    public ulong Free(string seed) => Runtime.Balances.FreeBalance(StateAtBest(), Account(seed));

    public static AccountId32 Account(string seed) => KeyPairs.AccountIdOf(KeyScheme.Sr25519, KeyPairs.FromSuri("//" + seed, KeyScheme.Sr25519).Pair.PublicKey);

    /// <summary>A signed, immortal extrinsic from //<paramref name="signer"/> valid on this chain.</summary>
    public byte[] Sign(RuntimeCall call, string signer, uint? nonce = null, ulong tip = 0)
    {
        using var pair = KeyPairs.FromSuri("//" + signer, KeyScheme.Sr25519);
        var account = KeyPairs.AccountIdOf(KeyScheme.Sr25519, pair.Pair.PublicKey);
        var n = nonce ?? Runtime.System.AccountNonce(StateAtBest(), account);
        var extra = new SignedExtra(Era.Immortal, n, tip, false);
        var implicitData = new ImplicitData(Runtime.Version.SpecVersion, Runtime.Version.TransactionVersion, Client.GenesisHash, Client.GenesisHash, null);
        var callBytes = call.Encode();
        var signature = new MultiSignature(KeyScheme.Sr25519, pair.Pair.Sign(UncheckedExtrinsic.SigningPayload(callBytes, extra, implicitData)));
        return UncheckedExtrinsic.CreateSigned(call, MultiAddress.FromId(account), signature, extra).Encoded;
    }

    public byte[] Transfer(string from, string to, ulong amount, uint? nonce = null)
        => Sign(Runtime.Balances.TransferKeepAlive.Create(MultiAddress.FromId(Account(to)), amount), from, nonce);

    public void Dispose() => Client.Dispose();
}
