using Subtensor.Core.Types;
using Subtensor.Storage.Chain;
using Subtensor.Trie;

namespace Subtensor.Storage.CrashHarness;

/// <summary>
/// <c>write &lt;db&gt; &lt;seed&gt; [changes per block]</c>: opens (or creates) the database and commits blocks of the
/// workload on top of the best block until killed, printing <c>committed N</c> after each commit returns.
/// </summary>
internal static class CrashWriter
{
    public static int Run(string[] args)
    {
        var path = args[1];
        var workload = new CrashWorkload(int.Parse(args[2]), args.Length > 3 ? int.Parse(args[3]) : 10_000);
        using var db = ChainDatabase.Open(path, CrashWorkload.Options);
        if (db.Genesis is null)
        {
            var genesis = TrieRootBuilder.Build(workload.GenesisEntries(), CrashWorkload.Layout);
            db.CommitBlock(CrashWorkload.Header(Hash256.Zero, 0, genesis.Root), CrashWorkload.Body(0), null, genesis, isBest: true);
            Console.Out.WriteLine("committed 0");
        }

        Console.Out.WriteLine("ready " + db.Best!.Value.Number);
        while (true)
        {
            var parent = db.Best!.Value;
            var number = parent.Number + 1;
            var trie = db.GetState(parent.Hash).OpenTrie(CrashWorkload.Layout);
            foreach (var (key, value) in workload.Changes(number))
            {
                if (value is null)
                {
                    trie.Remove(key);
                }
                else
                {
                    trie.Set(key, value);
                }
            }

            var changes = trie.Commit();
            Hash256? finalizes = number > CrashWorkload.FinalityLag ? db.GetCanonicalHash(number - CrashWorkload.FinalityLag) : null;
            db.CommitBlock(CrashWorkload.Header(parent.Hash, number, changes.Root), CrashWorkload.Body(number), null, changes, isBest: true, finalizes);
            Console.Out.WriteLine("committed " + number);
        }
    }
}
