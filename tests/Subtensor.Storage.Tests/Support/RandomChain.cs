using Subtensor.Core.Types;

namespace Subtensor.Storage.Tests.Support;

/// <summary>
/// Random block trees: mostly on the best chain, often forking from any live block, with few keys and few values so
/// that nodes are constantly deleted and re-inserted; finality moves forward at random, in commits and on its own.
/// </summary>
public static class RandomChain
{
    private static readonly string[] Values = ["aa", "bb", "cc", "dd", "aabb"];

    public static void Run(ChainModel m, Random random, int steps, int verifyEvery, Action<ChainModel>? afterVerify = null)
    {
        if (m.Blocks.Count == 0)
        {
            m.CommitGenesis(Changes(random, 20));
        }

        for (var step = 1; step <= steps; step++)
        {
            var live = m.Blocks.Values.Where(b => m.Db.HasState(b.Hash) && (b.Hash == m.Db.Finalized!.Value.Hash || m.Db.UnfinalizedBlocks.ContainsKey(b.Hash))).ToList();
            var best = m.Blocks[m.Db.Best!.Value.Hash];
            var parent = random.Next(10) < 7 ? best : live[random.Next(live.Count)];
            var isBest = parent == best ? random.Next(10) < 8 : random.Next(10) < 3;
            Hash256? finalizes = null;
            if (random.Next(100) < 15 && parent.Hash != m.Db.Finalized!.Value.Hash)
            {
                // this block's parent or a random unfinalized ancestor of it
                var candidate = parent;
                while (random.Next(3) == 0 && m.Db.UnfinalizedBlocks.ContainsKey(m.Blocks[candidate.Hash].Parent))
                {
                    candidate = m.Blocks[candidate.Parent];
                }

                finalizes = candidate.Hash;
            }

            var finalizeSelf = finalizes is null && random.Next(100) < 5;
            var block = m.Commit(parent.Hash, Changes(random, random.Next(1, 6)), isBest, finalizes, finalizeSelf: finalizeSelf);
            if (finalizes is null && !finalizeSelf && random.Next(100) < 10)
            {
                m.Db.Finalize(random.Next(2) == 0 ? block.Hash : parent.Hash);
            }

            if (random.Next(100) < 5)
            {
                var candidates = m.Db.UnfinalizedBlocks.Keys.ToList();
                if (candidates.Count > 0)
                {
                    m.Db.SetBest(candidates[random.Next(candidates.Count)]);
                }
            }

            if (step % verifyEvery == 0 || step == steps)
            {
                m.Verify();
                afterVerify?.Invoke(m);
            }
        }
    }

    public static List<KeyValuePair<int, byte[]?>> Changes(Random random, int count)
    {
        var changes = new List<KeyValuePair<int, byte[]?>>();
        for (var i = 0; i < count; i++)
        {
            var key = random.Next(40) * 97 % 4096;
            changes.Add(ChainModel.Set(key, random.Next(10) == 0 ? null : Values[random.Next(Values.Length)]));
        }

        return changes;
    }
}
