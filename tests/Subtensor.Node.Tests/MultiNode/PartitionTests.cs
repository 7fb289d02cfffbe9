using Subtensor.Core.Types;
using Xunit.Abstractions;

namespace Subtensor.Node.Tests.MultiNode;

/// <summary>
/// A 2/2 partition of four validators ({Alice, Bob} | {Charlie, Dave}), made and healed with <c>system_removeReservedPeer</c> /
/// <c>system_addReservedPeer</c> on reserved-only nodes: both halves keep authoring but cannot finalize; after healing one fork wins,
/// finality resumes, and the transfers the losing fork had included come back and land on the winning chain.
/// </summary>
[Collection(MultiNodeCollection.Name)]
public sealed class PartitionTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Long = TimeSpan.FromSeconds(120);

    [Fact]
    public async Task PartitionedHalvesFork_FinalityStops_HealingPicksOneForkAndRestoresItsTransactions()
    {
        await using var net = new TestNetwork(output, "partition");
        try
        {
            foreach (var name in TestNetwork.Validators)
            {
                await net.StartAsync(name, ["--reserved-only"]);
            }

            var nodes = net.Nodes;
            await ConnectAsync(nodes, nodes);
            await net.WaitUntilAsync("a full mesh", Long, async () => (await Task.WhenAll(nodes.Select(n => n.PeerCountAsync()))).All(p => p == 3));
            var meshedAt = (await nodes[0].BestAsync()).Number;
            await net.WaitUntilAsync("finality before the partition", Long,
                async () => (await Task.WhenAll(nodes.Select(n => n.FinalizedAsync()))).All(f => f.Number >= meshedAt + 4));

            // Partition.
            var left = nodes.Take(2).ToList();
            var right = nodes.Skip(2).ToList();
            await DisconnectAsync(left, right);
            await DisconnectAsync(right, left);
            await net.WaitUntilAsync("the halves are apart", Long,
                async () => (await Task.WhenAll(nodes.Select(n => n.PeerCountAsync()))).All(p => p == 1));

            // Finality may complete a round already in flight; after that it stops.
            await net.WaitUntilAsync("in-flight finality settles", Long, async () =>
            {
                var before = await Task.WhenAll(nodes.Select(n => n.FinalizedAsync()));
                var best = (await left[0].BestAsync()).Number;
                await net.WaitUntilAsync("4 more blocks", Long, async () => (await left[0].BestAsync()).Number >= best + 4);
                var after = await Task.WhenAll(nodes.Select(n => n.FinalizedAsync()));
                return before.Zip(after).All(p => p.First.Number == p.Second.Number);
            });
            var stalled = await Task.WhenAll(nodes.Select(n => n.FinalizedAsync()));
            var forkBase = stalled.Min(f => f.Number);

            // Each half includes its own transfers (distinct senders, so both can be valid on either fork).
            var genesis = Hash256.Parse((await nodes[0].BlockHashAsync(0))!);
            var leftTx = Transfers.Create(genesis, "Eve", "Alice", 1_000_000_000, 0);
            var rightTx = Transfers.Create(genesis, "Ferdie", "Bob", 2_000_000_000, 0);
            var leftHash = (string)(await left[0].RpcAsync("author_submitExtrinsic", Hex.ToHex(leftTx)))!;
            var rightHash = (string)(await right[0].RpcAsync("author_submitExtrinsic", Hex.ToHex(rightTx)))!;
            var leftStart = (await left[0].BestAsync()).Number;
            var rightStart = (await right[0].BestAsync()).Number;
            await net.WaitUntilAsync("both halves keep authoring", Long, async () =>
                (await left[0].BestAsync()).Number >= leftStart + 10 && (await right[0].BestAsync()).Number >= rightStart + 10);
            await net.WaitUntilAsync("each half included its transfer", Long, async () =>
                await IncludedAsync(left[0], leftHash, forkBase) && await IncludedAsync(right[0], rightHash, forkBase));

            var leftHead = await left[0].BestAsync();
            var rightHead = await right[0].BestAsync();
            Assert.NotEqual(await left[0].BlockHashAsync(forkBase + 3), await right[0].BlockHashAsync(forkBase + 3));
            var finalizedDuring = await Task.WhenAll(nodes.Select(n => n.FinalizedAsync()));
            Assert.Equal(stalled.Select(f => f.Number), finalizedDuring.Select(f => f.Number));

            // Heal.
            await ConnectAsync(left, right);
            await ConnectAsync(right, left);
            await net.WaitUntilAsync("the mesh is back", Long, async () => (await Task.WhenAll(nodes.Select(n => n.PeerCountAsync()))).All(p => p == 3));
            var healedBest = Math.Max(leftHead.Number, rightHead.Number);
            await net.WaitUntilAsync("finality resumes past both fork heads on every node", Long,
                async () => (await Task.WhenAll(nodes.Select(n => n.FinalizedAsync()))).All(f => f.Number > healedBest));
            var final = await nodes[0].FinalizedAsync();
            foreach (var node in nodes)
            {
                Assert.Equal(final.Hash, await node.BlockHashAsync(final.Number));
            }

            // One fork won; the transfer the losing fork had included is in a pool again and then on the winning chain.
            var leftWon = await nodes[0].BlockHashAsync(leftHead.Number) == leftHead.Hash;
            var rightWon = await nodes[0].BlockHashAsync(rightHead.Number) == rightHead.Hash;
            Assert.True(leftWon ^ rightWon, $"exactly one fork head is canonical (left {leftWon}, right {rightWon})");
            var (losers, lostHash) = leftWon ? (right, rightHash) : (left, leftHash);
            output.WriteLine($"{(leftWon ? "left" : "right")} fork won; lost transfer {lostHash}");
            await net.WaitUntilAsync("the lost transfer is back in a pool or on the winning chain", Long, async () =>
                await IncludedAsync(nodes[0], lostHash, forkBase)
                || (await Task.WhenAll(losers.Select(n => n.RpcAsync("author_pendingExtrinsics")))).Any(p => p!.AsArray().Any(x => Hash256.Blake2(Hex.Parse((string)x!)).ToString() == lostHash)));
            await net.WaitUntilAsync("the lost transfer is on the winning chain", Long, async () => await IncludedAsync(nodes[0], lostHash, forkBase));
            Assert.True(await IncludedAsync(nodes[0], leftWon ? leftHash : rightHash, forkBase), "the winning fork's transfer stays included");
        }
        catch
        {
            net.KeepFiles();
            throw;
        }
    }

    private static async Task ConnectAsync(IEnumerable<NodeProcess> from, IEnumerable<NodeProcess> to)
    {
        foreach (var a in from)
        {
            foreach (var b in to.Where(b => b != a))
            {
                await a.RpcAsync("system_addReservedPeer", b.P2pAddress);
            }
        }
    }

    private static async Task DisconnectAsync(IEnumerable<NodeProcess> from, IEnumerable<NodeProcess> to)
    {
        foreach (var a in from)
        {
            foreach (var b in to)
            {
                await a.RpcAsync("system_removeReservedPeer", b.PeerId);
            }
        }
    }

    /// <summary>Whether an extrinsic with this hash is in a canonical block of <paramref name="node"/> above <paramref name="after"/>.</summary>
    private static async Task<bool> IncludedAsync(NodeProcess node, string hash, uint after)
    {
        var best = (await node.BestAsync()).Number;
        for (var n = after + 1; n <= best; n++)
        {
            var block = await node.RpcAsync("chain_getBlock", (await node.BlockHashAsync(n))!);
            if (block?["block"]?["extrinsics"]?.AsArray().Any(x => Hash256.Blake2(Hex.Parse((string)x!)).ToString() == hash) == true)
            {
                return true;
            }
        }

        return false;
    }
}
