using Subtensor.Client.Authoring;
using Subtensor.Client.Blockchain;
using Subtensor.Client.Keystore;
using Subtensor.Client.Pool;
using Subtensor.Consensus.Aura;
using Subtensor.Node.Service;
using Subtensor.Storage.Chain;

namespace Subtensor.Node.Tests.MultiNode;

/// <summary>
/// Authors a long <c>local-fast</c> chain in-process, fast: the four authorities' Aura keys in one keystore, slots taken from the past (the
/// last one a few seconds ago) so the validators that later open the database keep building on it in real time. Every tenth block
/// carries a few transfers. The database is then copied into each validator's base path.
/// </summary>
internal static class PrebuiltChain
{
    public static ChainSpec.ChainSpec Spec => ChainSpec.ChainSpec.Parse(System.Text.Encoding.UTF8.GetBytes(FastBlocks.LocalFastSpec()));

    /// <summary>Builds <paramref name="blocks"/> blocks into <paramref name="databasePath"/>; returns the best number.</summary>
    public static uint Build(string databasePath, int blocks)
    {
        var spec = Spec;
        using var client = ChainClient.Open(spec, databasePath, new ChainDatabaseOptions(), Transfers.Runtime);
        var keystore = new LocalKeystore(null);
        foreach (var seed in TestNetwork.Validators)
        {
            keystore.InsertUri("aura", "//" + char.ToUpperInvariant(seed[0]) + seed[1..]);
        }

        var engine = new AuraEngine(client.SlotDurationMs(client.GenesisHash));
        var importer = new BlockImporter(client, engine);
        var pool = new TransactionPool.TransactionPool(new RuntimeTransactionValidator(client));
        PoolMaintenance.Attach(client, pool);
        var author = new BlockAuthor(client, importer, new BlockBuilder(client, pool), engine, keystore);
        var nowSlot = engine.SlotAt((ulong)DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
        var slot = nowSlot - (ulong)blocks - 40; // ends ~10 s in the past
        uint nonce = 0;
        for (var i = 0; i < blocks; i++, slot++)
        {
            if (i % 10 == 5)
            {
                for (var k = 0; k < 3; k++)
                {
                    pool.Submit(Transfers.Create(client.GenesisHash, "Ferdie", "Eve", 1_000_000 + (ulong)i, nonce++));
                }
            }

            var result = author.TryAuthor(slot, slot * engine.SlotDurationMs, TimeSpan.FromSeconds(5))
                ?? throw new InvalidOperationException($"no key for slot {slot}");
            if (!result.IsImported)
            {
                throw new InvalidOperationException($"prebuilt block #{result.Number} was not imported: {result.Reason}");
            }
        }

        if (pool.ReadyCount != 0)
        {
            throw new InvalidOperationException($"{pool.ReadyCount} prebuilt transfers were not included");
        }

        return client.Best.Number;
    }

    public static void CopyDirectory(string source, string target)
    {
        Directory.CreateDirectory(target);
        foreach (var file in Directory.EnumerateFiles(source))
        {
            File.Copy(file, Path.Combine(target, Path.GetFileName(file)));
        }

        foreach (var dir in Directory.EnumerateDirectories(source))
        {
            CopyDirectory(dir, Path.Combine(target, Path.GetFileName(dir)));
        }
    }

    /// <summary>Substrate's layout: &lt;base&gt;/chains/&lt;id&gt;/db/full.</summary>
    public static string DatabasePathIn(string basePath) => Path.Combine(basePath, "chains", Spec.Id, "db", "full");
}
