using Subtensor.Core.Types;
using Subtensor.Network.Substrate;
using Subtensor.Network.Sync;
using Subtensor.Network.Tests.Support;

namespace Subtensor.Network.Tests.Sync;

/// <summary>Full nodes in one process (network service + sync + in-memory chain) syncing over loopback TCP.</summary>
public sealed class SyncIntegrationTests
{
    [Fact]
    public async Task A_fresh_node_syncs_1200_blocks_from_two_peers()
    {
        var chainA = new TestChain();
        chainA.Grow(1200, withBodies: true);
        var chainB = new TestChain();
        chainB.Grow(1200, withBodies: true);
        Assert.Equal(chainA.BestHash, chainB.BestHash);
        var justified = chainA.CanonicalHash(600)!.Value;
        chainA.SetJustifications(justified, [Justification.Grandpa([1, 2, 3])]);
        chainB.SetJustifications(justified, [Justification.Grandpa([1, 2, 3])]);

        await using var a = await TestNode.StartAsync(chainA);
        await using var b = await TestNode.StartAsync(chainB);
        await using var c = await TestNode.StartAsync(new TestChain(), cfg => cfg with { Bootnodes = [a.Address, b.Address] });

        await Wait.UntilAsync(() => c.Chain.BestHash == chainA.BestHash, "C to reach A's best block", TimeSpan.FromSeconds(60));
        Assert.Equal(1200u, c.Chain.BestNumber);
        Assert.True(chainA.HeaderReads > 64 && chainB.HeaderReads > 64, $"both peers served ranges (A {chainA.HeaderReads}, B {chainB.HeaderReads})");
        Assert.Equal([1, 2, 3], Assert.Single(c.Chain.Justifications(justified)!).Data);
        Assert.Equal(TestChain.Extrinsic(777, 0), Assert.Single(c.Chain.Body(c.Chain.CanonicalHash(777)!.Value)!));
        await Wait.UntilAsync(() => c.Sync!.State.HighestBlock == 1200, "the sync state");
        Assert.Equal(new SyncState(0, 1200, 1200), c.Sync!.State);
        Assert.False(c.Sync.IsMajorSyncing);

        // Justification requests (a block request with only the justification field) go to peers that have the block.
        var fetched = await c.Sync.RequestJustificationsAsync(justified, 600);
        Assert.Equal([1, 2, 3], Assert.Single(fetched!).Data);
        Assert.Null(await c.Sync.RequestJustificationsAsync(chainA.CanonicalHash(601)!.Value, 601));
    }

    [Fact]
    public async Task Nodes_keep_up_from_announces_across_two_hops()
    {
        var chainA = new TestChain();
        chainA.Grow(20);
        await using var a = await TestNode.StartAsync(chainA);
        await using var b = await TestNode.StartAsync(new TestChain(), cfg => cfg with { Bootnodes = [a.Address] });
        await using var c = await TestNode.StartAsync(new TestChain(), cfg => cfg with { Bootnodes = [b.Address], EnableKademlia = false });
        await Wait.UntilAsync(() => c.Chain.BestHash == chainA.BestHash, "C to sync through B");

        for (var i = 0; i < 5; i++)
        {
            var head = chainA.Grow(1, withBodies: true);
            a.Network.AnnounceBlock(chainA.Header(head)!, isBest: true); // what the node does after authoring
            await Wait.UntilAsync(() => c.Chain.BestHash == head, $"C to follow block {i + 1}");
        }

        Assert.Equal(25u, c.Chain.BestNumber);
        Assert.Equal(25u, b.Chain.BestNumber);
    }

    [Fact]
    public async Task A_longer_fork_is_downloaded_and_becomes_best()
    {
        var chainA = new TestChain();
        chainA.Grow(20);
        var mainHead = chainA.Grow(10); // #30 on the main branch
        var chainB = new TestChain();
        chainB.Grow(20);
        var forkHead = chainB.Grow(16, salt: 5); // #36 on a side branch from #20

        await using var a = await TestNode.StartAsync(chainA);
        await using var b = await TestNode.StartAsync(chainB);
        await a.Network.ConnectAsync(b.Address);

        await Wait.UntilAsync(() => chainA.BestHash == forkHead, "A to re-org onto B's longer branch");
        Assert.True(chainA.IsKnown(mainHead));
        Assert.Equal(forkHead, chainA.CanonicalHash(36));
        await Wait.UntilAsync(() => chainB.IsKnown(mainHead), "B to fetch A's shorter branch as a side chain");
        Assert.Equal(forkHead, chainB.BestHash);
    }

