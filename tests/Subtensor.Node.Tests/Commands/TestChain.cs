using Subtensor.Client.Authoring;
using Subtensor.Client.Blockchain;
using Subtensor.Client.Keystore;
using Subtensor.Client.Pool;
using Subtensor.Consensus.Aura;
using Subtensor.Core.Crypto;
using Subtensor.Core.Types;
using Subtensor.Node.Cli;
using Subtensor.Runtime;
using Subtensor.Runtime.Extrinsics;
using Subtensor.Runtime.Primitives;
using Subtensor.Runtime.State;
using Subtensor.Storage.Chain;

namespace Subtensor.Node.Tests.Commands;

/// <summary>
/// A dev chain authored in-process by //Alice on synthetic slots, stored in RocksDB where the node keeps it
/// (<c>&lt;base&gt;/chains/&lt;id&gt;/db/full</c>), so that subcommands run on it once it is disposed. Blocks are not
/// finalized unless asked.
/// </summary>
internal sealed class TestChain : IDisposable
{
    public static readonly SubtensorRuntime Runtime = new();

    public TestChain(string basePath, string chain = "dev")
    {
        Spec = ChainOptions.LoadSpec(chain, Runtime);
        Client = ChainClient.Open(Spec, ChainOptions.DatabasePath(basePath, Spec), new ChainDatabaseOptions(), Runtime);
        var keystore = new LocalKeystore(null);
        keystore.InsertUri("aura", "//Alice");
        var engine = new AuraEngine(Client.SlotDurationMs(Client.GenesisHash));
        Importer = new BlockImporter(Client, engine, () => NowMs, allowFutureSlots: true);
        Pool = new TransactionPool.TransactionPool(new RuntimeTransactionValidator(Client));
        PoolMaintenance.Attach(Client, Pool);
        Author = new BlockAuthor(Client, Importer, new BlockBuilder(Client, Pool), engine, keystore);
        SlotMs = engine.SlotDurationMs;
    }

    public ChainSpec.ChainSpec Spec { get; }

    public ChainClient Client { get; }

    public BlockImporter Importer { get; }

    public TransactionPool.TransactionPool Pool { get; }

    public BlockAuthor Author { get; }

    public ulong SlotMs { get; }

    public ulong NowMs { get; set; } = 1_700_000_000_000;

    /// <summary>Authors the next block (with a transfer from Alice to Bob when <paramref name="amount"/> is given).</summary>
    public ImportResult AuthorNext(ulong? amount = null)
    {
        if (amount is { } value)
        {
            Pool.Submit(Transfer("Alice", "Bob", value));
        }

        var slot = Author.NextDevSlot(NowMs);
        var result = Author.TryAuthor(slot, slot * SlotMs, TimeSpan.FromSeconds(5))
            ?? throw new InvalidOperationException("could not claim the slot");
        Assert.True(result.IsImported, result.Reason);
        return result;
    }

    /// <summary>Authors <paramref name="count"/> blocks, every other one with a transfer.</summary>
    public List<ImportResult> AuthorMany(int count)
    {
        var blocks = new List<ImportResult>();
        for (var i = 0; i < count; i++)
        {
            blocks.Add(AuthorNext(i % 2 == 0 ? 1_000_000_000UL + (ulong)i : null));
        }

        return blocks;
    }

    public static AccountId32 Account(string seed) => KeyPairs.AccountIdOf(KeyScheme.Sr25519, KeyPairs.FromSuri("//" + seed, KeyScheme.Sr25519).Pair.PublicKey);

    private byte[] Transfer(string from, string to, ulong amount)
    {
        using var pair = KeyPairs.FromSuri("//" + from, KeyScheme.Sr25519);
        var account = KeyPairs.AccountIdOf(KeyScheme.Sr25519, pair.Pair.PublicKey);
        var state = new OverlayedState(Client.StateAt(Client.Best.Hash));
        var nonce = Runtime.System.AccountNonce(state, account);
        var extra = new SignedExtra(Era.Immortal, nonce, 0, false);
        var implicitData = new ImplicitData(Runtime.Version.SpecVersion, Runtime.Version.TransactionVersion, Client.GenesisHash, Client.GenesisHash, null);
        var call = Runtime.Balances.TransferKeepAlive.Create(MultiAddress.FromId(Account(to)), amount);
        var signature = new MultiSignature(KeyScheme.Sr25519, pair.Pair.Sign(UncheckedExtrinsic.SigningPayload(call.Encode(), extra, implicitData)));
        return UncheckedExtrinsic.CreateSigned(call, MultiAddress.FromId(account), signature, extra).Encoded;
    }

    public void Dispose() => Client.Dispose();
}
