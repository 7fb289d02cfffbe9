using System.Diagnostics;
using System.Text.RegularExpressions;
using Xunit.Abstractions;

namespace Subtensor.Node.Tests.MultiNode;

/// <summary>A late archive node syncs a long chain (1,000 prebuilt blocks plus what the validators add) from four validators.</summary>
[Collection(MultiNodeCollection.Name)]
public sealed partial class ArchiveSyncTests(ITestOutputHelper output)
{
    private const int PrebuiltBlocks = 1000;
    private static readonly TimeSpan Long = TimeSpan.FromSeconds(180);

    [Fact]
    public async Task LateArchiveNodeSyncsFromPeers_AndItsStateRootsEqualTheValidators()
    {
        await using var net = new TestNetwork(output, "archive");
        try
        {
            var build = Stopwatch.StartNew();
            var source = Path.Combine(net.Directory, "prebuilt");
            var best = PrebuiltChain.Build(source, PrebuiltBlocks);
            output.WriteLine($"prebuilt #{best} in {build.Elapsed.TotalSeconds:0.0} s");
            Assert.Equal((uint)PrebuiltBlocks, best);
            foreach (var name in TestNetwork.Validators)
            {
                PrebuiltChain.CopyDirectory(source, PrebuiltChain.DatabasePathIn(net.BasePathOf(name)));
            }

            var alice = await net.StartAsync("alice");
            foreach (var name in TestNetwork.Validators.Skip(1))
            {
                await net.StartAsync(name, ["--bootnodes", alice.P2pAddress]);
            }

            await net.WaitUntilAsync($"the validators build on the prebuilt chain and finalize past #{PrebuiltBlocks}", Long,
                async () => (await Task.WhenAll(net.Nodes.Select(n => n.FinalizedAsync()))).All(f => f.Number > PrebuiltBlocks));

            var syncWatch = Stopwatch.StartNew();
            var archive = await net.StartAsync("archive", ["--bootnodes", alice.P2pAddress, "--state-pruning", "archive", "--blocks-pruning", "archive"], validator: false);
            var target = (await alice.BestAsync()).Number;
            await net.WaitUntilAsync($"the archive node syncs to #{target}", Long, async () => (await archive.BestAsync()).Number >= target);
            var elapsed = syncWatch.Elapsed;
            var rates = archive.Lines.Select(l => SyncingLine().Match(l)).Where(m => m.Success).Select(m => m.Groups[1].Value).ToList();
            output.WriteLine($"archive synced {target} blocks in {elapsed.TotalSeconds:0.0} s including start-up ({target / elapsed.TotalSeconds:0} blocks/s); informant: {string.Join(", ", rates)} bps");

            // Every tenth block: same hash and state root on the archive node and on a validator.
            var validator = net["charlie"];
            for (uint n = 0; n <= target; n += 10)
            {
                var hash = await archive.BlockHashAsync(n);
                Assert.Equal(await validator.BlockHashAsync(n), hash);
                var ours = (await archive.HeaderAsync(hash!))!;
                var theirs = (await validator.HeaderAsync(hash!))!;
                Assert.Equal((string)theirs["stateRoot"]!, (string)ours["stateRoot"]!);
            }

            // The archive node follows finality (justifications and commits) and keeps up with new blocks.
            await net.WaitUntilAsync("the archive node finalizes past the prebuilt chain", Long, async () =>
            {
                var f = await archive.FinalizedAsync();
                return f.Number > PrebuiltBlocks && await alice.BlockHashAsync(f.Number) == f.Hash;
            });
            var later = (await alice.BestAsync()).Number + 8;
            await net.WaitUntilAsync($"the archive node keeps up to #{later}", Long, async () => (await archive.BestAsync()).Number >= later);
            var sync = (await archive.RpcAsync("system_syncState"))!;
            Assert.Equal(0u, (uint)sync["startingBlock"]!);
            Assert.True((uint)sync["highestBlock"]! >= later);
        }
        catch
        {
            net.KeepFiles();
            throw;
        }
    }

    [GeneratedRegex(@"Syncing (\d+(?:\.\d+)?) bps")]
    private static partial Regex SyncingLine();
}