    [Fact]
    public async Task A_peer_serving_invalid_blocks_is_banned_while_the_honest_one_serves()
    {
        var honestChain = new TestChain();
        honestChain.Grow(400, withBodies: true);
        var evilChain = new TestChain();
        evilChain.Grow(400, withBodies: true);
        await using var honest = await TestNode.StartAsync(honestChain, withSync: false);
        await using var evil = await TestNode.StartAsync(evilChain, withSync: false, backend: new TamperedBodies(evilChain));
        await using var fresh = await TestNode.StartAsync(new TestChain(), cfg => cfg with { Bootnodes = [evil.Address, honest.Address], EnableKademlia = false });

        await Wait.UntilAsync(() => fresh.Chain.BestHash == honestChain.BestHash, "the fresh node to sync from the honest peer");
        await Wait.UntilAsync(() => fresh.Network.Peerset.IsBanned(evil.PeerId), "the evil peer to be banned");
        Assert.Equal("Bad block", fresh.Network.Peerset.BanOf(evil.PeerId)!.Reason);
        Assert.DoesNotContain(fresh.Network.Peers, p => p.PeerId == evil.PeerId);
        Assert.Contains(fresh.Network.Peers, p => p.PeerId == honest.PeerId);
    }

    [Fact]
    public void Block_requests_are_answered_both_ways_and_capped()
    {
        var chain = new TestChain();
        chain.Grow(300, withBodies: true);
        var handler = new BlockRequestHandler(chain);
        var all = BlockAttributes.Header | BlockAttributes.Body | BlockAttributes.Justification;

        var ascending = handler.Handle(BlockRequest.ByNumber(10, 5, BlockRequestDirection.Ascending, all));
        Assert.Equal(Enumerable.Range(10, 5).Select(n => chain.CanonicalHash((uint)n)!.Value), ascending.Blocks.Select(b => b.Hash));
        Assert.All(ascending.Blocks, b => Assert.Single(b.Body!));

        var head = chain.BestHash;
        var descending = handler.Handle(BlockRequest.ByHash(head, 3, BlockRequestDirection.Descending, BlockAttributes.Header));
        Assert.Equal([300u, 299u, 298u], descending.Blocks.Select(b => HeaderSummary.Decode(b.Header!).Number));
        Assert.All(descending.Blocks, b => Assert.Null(b.Body));

        Assert.Equal(128, handler.Handle(BlockRequest.ByNumber(1, 1000, BlockRequestDirection.Ascending, all)).Blocks.Count);
        Assert.Equal(128, handler.Handle(BlockRequest.ByNumber(1, 0, BlockRequestDirection.Ascending, all)).Blocks.Count);
        Assert.Equal(3, handler.Handle(BlockRequest.ByNumber(2, 1000, BlockRequestDirection.Descending, all)).Blocks.Count); // #2, #1, genesis
        Assert.Empty(handler.Handle(BlockRequest.ByHash(Hash256.Blake2([1]), 10, BlockRequestDirection.Ascending, all)).Blocks);
        Assert.Empty(handler.Handle(BlockRequest.ByNumber(301, 10, BlockRequestDirection.Ascending, all)).Blocks);
        Assert.Equal(2, handler.Handle(BlockRequest.ByNumber(299, 10, BlockRequestDirection.Ascending, all)).Blocks.Count);
    }

    /// <summary>A chain backend that serves wrong bodies: headers and hashes check out, the importer finds the blocks invalid.</summary>
    private sealed class TamperedBodies(TestChain inner) : IChainBackend
    {
        public ChainInfo Info => inner.Info;

        public bool IsKnown(Hash256 hash) => inner.IsKnown(hash);

        public byte[]? Header(Hash256 hash) => inner.Header(hash);

        public Hash256? CanonicalHash(uint number) => inner.CanonicalHash(number);

        public IReadOnlyList<byte[]>? Body(Hash256 hash) => [[0x08, 0x66, 0x66]];

        public IReadOnlyList<Justification>? Justifications(Hash256 hash) => null;
    }
}
