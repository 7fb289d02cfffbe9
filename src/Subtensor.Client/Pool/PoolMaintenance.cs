using Subtensor.Client.Blockchain;
using Subtensor.TransactionPool;

namespace Subtensor.Client.Pool;

/// <summary>Keeps the transaction pool in step with the chain: new best blocks, re-orgs and finality.</summary>
public static class PoolMaintenance
{
    public static void Attach(ChainClient client, TransactionPool.TransactionPool pool)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(pool);
        pool.SetBest(client.Best.Hash, client.Best.Number);
        client.BlockImported += e =>
        {
            if (!e.IsNewBest)
            {
                return;
            }

            var enacted = e.Enacted.Select(b => new BlockExtrinsics(b.Hash, b.Number,
                b.Hash == e.Hash ? e.Extrinsics : client.GetBody(b.Hash) ?? [])).ToList();
            var retracted = e.Retracted.Select(b => new BlockExtrinsics(b.Hash, b.Number, client.GetBody(b.Hash) ?? [])).ToList();
            pool.OnNewBestBlock(e.Hash, e.Header.Number, enacted, retracted);
        };
        client.BlocksFinalized += e => pool.OnFinalized(e.Blocks.Select(b => b.Hash));
    }
}
